package app.rebound.advice.appeal;

import app.rebound.Words;
import app.rebound.analysis.AppealEvidence;
import app.rebound.analysis.OrderEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The appeal's words: proofs, signs of a fake, verdicts, reasons and the evidence each needs, from
 * the message bundles' appeal.text.* keys, in Chinese unless "en".
 */
public final class AppealText {

  private AppealText() {}

  /**
   * The evidence the platform asks for with each reason (docs/douyin-exports.md), as the items of
   * appeal.text.evidence.* in the bundles; the same item (the buyer's chats) is one key.
   */
  private static final Map<String, List<String>> EVIDENCE_NEEDED =
      Map.of(
          AppealGroup.SHIPPED, List.of("waybill", "chat", "promotion"),
          AppealGroup.NOT_SHIPPED, List.of("ship_first", "waybill_once_shipped", "chat"),
          AppealGroup.REFUNDED, List.of("refund", "promotion_before_refund", "chat"),
          AppealGroup.ATTACK, List.of("attack_report", "attack_burst", "logistics"));

  /** A proof's name ("物流单号和快递公司"); an unknown code as it is. */
  public static String proof(String code, String lang) {
    return named("appeal.text.proof." + code, code, lang);
  }

  /** What to do to add a missing proof. */
  public static String howToAdd(String code, String lang) {
    return named("appeal.text.how_to_add." + code, code, lang);
  }

  /**
   * What to do to add a proof the order lacks, in the state the exports left it: where the export
   * is uploaded and shows nothing (absent), never "upload" it again.
   */
  public static String howToAdd(String code, OrderEvidence.Check.State state, String lang) {
    String absent = "appeal.text.how_to_add.absent." + code;
    return state == OrderEvidence.Check.State.ABSENT && Words.bundle(zh(lang)).containsKey(absent)
        ? Words.format(absent, zh(lang))
        : howToAdd(code, lang);
  }

  /** A sign of a fake, as the order's reason not to appeal it. */
  public static String flag(String code, String lang) {
    return named("appeal.text.flag." + code, code, lang);
  }

  public static String verdict(String verdict, String lang) {
    return named("appeal.text.verdict." + verdict, verdict, lang);
  }

  /** An appeal reason, with the platform form's own words (我已真实发货) in English too. */
  public static String reason(String reason, String lang) {
    return named("appeal.text.reason." + reason, reason, lang);
  }

  /**
   * The reason to choose on the platform's appeal form: a group not shipped yet is appealed as
   * 我已真实发货 once it is.
   */
  public static String platformReason(String reason, String lang) {
    return reason(reason.equals(AppealGroup.NOT_SHIPPED) ? AppealGroup.SHIPPED : reason, lang);
  }

  public static List<String> evidenceNeeded(String reason, String lang) {
    return EVIDENCE_NEEDED.getOrDefault(reason, List.of()).stream()
        .map(item -> Words.format("appeal.text.evidence." + item, zh(lang)))
        .toList();
  }

  /** Items of a sentence's list, the way the language separates them ("、" or ", "). */
  public static String list(List<String> items, String lang) {
    return String.join(Words.format("appeal.text.list_separator", zh(lang)), items);
  }

  private static OrderEvidence.Check.State stateOf(OrderEvidence order, String code) {
    return order.checks().stream()
        .filter(c -> c.code().equals(code))
        .map(OrderEvidence.Check::state)
        .findFirst()
        .orElse(OrderEvidence.Check.State.UNKNOWN);
  }

  /** The state of a proof over a group's orders: unknown if any order's export is missing. */
  public static OrderEvidence.Check.State stateOf(List<OrderEvidence> orders, String code) {
    return orders.stream().anyMatch(o -> stateOf(o, code) == OrderEvidence.Check.State.UNKNOWN)
        ? OrderEvidence.Check.State.UNKNOWN
        : OrderEvidence.Check.State.ABSENT;
  }

  /** Why the verdict: the signs of a fake, else the proofs held and the ones to add. */
  public static List<String> reasons(OrderEvidence order, String lang) {
    boolean zh = zh(lang);
    List<String> out = new ArrayList<>();
    if (!order.flags().isEmpty()) {
      order.flags().forEach(f -> out.add(flag(f, lang)));
      return out;
    }
    List<String> held =
        order.checks().stream()
            .filter(c -> c.state() == OrderEvidence.Check.State.PRESENT)
            .map(c -> proof(c.code(), lang))
            .toList();
    if (!held.isEmpty()) {
      out.add(Words.format("appeal.text.held", zh, list(held, lang)));
    }
    for (String code : order.missing()) {
      out.add(
          Words.format(
              "appeal.text.missing",
              zh,
              proof(code, lang),
              howToAdd(code, stateOf(order, code), lang)));
    }
    if (order.verdict().equals(OrderEvidence.APPEAL_AFTER_PROOF)
        && order.reason().equals(OrderEvidence.REFUNDED)) {
      out.add(Words.format("appeal.text.refund_proof", zh));
    } else if (order.verdict().equals(OrderEvidence.APPEAL_AFTER_PROOF)
        && order.missing().isEmpty()) {
      out.add(
          Words.format(
              "appeal.text.low_score",
              zh,
              String.valueOf(order.score()),
              String.valueOf(AppealEvidence.READY_SCORE)));
    }
    return out;
  }

  /** The words of a code's key; a code the bundles do not name shows as it is. */
  private static String named(String key, String code, String lang) {
    boolean zh = zh(lang);
    return Words.bundle(zh).containsKey(key) ? Words.format(key, zh) : code;
  }

  /** Chinese unless "en", as every appeal file is. */
  private static boolean zh(String lang) {
    return !"en".equals(lang);
  }
}
