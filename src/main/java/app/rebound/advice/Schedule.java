package app.rebound.advice;

import static app.rebound.advice.Scoring.f;

import app.rebound.PlatformTime;
import app.rebound.analysis.BatchCause;
import app.rebound.analysis.ImpactReport.BatchRow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Ranked actions as dated steps over 30/60/90 days from the plan date. The appeal's steps are dated
 * from each batch: find the cause, gather evidence, submit before the window closes, follow up
 * after 1–5 working days, answer a rejection. A batch past its window gets one step saying so and
 * no submit step.
 */
final class Schedule {

  /** Actions ranked 1–3 start in the first 30 days, 4–6 from day 30, the rest from day 60. */
  static final int PER_PHASE = 3;

  private Schedule() {}

  static List<PlanStep> of(
      List<RankedAction> actions,
      List<BatchRow> batches,
      Scoring.Coefficients c,
      Map<String, String> names,
      boolean zh,
      LocalDate asOf) {
    List<PlanStep> steps = new ArrayList<>();
    int window = (int) c.get("appeal.window_days");
    int nonAppeal = 0;
    for (RankedAction a : actions) {
      if (a.id().equals(Catalogue.APPEAL)) {
        continue; // dated from the batches below
      }
      int phase = Math.min(2, (a.rank() - 1) / PER_PHASE);
      LocalDate start = asOf.plusDays(phase * 30L + Math.min(nonAppeal % PER_PHASE, 2) * 7L);
      nonAppeal++;
      LocalDate end = start.plusDays(Math.max(6, a.daysToEffect()));
      steps.add(new PlanStep(start, end, a.id(), Catalogue.get(a.id()).text(zh)));
      steps.add(new PlanStep(end.plusDays(1), end.plusDays(7), a.id(), followUp(a, names, zh)));
    }
    boolean appealRanked = actions.stream().anyMatch(a -> a.id().equals(Catalogue.APPEAL));
    for (BatchRow b : batches.stream().sorted(Comparator.comparing(BatchRow::date)).toList()) {
      steps.addAll(appealSteps(b, window, zh, asOf, appealRanked));
    }
    steps.add(
        new PlanStep(
            asOf.plusDays(84),
            asOf.plusDays(90),
            Catalogue.MONITORING,
            zh
                ? "90 天复盘：用 Rebound 重新分析最新导出，比较损失是否收窄"
                : "90-day review: analyse fresh exports with Rebound and see whether the losses have narrowed"));
    steps.sort(Comparator.comparing(PlanStep::start).thenComparing(PlanStep::end));
    return steps;
  }

  /**
   * The week after an action takes effect: what to look at (the measures it is meant to move), on
   * which products, against the baseline before it started.
   */
  static String followUp(RankedAction a, Map<String, String> names, boolean zh) {
    List<String> products =
        a.products() == null
            ? List.of()
            : a.products().stream().map(id -> names.getOrDefault(id, id)).toList();
    String which =
        products.isEmpty()
            ? (zh ? "受影响商品" : "the affected products")
            : String.join(zh ? "、" : ", ", products);
    String check = Catalogue.get(a.id()).check(zh);
    return check.contains("%s") ? f(check, which) : check;
  }

  /** The appeal's steps for one batch. */
  static List<PlanStep> appealSteps(
      BatchRow b, int window, boolean zh, LocalDate asOf, boolean appealRanked) {
    List<PlanStep> out = new ArrayList<>();
    String id = Catalogue.APPEAL;
    if (BatchCause.VIOLATION.equals(b.likelyCause())) {
      out.add(
          new PlanStep(
              asOf,
              asOf,
              Catalogue.COMPLIANCE,
              zh
                  ? f("批次 %s（%s，%d 单）疑似真实违规：不申诉，按整改处理", b.id(), b.date(), b.orders())
                  : f(
                      "Batch %s (%s, %d orders) looks like a real violation: no appeal, clean it up instead",
                      b.id(), b.date(), b.orders())));
      return out;
    }
    // The same deadline as the appeal workbench: from the notice's time, or its day when unknown.
    LocalDateTime deadline =
        PlatformTime.appealDeadline(
            b.noticeAt() != null ? b.noticeAt() : b.date().atStartOfDay(), window);
    LocalDate last = deadline.minusMinutes(1).toLocalDate();
    String by = PlatformTime.deadline(deadline, zh);
    if (asOf.isAfter(last) || !appealRanked) {
      out.add(
          new PlanStep(
              asOf,
              asOf,
              id,
              zh
                  ? f(
                      "批次 %s（%s，%d 单）的 %d 天申诉期已于 %s 结束，无法再申诉；可联系平台客服说明情况，并做好监控",
                      b.id(), b.date(), b.orders(), window, last)
                  : f(
                      "Batch %s (%s, %d orders): the %d-day appeal window closed on %s; it can no longer be appealed. "
                          + "Tell platform support what happened and keep watch",
                      b.id(), b.date(), b.orders(), window, last)));
      return out;
    }
    LocalDate start = asOf.isBefore(b.date()) ? b.date() : asOf;
    LocalDate evidenceEnd = min(start.plusDays(2), last);
    LocalDate submit = min(evidenceEnd.plusDays(1), last);
    String cause =
        b.likelyCause().equals(BatchCause.SYSTEM_ERROR)
            ? (zh ? "系统误判" : "a system error")
            : (zh ? "恶意举报" : "a malicious report");
    out.add(
        new PlanStep(
            start,
            start,
            id,
            zh
                ? f(
                    "批次 %s（%d 单，¥%s）：核实删除原因（可能是%s），在 违规管理 → 违规列表 → 可申诉 找到该通知；须在 %s提交申诉",
                    b.id(), b.orders(), Scoring.yuan(b.money()), cause, by)
                : f(
                    "Batch %s (%d orders, ¥%s): confirm the cause (likely %s) and find the notice under 违规管理 → 违规列表 "
                        + "→ 可申诉; appeal %s",
                    b.id(), b.orders(), Scoring.yuan(b.money()), cause, by)));
    out.add(
        new PlanStep(
            start,
            evidenceEnd,
            id,
            zh
                ? "逐单准备证据：订单详情、飞鸽聊天记录、与物流单号一致并显示重量的面单、签收凭证；退款类附退款和推广证明"
                : "Gather evidence per order: order details, 飞鸽 chats, waybills whose number matches the order and show "
                    + "the weight, signed receipts; for refunds, refund and promotion proof"));
    out.add(
        new PlanStep(
            submit,
            submit,
            id,
            zh
                ? f("提交申诉（%s）：写明订单、时间范围和商品，理由约 200 字内，最多 5 张图片", by)
                : f(
                    "Submit the appeal (%s): name the orders, time range and products; reason within about "
                        + "200 characters, at most 5 images",
                    by)));
    LocalDate followFrom = workingDays(submit, 1);
    LocalDate followTo = workingDays(submit, 5);
    out.add(
        new PlanStep(
            followFrom,
            followTo,
            id,
            zh
                ? "跟进结果（1–5 个工作日）：查看站内消息，平台要求时补充证据"
                : "Follow up (1-5 working days): read the messages and add evidence when asked"));
    out.add(
        new PlanStep(
            followTo.plusDays(1),
            followTo.plusDays(3),
            id,
            zh
                ? "若被驳回：询问驳回原因，补齐缺失的证据（面单重量、聊天记录），页面允许时再次申诉"
                : "If rejected: ask why, add the missing evidence (waybill weights, chats) and appeal again if the page "
                    + "allows"));
    return out;
  }

  static LocalDate workingDays(LocalDate from, int n) {
    LocalDate d = from;
    int added = 0;
    while (added < n) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        added++;
      }
    }
    return d;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
