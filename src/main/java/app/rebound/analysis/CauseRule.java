package app.rebound.analysis;

import static app.rebound.analysis.BatchSignals.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decision, as a scored checklist a merchant can follow:
 *
 * <ol>
 *   <li>Fake-order signs (one point each, only where measured): low prices, bursts, night orders,
 *       completed within a day, missing or reused waybills, no chats. {@value #VIOLATION_MIN_SIGNS}
 *       or more: violation.
 *   <li>Otherwise the orders look genuine and the question is who caused the deletion. Attack
 *       points: a group of abnormal refunds on the batch's products (2), a complaint spike (1), all
 *       on a few best sellers (1). System-error points: spread broadly across the catalogue (2: at
 *       least {@value #BROAD_PRODUCTS} products and a fifth of them), no complaint spike (1), no
 *       refund group (1). More attack points: malicious report; else system error (no attack sign).
 * </ol>
 *
 * Confidence starts from the margin and is lowered for unmeasured signals and thin evidence.
 */
final class CauseRule {

  /**
   * A third of orders far below price: no shop coupon does that, a 0.01 or one-tenth fake order
   * does.
   */
  static final double FAKE_LOW_PRICE = 0.3;

  /** Half the orders minutes apart: a gang working through a list. */
  static final double FAKE_BURST = 0.5;

  /** About 5% of genuine orders come at night; a third is a night shift of fake buyers. */
  static final double FAKE_NIGHT = 0.3;

  static final double FAKE_FAST_COMPLETE = 0.3;

  /** Genuine completed orders all carry a waybill; fakes have none or reuse a few. */
  static final double FAKE_MAX_TRACKING = 0.7;

  /**
   * A fifth of orders sharing waybills: reused tracking numbers are named in the rule as fake
   * logistics.
   */
  static final double FAKE_REUSED_WAYBILL = 0.2;

  /** A third or more of real buyers talk to customer service; fake buyers almost never. */
  static final double FAKE_MAX_CHAT = 0.15;

  static final int FAKE_SIGNS = 7;
  static final int VIOLATION_MIN_SIGNS = 3;

  /**
   * Complaints a day at twice the usual (and at least one a day, see the floor in BatchSignals).
   */
  static final double COMPLAINT_SPIKE = 2.0;

  /** Below this the complaints are ordinary: the system-error point for "no spike". */
  static final double COMPLAINTS_CALM = 1.5;

  /**
   * Three times the refunds the usual rate gives (and, by the floor in BatchSignals, at least
   * three).
   */
  static final double REFUND_GROUP_RATIO = 3.0;

  static final double REFUNDS_CALM = 2.0;

  /** An attack on best sellers: nearly all orders on the top products, and only a few products. */
  static final double CONCENTRATED = 0.8;

  static final int FEW_PRODUCTS = 3;

  /**
   * A sweep: several products and a fair part of the catalogue in one go. Attacks go after a few
   * best sellers, so at least four products that are a fifth of the catalogue look like a system
   * error.
   */
  static final int BROAD_PRODUCTS = 4;

  static final double BROAD_SHARE = 0.2;
  static final int ATTACK_POINTS = 4;

  /** Fewer deleted orders than this: one order moves a share by more than 20 points. */
  static final int MIN_ORDERS = 5;

  static final double MIN_IN_ORDERS = 0.8;
  static final double THIN_FACTOR = 0.6;

  record Verdict(String cause, double confidence, boolean thin, List<Signal> notes) {}

  private CauseRule() {}

  static Verdict decide(Map<String, Signal> s, int orders, int products) {
    int measuredFake = 0;
    int fake = 0;
    for (var sign :
        List.of(
            new Sign(LOW_PRICE, FAKE_LOW_PRICE, true),
            new Sign(BURST, FAKE_BURST, true),
            new Sign(NIGHT, FAKE_NIGHT, true),
            new Sign(FAST_COMPLETE, FAKE_FAST_COMPLETE, true),
            new Sign(TRACKING, FAKE_MAX_TRACKING, false),
            new Sign(REUSED_WAYBILL, FAKE_REUSED_WAYBILL, true),
            new Sign(CHAT, FAKE_MAX_CHAT, false))) {
      double v = value(s, sign.code);
      if (!Double.isNaN(v)) {
        measuredFake++;
        fake += (sign.above ? v >= sign.threshold : v <= sign.threshold) ? 1 : 0;
      }
    }
    double complaints = value(s, COMPLAINTS);
    double refunds = value(s, REFUND_GROUP);
    double bestSellers = value(s, BEST_SELLERS);
    double breadth = value(s, BREADTH);
    boolean broad = products >= BROAD_PRODUCTS && breadth >= BROAD_SHARE;
    int attack =
        (refunds >= REFUND_GROUP_RATIO ? 2 : 0)
            + (complaints >= COMPLAINT_SPIKE ? 1 : 0)
            + (bestSellers >= CONCENTRATED && products <= FEW_PRODUCTS ? 1 : 0);
    int system =
        (broad ? 2 : 0) + (complaints < COMPLAINTS_CALM ? 1 : 0) + (refunds < REFUNDS_CALM ? 1 : 0);

    String cause;
    double margin;
    if (fake >= VIOLATION_MIN_SIGNS) {
      cause = BatchCause.VIOLATION;
      margin = Math.min(1.0, (fake - VIOLATION_MIN_SIGNS + 1) / 3.0);
    } else {
      cause = attack > system ? BatchCause.MALICIOUS_REPORT : BatchCause.SYSTEM_ERROR;
      // One or two fake signs make a genuine-looking batch less clear-cut.
      margin =
          Math.abs(attack - system)
              / (double) ATTACK_POINTS
              * (1 - (double) fake / VIOLATION_MIN_SIGNS);
    }
    int measured =
        measuredFake + (Double.isNaN(complaints) ? 0 : 1) + (Double.isNaN(refunds) ? 0 : 1);
    double coverage = measured / (double) (FAKE_SIGNS + 2);
    double confidence = (0.4 + 0.55 * margin) * (0.7 + 0.3 * coverage);

    List<String> reasonsZh = new ArrayList<>();
    List<String> reasonsEn = new ArrayList<>();
    List<String> files = new ArrayList<>();
    if (orders < MIN_ORDERS) {
      reasonsZh.add("本批只有 " + orders + " 笔订单");
      reasonsEn.add("the batch has only " + orders + " order(s)");
    }
    double inOrders = value(s, IN_ORDERS);
    if (!(inOrders >= MIN_IN_ORDERS)) {
      reasonsZh.add("被删订单有 " + pct(1 - (Double.isNaN(inOrders) ? 0 : inOrders)) + " 不在订单明细里");
      reasonsEn.add(
          pct(1 - (Double.isNaN(inOrders) ? 0 : inOrders))
              + " of the deleted orders are not in the orders export");
      files.add("订单明细.csv");
    }
    boolean borderline = cause.equals(BatchCause.VIOLATION) && fake == VIOLATION_MIN_SIGNS;
    if (Double.isNaN(value(s, CHAT))
        && (borderline || !cause.equals(BatchCause.VIOLATION))
        && inOrders > 0) {
      reasonsZh.add("没有客服聊天记录，无法看出买家是否真实");
      reasonsEn.add("no customer-service chats to show whether the buyers were real");
      files.add("客服聊天记录.csv");
    }
    if (Double.isNaN(complaints) && !cause.equals(BatchCause.VIOLATION)) {
      reasonsZh.add("没有删除前的投诉量，无法区分恶意举报和系统误判");
      reasonsEn.add(
          "no complaint counts before the deletion to tell a malicious report from a system error");
      files.add("店铺体验分.csv");
    }
    boolean thin = !reasonsZh.isEmpty();
    if (thin) {
      confidence *= THIN_FACTOR;
    }
    List<Signal> notes = new ArrayList<>();
    notes.add(
        new Signal(
            "cause_scores",
            margin,
            String.format(
                Locale.ROOT,
                "判定依据：虚假交易特征 %d 项（共测 %d 项，≥%d 项判为违规）；恶意举报迹象 %d 分，系统误判迹象 %d 分",
                fake,
                measuredFake,
                VIOLATION_MIN_SIGNS,
                attack,
                system),
            String.format(
                Locale.ROOT,
                "how it was decided: %d fake-order sign(s) of %d measured (%d or more means"
                    + " violation); malicious-report points %d, system-error points %d",
                fake,
                measuredFake,
                VIOLATION_MIN_SIGNS,
                attack,
                system)));
    if (thin) {
      String settle = files.isEmpty() ? "更多被删订单" : String.join("、", files);
      String settleEn = files.isEmpty() ? "more deleted orders" : String.join(", ", files);
      notes.add(
          new Signal(
              "thin_evidence",
              reasonsZh.size(),
              "证据不足："
                  + String.join("；", reasonsZh)
                  + "。"
                  + (files.isEmpty() ? "原因只能作参考" : "上传 " + settle + " 可以确定"),
              "thin evidence: "
                  + String.join("; ", reasonsEn)
                  + "."
                  + (files.isEmpty()
                      ? " Treat the cause as a hint"
                      : " Uploading " + settleEn + " would settle it")));
    }
    return new Verdict(cause, Math.max(0, Math.min(1, confidence)), thin, notes);
  }

  private record Sign(String code, double threshold, boolean above) {}

  private static double value(Map<String, Signal> s, String code) {
    Signal signal = s.get(code);
    return signal == null ? Double.NaN : signal.value();
  }
}
