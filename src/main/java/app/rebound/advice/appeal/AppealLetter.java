package app.rebound.advice.appeal;

import app.rebound.analysis.OrderEvidence;
import app.rebound.analysis.OrderEvidence.Check;
import app.rebound.analysis.OrderEvidence.Proof;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The appeal letter of one submission group, in Chinese or English: which orders, when, which
 * product and notice, the reason, the proofs the merchant's exports hold for those orders (counted,
 * never assumed) and what is attached. A proof the data does not hold is only ever named as a
 * screenshot the merchant is to attach. Also the short form for the back office's reason field, and
 * warnings for the merchant that are not part of the letter.
 *
 * @param title one line naming the notice, product, order count and reason
 * @param body the letter to submit; lines separated by '\n'
 * @param shortReason the most important facts within the reason field's limit, whole sentences only
 * @param warnings for the merchant, never sent to the platform (a repeat violation's heavier
 *     penalty)
 */
public record AppealLetter(String title, String body, String shortReason, List<String> warnings) {

  /** The back office's reason field takes about 200 characters (docs/douyin-exports.md). */
  public static final int SHORT_REASON_LIMIT = 200;

  /**
   * The pack's files the letter cites as attached; the pack writer names its entries with these.
   */
  public static final String ORDERS_FILE = "orders.csv";

  public static final String EVIDENCE_FILE = "evidence_index.csv";

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  /** What "N of M orders …" says each proof is, in the letter's words. */
  private static final Map<String, String[]> HOLDS =
      Map.of(
          Proof.ORDER_DETAILS.code,
              new String[] {"在店铺订单明细中有完整记录", "appear in full in the shop's orders export"},
          Proof.LOGISTICS.code, new String[] {"有物流单号和快递公司", "have a tracking number and carrier"},
          Proof.SHIPPED.code, new String[] {"有发货时间", "have a shipping time"},
          Proof.DELIVERED.code, new String[] {"已签收或已完成", "were delivered or completed"},
          Proof.NO_REFUND.code, new String[] {"没有退款", "had no refund"},
          Proof.CHAT.code,
              new String[] {"有与买家的飞鸽客服聊天记录", "have a customer-service (飞鸽) chat with the buyer"},
          Proof.REVIEW.code, new String[] {"有买家评价", "have a review by the buyer"},
          Proof.SOURCE.code,
              new String[] {"有达人或流量来源记录", "have an affiliate or traffic source on record"});

  /** The letter of {@code group} with the default reason-field limit. */
  public static AppealLetter of(AppealGroup group, AppealReport report, String lang) {
    return of(group, report, lang, SHORT_REASON_LIMIT);
  }

  /**
   * The letter of {@code group}, from the evidence of its orders in {@code report}, in "zh" or
   * "en", with the short form within {@code limit} code points.
   */
  public static AppealLetter of(AppealGroup group, AppealReport report, String lang, int limit) {
    Words w = Words.of(lang);
    List<OrderEvidence> orders = ordersOf(group, report.orders());
    return new AppealLetter(
        title(group, w),
        body(group, orders, w),
        shortReason(group, orders, w, limit),
        warnings(group, w));
  }

  /** The group's orders' evidence, in the group's order; an id without evidence is left out. */
  public static List<OrderEvidence> ordersOf(AppealGroup group, List<OrderEvidence> shopOrders) {
    Map<String, OrderEvidence> byId = new HashMap<>();
    for (OrderEvidence o : shopOrders) {
      // A sub-order deleted in two batches is judged per batch: take the one of this group's batch.
      if (o.batch().equals(group.batch()) || !byId.containsKey(o.orderId())) {
        byId.put(o.orderId(), o);
      }
    }
    return group.orders().stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  // ---- the parts ----

  static String title(AppealGroup g, Words w) {
    return w.t(
        "申诉："
            + notice(g, w)
            + "，商品 "
            + product(g, w)
            + "，"
            + g.orders().size()
            + " 笔订单——"
            + AppealText.platformReason(g.reason(), w.lang),
        "Appeal against the "
            + notice(g, w)
            + ": "
            + g.orders().size()
            + " orders of "
            + product(g, w)
            + " — "
            + AppealText.platformReason(g.reason(), w.lang));
  }

  static String body(AppealGroup g, List<OrderEvidence> orders, Words w) {
    List<String> lines = new ArrayList<>();
    lines.add(w.t("申诉理由：", "Reason: ") + AppealText.platformReason(g.reason(), w.lang));
    lines.add(
        isDay(g.batch())
            ? w.t("销量删除日期：", "Deletion date: ") + g.batch()
            : w.t("违规单号：", "Violation notice: ") + g.batch());
    lines.add(w.t("商品：", "Product: ") + product(g, w));
    lines.add(w.t("付款时间范围：", "Payment times: ") + range(g.from(), g.to(), TIME, w));
    lines.add(
        w.t(
            "金额：共 " + g.units() + " 件，实付 " + money(g.money()),
            "Amount: " + g.units() + " items, " + money(g.money()) + " paid"));
    lines.add(
        w.t(
            "涉及订单（共 " + g.orders().size() + " 笔子订单）：",
            "Orders (" + g.orders().size() + " sub-orders):"));
    lines.add(String.join(w.t("、", ", "), g.orders()));
    lines.add("");
    List<String> held = held(orders, w);
    if (held.isEmpty()) {
      lines.add(
          w.t(
              "店铺导出的数据中暂无这些订单的证明；商家补充的材料见下方附件。",
              "The shop's exports hold no proof for these orders yet; what the merchant adds is listed below."));
    } else {
      lines.add(
          w.t(
              "这些订单是真实交易。店铺后台导出的数据显示：",
              "These orders are genuine. The shop's back-office exports show:"));
      held.forEach(h -> lines.add("- " + h));
    }
    lines.add("");
    lines.add(w.t("附件：", "Attached:"));
    lines.add(
        w.t(
            "1. " + ORDERS_FILE + "：以上订单的明细（付款时间、金额、数量、状态、售后状态、物流单号、快递公司、发货和完成时间）",
            "1. "
                + ORDERS_FILE
                + ": the orders above (payment time, amount, quantity, status, after-sale status,"
                + " tracking number, carrier, shipping and completion times)"));
    lines.add(
        w.t(
            "2. " + EVIDENCE_FILE + "：每笔订单每项证明的状态及其数据来源",
            "2. "
                + EVIDENCE_FILE
                + ": each order's proofs, whether held, and where each comes from"));
    lines.add(w.t("3. 由商家补充附上的截图：", "3. Screenshots to be attached by the merchant:"));
    screenshots(g, orders, w).forEach(s -> lines.add("- " + s));
    lines.add("");
    lines.add(
        w.t(
            "恳请平台核实以上订单并恢复其销量。",
            "We ask the platform to check these orders and restore their sales."));
    return String.join("\n", lines);
  }

  /** "N of M orders …" for each proof at least one order holds, with the numbers that back it. */
  static List<String> held(List<OrderEvidence> orders, Words w) {
    List<String> out = new ArrayList<>();
    for (Proof p : Proof.values()) {
      List<OrderEvidence> with = holding(orders, p.code);
      if (with.isEmpty()) {
        continue;
      }
      out.add(count(with.size(), orders.size(), p.code, w) + details(p, with, w));
    }
    return out;
  }

  private static String count(int held, int of, String proof, Words w) {
    String[] holds = HOLDS.get(proof);
    return w.t(of + " 笔中 " + held + " 笔" + holds[0], held + " of " + of + " orders " + holds[1]);
  }

  /** The numbers behind a proof: the waybills, the span of the shipping or completion times. */
  private static String details(Proof p, List<OrderEvidence> with, Words w) {
    return switch (p) {
      case LOGISTICS ->
          w.t("：", ": ")
              + String.join(
                  w.t("、", ", "),
                  with.stream()
                      .map(
                          o ->
                              o.carrier().isEmpty()
                                  ? o.trackingNumber()
                                  : o.trackingNumber()
                                      + w.t("（" + o.carrier() + "）", " (" + o.carrier() + ")"))
                      .toList());
      case SHIPPED ->
          span(w.t("发货时间 ", "shipped "), with.stream().map(OrderEvidence::shippedAt).toList(), w);
      case DELIVERED ->
          span(
              w.t("完成时间 ", "completed "),
              with.stream().map(OrderEvidence::completedAt).toList(),
              w);
      default -> "";
    };
  }

  private static String span(String label, List<LocalDateTime> times, Words w) {
    List<LocalDateTime> known = times.stream().filter(Objects::nonNull).sorted().toList();
    return known.isEmpty()
        ? ""
        : w.t("，", ", ") + label + range(known.get(0), known.get(known.size() - 1), TIME, w);
  }

  /**
   * What the merchant is to add: the evidence the reason needs, then each needed proof the data
   * cannot tell (its export not uploaded), with those orders. A proof the data says is absent is
   * not promised here: the checklist leaves it to the merchant to find.
   */
  static List<String> screenshots(AppealGroup g, List<OrderEvidence> orders, Words w) {
    List<String> out = new ArrayList<>(AppealText.evidenceNeeded(g.reason(), w.lang));
    missingByProof(orders, Check.State.UNKNOWN)
        .forEach(
            (code, ids) ->
                out.add(
                    AppealText.proof(code, w.lang)
                        + w.t("（订单 ", " (orders ")
                        + String.join(w.t("、", ", "), ids)
                        + w.t("）", ")")));
    return out;
  }

  /**
   * Per proof code, in the letter's order, the orders whose reason needs it and whose check is in
   * {@code state}.
   */
  public static Map<String, List<String>> missingByProof(
      List<OrderEvidence> orders, Check.State state) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Proof p : Proof.values()) {
      Predicate<Check> lacking = c -> c.code().equals(p.code) && c.needed() && c.state() == state;
      List<String> ids =
          orders.stream()
              .filter(o -> o.checks().stream().anyMatch(lacking))
              .map(OrderEvidence::orderId)
              .toList();
      if (!ids.isEmpty()) {
        out.put(p.code, ids);
      }
    }
    return out;
  }

  /**
   * The reason field: sentences in order of importance (reason, notice, product, orders, the
   * weightiest proofs held, the attachments), each kept whole or left out; a sentence with a
   * shorter form falls back to it. Never cut mid-word or mid-number.
   */
  static String shortReason(AppealGroup g, List<OrderEvidence> orders, Words w, int limit) {
    List<List<String>> sentences = new ArrayList<>();
    sentences.add(
        List.of(
            w.t(
                "申诉理由：" + AppealText.platformReason(g.reason(), w.lang) + "。",
                "Reason: " + AppealText.platformReason(g.reason(), w.lang) + ".")));
    String notice = notice(g, w);
    sentences.add(
        List.of(
            w.t(
                notice + "。",
                Character.toUpperCase(notice.charAt(0)) + notice.substring(1) + ".")));
    sentences.add(
        List.of(
            w.t("商品 " + product(g, w) + "。", "Product " + product(g, w) + "."),
            w.t("商品ID " + g.productId() + "。", "Product ID " + g.productId() + ".")));
    String n = String.valueOf(g.orders().size());
    sentences.add(
        g.from() == null
            ? List.of(w.t(n + " 笔订单均为真实交易。", n + " genuine orders."))
            : List.of(
                w.t(
                    n + " 笔订单，付款于 " + range(g.from(), g.to(), DAY, w) + "，均为真实交易。",
                    n + " genuine orders paid " + range(g.from(), g.to(), DAY, w) + "."),
                w.t(n + " 笔订单均为真实交易。", n + " genuine orders.")));
    List<Proof> byWeight = new ArrayList<>(List.of(Proof.values()));
    byWeight.sort(Comparator.comparingDouble((Proof p) -> p.weight).reversed());
    for (Proof p : byWeight) {
      int held = holding(orders, p.code).size();
      if (held > 0) {
        String[] holds = HOLDS.get(p.code);
        sentences.add(
            List.of(
                count(held, orders.size(), p.code, w) + w.t("。", "."),
                held + "/" + orders.size() + w.t(" 笔" + holds[0] + "。", " " + holds[1] + ".")));
      }
    }
    sentences.add(List.of(w.t("附订单明细和证据索引。", "Order list and evidence index attached.")));
    return fit(sentences, w.zh ? "" : " ", limit);
  }

  /**
   * Each sentence's first form that still fits, in order; a sentence with no form that fits is left
   * out.
   */
  static String fit(List<List<String>> sentences, String separator, int limit) {
    StringBuilder out = new StringBuilder();
    for (List<String> forms : sentences) {
      for (String form : forms) {
        String next = out.length() == 0 ? form : out + separator + form;
        if (next.codePointCount(0, next.length()) <= limit) {
          out.setLength(0);
          out.append(next);
          break;
        }
      }
    }
    return out.toString();
  }

  /** The merchant's warnings: a second notice within 90 days makes the next penalty heavier. */
  static List<String> warnings(AppealGroup g, Words w) {
    List<String> out = new ArrayList<>();
    if (g.reason().equals(AppealGroup.NOT_SHIPPED)) {
      out.add(
          w.t(
              "这些订单还没有发货：先发货并在订单里填好物流单号，再提交本申诉；未发货不能声称已真实发货",
              "These orders have not been shipped: ship them and enter the tracking numbers first, then"
                  + " submit this appeal; an unshipped order cannot be claimed as really shipped"));
    }
    if (!g.penaltyEscalates()) {
      return out;
    }
    int n = g.noticesIn90Days();
    out.add(
        w.t(
            "这是 "
                + AppealGroups.REPEAT_WINDOW_DAYS
                + " 天内第 "
                + n
                + " 次违规通知：再被判定违规，处罚将升级"
                + "（下架、7 或 14 天不能参加营销活动、按虚假交易金额 1% 罚款，最低 ¥1,000 或 ¥2,000，最高 ¥20,000）",
            "This is notice "
                + n
                + " within "
                + AppealGroups.REPEAT_WINDOW_DAYS
                + " days: another violation makes the"
                + " penalty heavier (delisting, 7 or 14 days barred from marketing campaigns, a fine of 1% of the fake"
                + " orders' amount, at least ¥1,000 or ¥2,000, at most ¥20,000)"));
    return out;
  }

  // ---- small helpers ----

  private static List<OrderEvidence> holding(List<OrderEvidence> orders, String proof) {
    Predicate<Check> present = c -> c.code().equals(proof) && c.state() == Check.State.PRESENT;
    return orders.stream().filter(o -> o.checks().stream().anyMatch(present)).toList();
  }

  /** The notice by its number; a batch without one is named by its processing day. */
  private static String notice(AppealGroup g, Words w) {
    return isDay(g.batch())
        ? w.t(g.batch() + " 的销量删除", "deletion of " + g.batch())
        : w.t("违规单号 " + g.batch(), "notice " + g.batch());
  }

  /** A batch without a notice number is named by its processing day. */
  private static boolean isDay(String batch) {
    return batch.matches("\\d{4}-\\d{2}-\\d{2}");
  }

  private static String product(AppealGroup g, Words w) {
    return g.productName().isEmpty()
        ? "ID " + g.productId()
        : g.productName() + w.t("（ID " + g.productId() + "）", " (ID " + g.productId() + ")");
  }

  private static String range(LocalDateTime from, LocalDateTime to, DateTimeFormatter f, Words w) {
    if (from == null) {
      return w.t("订单明细中没有付款时间", "not in the orders export");
    }
    String a = f.format(from);
    String b = f.format(to);
    return a.equals(b) ? a : a + w.t(" 至 ", " to ") + b;
  }

  private static String money(double yuan) {
    return String.format(Locale.ROOT, "¥%,.2f", yuan);
  }

  /** The letter's language: "zh" unless "en". */
  record Words(boolean zh, String lang) {
    static Words of(String lang) {
      boolean zh = !"en".equals(lang);
      return new Words(zh, zh ? "zh" : "en");
    }

    String t(String zhText, String enText) {
      return zh ? zhText : enText;
    }
  }
}
