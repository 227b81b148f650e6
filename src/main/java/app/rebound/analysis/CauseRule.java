package app.rebound.analysis;

import static app.rebound.analysis.BatchSignals.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The diagnosis: naive Bayes in log-odds. Each batch starts from the priors; every measured signal
 * falls in one of its bins and adds the log of its bin's relative likelihood under each cause (the
 * weights in {@code cause-assumptions.properties}, each with its meaning and source). A share
 * measured on few orders counts in proportion to them. The most probable cause is the likely one;
 * when the odds between the two most likely are under the undecided odds the batch is undecided and
 * the diagnosis names the export or evidence that would settle it.
 */
final class CauseRule {

  /** Signals the diagnosis weighs, and whether each is a share of the batch's orders. */
  static final Map<String, Boolean> WEIGHED = weighed();

  private static Map<String, Boolean> weighed() {
    Map<String, Boolean> out = new LinkedHashMap<>();
    for (String code :
        List.of(COMPLAINTS, REFUND_GROUP, REFUND_WAVE, EXPRESS_REFUND, BEST_SELLERS, BREADTH)) {
      out.put(code, false);
    }
    for (String code :
        List.of(
            REUSED_EXCESS,
            NO_WAYBILL,
            LOW_PRICE,
            FAST_COMPLETE,
            BURST,
            NIGHT,
            CHAT,
            REVIEW,
            ONE_AREA,
            ONE_LINK)) {
      out.put(code, true);
    }
    return Collections.unmodifiableMap(out);
  }

  /** Where a signal that is not measured comes from, to name what would settle a close call. */
  static final Map<String, String[]> SETTLED_BY =
      Map.of(
          COMPLAINTS, new String[] {"店铺体验分.csv（投诉量）", "店铺体验分.csv (投诉量, complaints)"},
          CHAT, new String[] {"客服聊天记录.csv", "客服聊天记录.csv (customer-service chats)"},
          REVIEW, new String[] {"评价.csv", "评价.csv (reviews)"},
          EXPRESS_REFUND, new String[] {"售后列表.csv（是否极速退款）", "售后列表.csv (是否极速退款, express refunds)"},
          REFUND_WAVE, new String[] {"售后列表.csv（售后申请时间）", "售后列表.csv (售后申请时间, refund times)"});

  /** Fewer deleted orders than this: one order moves a share by more than 20 points. */
  static final int MIN_ORDERS = 5;

  static final double MIN_IN_ORDERS = 0.8;

  /** How many signals the diagnosis names as having moved the odds most. */
  static final int DRIVERS = 3;

  static final Map<String, String[]> CAUSE_NAMES =
      Map.of(
          BatchCause.SYSTEM_ERROR, new String[] {"系统误判", "a system error"},
          BatchCause.MALICIOUS_REPORT, new String[] {"恶意举报", "a malicious report"},
          BatchCause.VIOLATION, new String[] {"真实违规", "a real violation"});

  record Verdict(
      String cause, double confidence, boolean thin, CauseOdds odds, List<Signal> notes) {}

  private CauseRule() {}

  static Verdict decide(Map<String, Signal> s, int orders) {
    return decide(s, orders, CauseWeights.DEFAULT);
  }

  static Verdict decide(Map<String, Signal> s, int orders, CauseWeights w) {
    List<String> causes = CauseWeights.CAUSES;
    double[] logOdds = new double[causes.size()];
    for (int c = 0; c < logOdds.length; c++) {
      logOdds[c] = Math.log(w.prior[c]);
    }
    double inOrders = value(s, IN_ORDERS);
    double seen = Double.isNaN(inOrders) ? 0 : inOrders;
    double orderWeight = Math.min(1.0, Math.round(orders * seen) / w.fullWeightOrders);
    Map<String, double[]> pulls = new LinkedHashMap<>();
    WEIGHED.forEach(
        (code, isShare) -> {
          Signal signal = s.get(code);
          if (signal == null || !signal.measured()) {
            return;
          }
          double[] l = w.bins(code).likelihood(signal.value());
          double weight = isShare ? orderWeight : riseWeight(s, code, signal.value(), w);
          double[] pull = new double[l.length];
          for (int c = 0; c < l.length; c++) {
            pull[c] = weight * Math.log(l[c]);
            logOdds[c] += pull[c];
          }
          pulls.put(code, pull);
        });
    // The orders missing from the orders export say nothing: their share of the belief is even.
    double[] p = softmax(logOdds);
    for (int c = 0; c < p.length; c++) {
      p[c] = seen * p[c] + (1 - seen) / p.length;
    }
    Integer[] rank = {0, 1, 2};
    java.util.Arrays.sort(rank, Comparator.comparingDouble((Integer c) -> -p[c]));
    int top = rank[0];
    int second = rank[1];
    boolean undecided = p[top] < w.undecidedOdds * p[second];
    String cause = causes.get(top);
    Map<String, Double> probabilities = new LinkedHashMap<>();
    for (int c = 0; c < causes.size(); c++) {
      probabilities.put(causes.get(c), Math.round(p[c] * 1000) / 1000.0);
    }
    List<CauseOdds.Driver> drivers = drivers(s, pulls, top, second);
    String[] settle = undecided ? settle(s, w, top, second) : new String[] {"", ""};
    CauseOdds odds =
        new CauseOdds(probabilities, undecided, causes.get(second), drivers, settle[0], settle[1]);

    List<String> reasonsZh = new ArrayList<>();
    List<String> reasonsEn = new ArrayList<>();
    List<String> files = new ArrayList<>();
    if (orders < MIN_ORDERS) {
      reasonsZh.add("本批只有 " + orders + " 笔订单");
      reasonsEn.add("the batch has only " + orders + (orders == 1 ? " order" : " orders"));
    }
    if (!(inOrders >= MIN_IN_ORDERS)) {
      reasonsZh.add("被删订单有 " + pct(1 - (Double.isNaN(inOrders) ? 0 : inOrders)) + " 不在订单明细里");
      reasonsEn.add(
          pct(1 - (Double.isNaN(inOrders) ? 0 : inOrders))
              + " of the deleted orders are not in the orders export");
      files.add("订单明细.csv");
    }
    boolean violation = cause.equals(BatchCause.VIOLATION);
    if (Double.isNaN(value(s, CHAT)) && (undecided || !violation) && inOrders > 0) {
      reasonsZh.add("没有客服聊天记录，无法看出买家是否真实");
      reasonsEn.add("no customer-service chats to show whether the buyers were real");
      files.add("客服聊天记录.csv");
    }
    if (Double.isNaN(value(s, COMPLAINTS)) && !violation) {
      reasonsZh.add("没有删除前的投诉量，无法区分恶意举报和系统误判");
      reasonsEn.add(
          "no complaint counts before the deletion to tell a malicious report from a system error");
      files.add("店铺体验分.csv");
    }
    boolean thin = !reasonsZh.isEmpty();
    List<Signal> notes = new ArrayList<>();
    notes.add(summary(probabilities, cause, odds));
    for (CauseOdds.Driver d : drivers) {
      notes.add(new Signal("cause_driver_" + d.code(), d.factor(), d.zh(), d.en()));
    }
    if (thin) {
      String settleFiles = files.isEmpty() ? "更多被删订单" : String.join("、", files);
      String settleFilesEn = files.isEmpty() ? "more deleted orders" : String.join(", ", files);
      notes.add(
          new Signal(
              "thin_evidence",
              reasonsZh.size(),
              "证据不足："
                  + String.join("；", reasonsZh)
                  + "。"
                  + (files.isEmpty() ? "原因只能作参考" : "上传 " + settleFiles + " 可以确定"),
              "thin evidence: "
                  + String.join("; ", reasonsEn)
                  + "."
                  + (files.isEmpty()
                      ? " Treat the cause as a hint"
                      : " Uploading " + settleFilesEn + " would settle it")));
    }
    return new Verdict(cause, p[top], thin, odds, notes);
  }

  private static double[] softmax(double[] logOdds) {
    double max = Math.max(logOdds[0], Math.max(logOdds[1], logOdds[2]));
    double[] p = new double[logOdds.length];
    double sum = 0;
    for (int c = 0; c < p.length; c++) {
      p[c] = Math.exp(logOdds[c] - max);
      sum += p[c];
    }
    for (int c = 0; c < p.length; c++) {
      p[c] /= sum;
    }
    return p;
  }

  /** The count behind each ratio of counts: the events above the usual level a rise rests on. */
  static final Map<String, String> EXTRA_EVENTS =
      Map.of(COMPLAINTS, COMPLAINTS_EXTRA, REFUND_GROUP, REFUNDS_EXTRA);

  /**
   * A rise in complaints or refunds counts in proportion to the extra events it rests on, in full
   * from full_weight_events: on a usual level of 3 a week, 6 or more is chance about one week in
   * twelve, so a doubling of a handful says little, while a calm week says as much as ever.
   */
  static double riseWeight(Map<String, Signal> s, String code, double value, CauseWeights w) {
    String extra = EXTRA_EVENTS.get(code);
    if (extra == null || w.bins(code).bin(value) == 0) {
      return 1.0;
    }
    double events = value(s, extra);
    return Double.isNaN(events) ? 1.0 : Math.min(1.0, Math.max(0, events) / w.fullWeightEvents);
  }

  /** The signals that moved the odds between the two most likely causes most. */
  static List<CauseOdds.Driver> drivers(
      Map<String, Signal> s, Map<String, double[]> pulls, int top, int second) {
    List<CauseOdds.Driver> out = new ArrayList<>();
    pulls.forEach(
        (code, pull) -> {
          double diff = pull[top] - pull[second];
          if (Math.abs(diff) < 1e-9) {
            return;
          }
          String towards = CauseWeights.CAUSES.get(diff > 0 ? top : second);
          String against = CauseWeights.CAUSES.get(diff > 0 ? second : top);
          double factor = Math.exp(Math.abs(diff));
          Signal signal = s.get(code);
          out.add(
              new CauseOdds.Driver(
                  code,
                  towards,
                  against,
                  factor,
                  String.format(
                      Locale.ROOT,
                      "%s：%s的可能是%s的 %s 倍",
                      signal.zh(),
                      CAUSE_NAMES.get(towards)[0],
                      CAUSE_NAMES.get(against)[0],
                      times(factor)),
                  String.format(
                      Locale.ROOT,
                      "%s: makes %s %s times as likely as %s",
                      signal.en(),
                      CAUSE_NAMES.get(towards)[1],
                      times(factor),
                      CAUSE_NAMES.get(against)[1])));
        });
    out.sort(Comparator.comparingDouble((CauseOdds.Driver d) -> -d.factor()));
    return out.subList(0, Math.min(DRIVERS, out.size()));
  }

  /**
   * What would settle a close call: the unmeasured signals that could move the odds between the two
   * most likely causes, or else the evidence outside the exports that tells them apart.
   */
  static String[] settle(Map<String, Signal> s, CauseWeights w, int a, int b) {
    List<String> zh = new ArrayList<>();
    List<String> en = new ArrayList<>();
    SETTLED_BY.forEach(
        (code, names) -> {
          Signal signal = s.get(code);
          if ((signal == null || !signal.measured()) && separates(w.bins(code), a, b)) {
            if (!zh.contains(names[0])) {
              zh.add(names[0]);
              en.add(names[1]);
            }
          }
        });
    zh.sort(Comparator.naturalOrder());
    en.sort(Comparator.naturalOrder());
    boolean violationInPlay =
        CauseWeights.CAUSES.get(a).equals(BatchCause.VIOLATION)
            || CauseWeights.CAUSES.get(b).equals(BatchCause.VIOLATION);
    String otherZh =
        violationInPlay ? "快递公司后台带重量的运单截图和买家账号信息（证明是真实包裹和真实买家）" : "违规通知详情（是否因投诉举报触发）和删除前投诉、退款的截图";
    String otherEn =
        violationInPlay
            ? "the waybills with parcel weights from the courier's back office and the buyers'"
                + " accounts (real parcels, real buyers)"
            : "the violation notice's details (whether a complaint or report started it) and"
                + " screenshots of the complaints and refunds before the deletion";
    String namesZh = CAUSE_NAMES.get(CauseWeights.CAUSES.get(a))[0];
    String namesZh2 = CAUSE_NAMES.get(CauseWeights.CAUSES.get(b))[0];
    String namesEn = CAUSE_NAMES.get(CauseWeights.CAUSES.get(a))[1];
    String namesEn2 = CAUSE_NAMES.get(CauseWeights.CAUSES.get(b))[1];
    return new String[] {
      "未定：" + namesZh + "与" + namesZh2 + "的可能相近。可以确定的是：" + String.join("、", plus(zh, otherZh)),
      "undecided: "
          + namesEn
          + " and "
          + namesEn2
          + " are close. What would settle it: "
          + String.join("; ", plus(en, otherEn))
    };
  }

  private static List<String> plus(List<String> list, String last) {
    List<String> out = new ArrayList<>(list);
    out.add(last);
    return out;
  }

  /** A signal separates two causes when some bin's likelihoods differ between them. */
  private static boolean separates(CauseWeights.Bins bins, int a, int b) {
    for (double[] row : bins.likelihood()) {
      if (Math.abs(Math.log(row[a] / row[b])) > Math.log(2)) {
        return true;
      }
    }
    return false;
  }

  private static Signal summary(Map<String, Double> p, String cause, CauseOdds odds) {
    String zh =
        String.format(
            Locale.ROOT,
            "各原因的可能：系统误判 %s，恶意举报 %s，真实违规 %s。%s",
            pct(p.get(BatchCause.SYSTEM_ERROR)),
            pct(p.get(BatchCause.MALICIOUS_REPORT)),
            pct(p.get(BatchCause.VIOLATION)),
            odds.undecided() ? odds.settleZh() : "最可能是" + CAUSE_NAMES.get(cause)[0]);
    String en =
        String.format(
            Locale.ROOT,
            "probability of each cause: system error %s, malicious report %s, violation %s. %s",
            pct(p.get(BatchCause.SYSTEM_ERROR)),
            pct(p.get(BatchCause.MALICIOUS_REPORT)),
            pct(p.get(BatchCause.VIOLATION)),
            odds.undecided() ? odds.settleEn() : "Most likely " + CAUSE_NAMES.get(cause)[1]);
    return new Signal("cause_probabilities", p.get(cause), zh, en);
  }

  private static String times(double factor) {
    return factor >= 10
        ? String.format(Locale.ROOT, "%.0f", factor)
        : String.format(Locale.ROOT, "%.1f", factor);
  }

  private static double value(Map<String, Signal> s, String code) {
    Signal signal = s.get(code);
    return signal == null ? Double.NaN : signal.value();
  }
}
