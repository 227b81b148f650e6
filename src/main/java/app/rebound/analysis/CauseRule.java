package app.rebound.analysis;

import static app.rebound.analysis.BatchSignals.*;

import app.rebound.ingest.FileKind;
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

  /**
   * Where a signal that is not measured comes from, to name what would settle a close call: in the
   * order of the exports' Chinese names (the order the sentence has always listed them in).
   */
  static final Map<String, Phrase> SETTLED_BY = settledBy();

  private static Map<String, Phrase> settledBy() {
    Map<String, Phrase> out = new LinkedHashMap<>();
    out.put(REFUND_WAVE, Phrase.of("settle_refund_times", FileKind.AFTER_SALES.csvName()));
    out.put(EXPRESS_REFUND, Phrase.of("settle_express_refunds", FileKind.AFTER_SALES.csvName()));
    out.put(CHAT, Phrase.of("settle_chats", FileKind.CHATS.csvName()));
    out.put(COMPLAINTS, Phrase.of("settle_complaints", FileKind.SHOP_SCORES.csvName()));
    out.put(REVIEW, Phrase.of("settle_reviews", FileKind.REVIEWS.csvName()));
    return Collections.unmodifiableMap(out);
  }

  /** Fewer deleted orders than this: one order moves a share by more than 20 points. */
  static final int MIN_ORDERS = 5;

  static final double MIN_IN_ORDERS = 0.8;

  /** How many signals the diagnosis names as having moved the odds most. */
  static final int DRIVERS = 3;

  /** A cause's name in a sentence: 系统误判, a system error. */
  static Phrase causeName(String cause) {
    return Phrase.of("cause_" + cause);
  }

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
    Phrase settle = undecided ? settle(s, w, top, second) : null;
    CauseOdds odds = new CauseOdds(probabilities, undecided, causes.get(second), drivers, settle);

    List<Phrase> reasons = new ArrayList<>();
    List<String> files = new ArrayList<>();
    if (orders < MIN_ORDERS) {
      reasons.add(Phrase.of(orders == 1 ? "thin_one_order" : "thin_few_orders", orders));
    }
    if (!(inOrders >= MIN_IN_ORDERS)) {
      reasons.add(
          Phrase.of("thin_not_in_orders", pct(1 - (Double.isNaN(inOrders) ? 0 : inOrders))));
      files.add(FileKind.ORDERS.csvName());
    }
    boolean violation = cause.equals(BatchCause.VIOLATION);
    if (Double.isNaN(value(s, CHAT)) && (undecided || !violation) && inOrders > 0) {
      reasons.add(Phrase.of("thin_no_chats"));
      files.add(FileKind.CHATS.csvName());
    }
    if (Double.isNaN(value(s, COMPLAINTS)) && !violation) {
      reasons.add(Phrase.of("thin_no_complaints"));
      files.add(FileKind.SHOP_SCORES.csvName());
    }
    boolean thin = !reasons.isEmpty();
    List<Signal> notes = new ArrayList<>();
    notes.add(summary(probabilities, cause, odds));
    for (CauseOdds.Driver d : drivers) {
      notes.add(new Signal("cause_driver_" + d.code(), d.factor(), d.words()));
    }
    if (thin) {
      Object why = Phrase.join("join_reasons", reasons);
      notes.add(
          new Signal(
              "thin_evidence",
              reasons.size(),
              files.isEmpty()
                  ? Phrase.of("thin_evidence", why)
                  : Phrase.of("thin_evidence_upload", why, Phrase.join("join_files", files))));
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
          Phrase words =
              Phrase.of(
                  "cause_driver",
                  s.get(code).words(),
                  causeName(towards),
                  causeName(against),
                  times(factor));
          out.add(new CauseOdds.Driver(code, towards, against, factor, words));
        });
    out.sort(Comparator.comparingDouble((CauseOdds.Driver d) -> -d.factor()));
    return out.subList(0, Math.min(DRIVERS, out.size()));
  }

  /**
   * What would settle a close call: the unmeasured signals that could move the odds between the two
   * most likely causes, or else the evidence outside the exports that tells them apart.
   */
  static Phrase settle(Map<String, Signal> s, CauseWeights w, int a, int b) {
    List<Phrase> evidence = new ArrayList<>();
    SETTLED_BY.forEach(
        (code, export) -> {
          Signal signal = s.get(code);
          if ((signal == null || !signal.measured()) && separates(w.bins(code), a, b)) {
            evidence.add(export);
          }
        });
    boolean violationInPlay =
        CauseWeights.CAUSES.get(a).equals(BatchCause.VIOLATION)
            || CauseWeights.CAUSES.get(b).equals(BatchCause.VIOLATION);
    evidence.add(
        Phrase.of(violationInPlay ? "settle_parcels_and_buyers" : "settle_notice_details"));
    return Phrase.of(
        "cause_undecided",
        causeName(CauseWeights.CAUSES.get(a)),
        causeName(CauseWeights.CAUSES.get(b)),
        Phrase.join("join_evidence", evidence));
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
    Phrase words =
        Phrase.of(
            "cause_probabilities",
            probability(p.get(BatchCause.SYSTEM_ERROR)),
            probability(p.get(BatchCause.MALICIOUS_REPORT)),
            probability(p.get(BatchCause.VIOLATION)),
            odds.undecided() ? odds.settle() : Phrase.of("cause_most_likely", causeName(cause)));
    return new Signal("cause_probabilities", p.get(cause), words);
  }

  /**
   * A cause's probability as the sentence prints it: whole percent, but never "0%" or "100%" — the
   * model is never that sure, and a merchant would read certainty into it.
   */
  static String probability(double p) {
    if (p > 0.995) {
      return ">99%";
    }
    if (p < 0.005) {
      return "<1%";
    }
    return pct(p);
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
