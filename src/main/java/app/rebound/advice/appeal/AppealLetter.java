package app.rebound.advice.appeal;

import app.rebound.Words;
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
 * warnings for the merchant that are not part of the letter. Every sentence is a pattern of the
 * message bundles (appeal.letter.*), filled with the group's facts.
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

  /** The letter of {@code group} with the default reason-field limit. */
  public static AppealLetter of(AppealGroup group, AppealReport report, String lang) {
    return of(group, report, lang, SHORT_REASON_LIMIT);
  }

  /**
   * The letter of {@code group}, from the evidence of its orders in {@code report}, in "zh" or
   * "en", with the short form within {@code limit} code points.
   */
  public static AppealLetter of(AppealGroup group, AppealReport report, String lang, int limit) {
    Wording w = Wording.of(lang);
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

  /**
   * Whether every order of several holds the proof: the letter then says "4 笔订单均…" / "All 4 orders
   * …", not "4 笔中 4 笔" / "4 of 4"; otherwise "3 笔中 2 笔…" / "2 of 3 orders …".
   */
  private static boolean everyOrder(int held, int of) {
    return held == of && of > 1;
  }

  static String title(AppealGroup g, Wording w) {
    return w.t(
        "title",
        notice(g, w),
        product(g, w),
        g.orders().size(),
        AppealText.platformReason(g.reason(), w.lang));
  }

  static String body(AppealGroup g, List<OrderEvidence> orders, Wording w) {
    List<String> lines = new ArrayList<>();
    lines.add(w.t("reason", AppealText.platformReason(g.reason(), w.lang)));
    lines.add(w.t(isDay(g.batch()) ? "deletion_date" : "violation_notice", g.batch()));
    lines.add(w.t("product", product(g, w)));
    lines.add(w.t("paid", range(g.from(), g.to(), TIME, w)));
    lines.add(w.t("amount", g.units(), money(g.money())));
    lines.add(w.t("orders", g.orders().size()));
    lines.add(AppealText.list(g.orders(), w.lang));
    lines.add("");
    List<String> held = held(orders, w);
    if (held.isEmpty()) {
      lines.add(w.t("held.none"));
    } else {
      lines.add(w.t("held.intro"));
      held.forEach(h -> lines.add("- " + h));
    }
    lines.add("");
    lines.add(w.t("attached"));
    lines.add(w.t("attached.orders", ORDERS_FILE));
    lines.add(w.t("attached.evidence", EVIDENCE_FILE));
    lines.add(w.t("attached.screenshots"));
    screenshots(g, orders, w).forEach(s -> lines.add("- " + s));
    lines.add("");
    lines.add(w.t("closing"));
    return String.join("\n", lines);
  }

  /** "N of M orders …" for each proof at least one order holds, with the numbers that back it. */
  static List<String> held(List<OrderEvidence> orders, Wording w) {
    List<String> out = new ArrayList<>();
    for (Proof p : Proof.values()) {
      List<OrderEvidence> with = holding(orders, p.code);
      if (with.isEmpty()) {
        continue;
      }
      out.add(
          w.t(
                  everyOrder(with.size(), orders.size()) ? "held.all" : "held.count",
                  orders.size(),
                  with.size(),
                  holds(p, w))
              + details(p, with, w));
    }
    return out;
  }

  /** What "N of M orders …" says a proof is, in the letter's words. */
  private static String holds(Proof p, Wording w) {
    return w.t("holds." + p.code);
  }

  /** The numbers behind a proof: the waybills, the span of the shipping or completion times. */
  private static String details(Proof p, List<OrderEvidence> with, Wording w) {
    return switch (p) {
      case LOGISTICS ->
          w.t(
              "waybills",
              AppealText.list(
                  with.stream()
                      .map(
                          o ->
                              o.carrier().isEmpty()
                                  ? o.trackingNumber()
                                  : w.t("waybill_carrier", o.trackingNumber(), o.carrier()))
                      .toList(),
                  w.lang));
      case SHIPPED -> span("span.shipped", with.stream().map(OrderEvidence::shippedAt).toList(), w);
      case DELIVERED ->
          span("span.completed", with.stream().map(OrderEvidence::completedAt).toList(), w);
      default -> "";
    };
  }

  private static String span(String key, List<LocalDateTime> times, Wording w) {
    List<LocalDateTime> known = times.stream().filter(Objects::nonNull).sorted().toList();
    return known.isEmpty()
        ? ""
        : w.t(key, range(known.get(0), known.get(known.size() - 1), TIME, w));
  }

  /**
   * What the merchant is to add: the evidence the reason needs, then each needed proof the data
   * cannot tell (its export not uploaded), with those orders. A proof the data says is absent is
   * not promised here: the checklist leaves it to the merchant to find.
   */
  static List<String> screenshots(AppealGroup g, List<OrderEvidence> orders, Wording w) {
    List<String> out = new ArrayList<>(AppealText.evidenceNeeded(g.reason(), w.lang));
    missingByProof(orders, Check.State.UNKNOWN)
        .forEach(
            (code, ids) ->
                out.add(
                    w.t(
                        "screenshot.orders",
                        AppealText.proof(code, w.lang),
                        AppealText.list(ids, w.lang))));
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
  static String shortReason(AppealGroup g, List<OrderEvidence> orders, Wording w, int limit) {
    List<List<String>> sentences = new ArrayList<>();
    sentences.add(List.of(w.t("short.reason", AppealText.platformReason(g.reason(), w.lang))));
    sentences.add(List.of(w.t(isDay(g.batch()) ? "short.deletion" : "short.notice", g.batch())));
    sentences.add(
        List.of(w.t("short.product", product(g, w)), w.t("short.product_id", g.productId())));
    int n = g.orders().size();
    sentences.add(
        g.from() == null
            ? List.of(w.t("short.orders", n))
            : List.of(
                w.t("short.orders_paid", n, range(g.from(), g.to(), DAY, w)),
                w.t("short.orders", n)));
    List<Proof> byWeight = new ArrayList<>(List.of(Proof.values()));
    byWeight.sort(Comparator.comparingDouble((Proof p) -> p.weight).reversed());
    for (Proof p : byWeight) {
      int held = holding(orders, p.code).size();
      if (held > 0) {
        sentences.add(
            List.of(
                w.t(
                    everyOrder(held, orders.size()) ? "short.held.all" : "short.held",
                    orders.size(),
                    held,
                    holds(p, w)),
                w.t("short.held.brief", orders.size(), held, holds(p, w))));
      }
    }
    sentences.add(List.of(w.t("short.attached")));
    return fit(sentences, w.t("short.separator"), limit);
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
  static List<String> warnings(AppealGroup g, Wording w) {
    List<String> out = new ArrayList<>();
    if (g.reason().equals(AppealGroup.NOT_SHIPPED)) {
      out.add(w.t("warning.not_shipped"));
    }
    if (g.penaltyEscalates()) {
      out.add(w.t("warning.repeat", AppealGroups.REPEAT_WINDOW_DAYS, g.noticesIn90Days()));
    }
    return out;
  }

  // ---- small helpers ----

  private static List<OrderEvidence> holding(List<OrderEvidence> orders, String proof) {
    Predicate<Check> present = c -> c.code().equals(proof) && c.state() == Check.State.PRESENT;
    return orders.stream().filter(o -> o.checks().stream().anyMatch(present)).toList();
  }

  /** The notice by its number; a batch without one is named by its processing day. */
  private static String notice(AppealGroup g, Wording w) {
    return w.t(isDay(g.batch()) ? "batch.deletion" : "batch.notice", g.batch());
  }

  /** A batch without a notice number is named by its processing day. */
  private static boolean isDay(String batch) {
    return batch.matches("\\d{4}-\\d{2}-\\d{2}");
  }

  private static String product(AppealGroup g, Wording w) {
    return g.productName().isEmpty()
        ? w.t("product.id", g.productId())
        : w.t("product.named", g.productName(), g.productId());
  }

  private static String range(
      LocalDateTime from, LocalDateTime to, DateTimeFormatter f, Wording w) {
    if (from == null) {
      return w.t("range.no_payment_time");
    }
    String a = f.format(from);
    String b = f.format(to);
    return a.equals(b) ? a : w.t("range", a, b);
  }

  private static String money(double yuan) {
    return String.format(Locale.ROOT, "¥%,.2f", yuan);
  }

  /** The letter's language, "zh" unless "en", and its words: the bundles' appeal.letter.* keys. */
  record Wording(boolean zh, String lang) {
    static Wording of(String lang) {
      boolean zh = !"en".equals(lang);
      return new Wording(zh, zh ? "zh" : "en");
    }

    /** A key's pattern filled with {@code args} written as text (counts never regrouped). */
    String t(String key, Object... args) {
      Object[] text = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        text[i] = String.valueOf(args[i]);
      }
      return Words.format("appeal.letter." + key, zh, text);
    }
  }
}
