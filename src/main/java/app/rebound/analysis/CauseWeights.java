package app.rebound.analysis;

import app.rebound.Resources;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The weights of the cause diagnosis, read once from {@code cause-assumptions.properties} beside
 * this class: the priors, the undecided odds and, per signal, its bins and each bin's relative
 * likelihood under each cause. Immutable.
 */
final class CauseWeights {

  static final String RESOURCE = "cause-assumptions.properties";

  /** Causes in the order every likelihood row lists them. */
  static final List<String> CAUSES =
      List.of(BatchCause.SYSTEM_ERROR, BatchCause.MALICIOUS_REPORT, BatchCause.VIOLATION);

  /** One signal's bins: value below cuts[0] is bin 0, at or above cuts[k-1] bin k. */
  record Bins(String signal, double[] cuts, double[][] likelihood) {

    int bin(double value) {
      int b = 0;
      while (b < cuts.length && value >= cuts[b]) {
        b++;
      }
      return b;
    }

    double[] likelihood(double value) {
      return likelihood[bin(value)];
    }
  }

  static final CauseWeights DEFAULT = load();

  final double[] prior;
  final double undecidedOdds;
  final double fullWeightOrders;
  final double fullWeightEvents;
  final Map<String, Bins> bins;
  private final Properties raw;

  private CauseWeights(Properties p) {
    raw = p;
    prior = triple(p, "prior");
    undecidedOdds = number(p, "undecided_odds");
    fullWeightOrders = number(p, "full_weight_orders");
    fullWeightEvents = number(p, "full_weight_events");
    Map<String, Bins> out = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.endsWith(".cuts")) {
        String signal = key.substring(0, key.length() - ".cuts".length());
        double[] cuts = numbers(p, key);
        double[][] rows = new double[cuts.length + 1][];
        for (int b = 0; b <= cuts.length; b++) {
          rows[b] = triple(p, signal + "." + b);
        }
        out.put(signal, new Bins(signal, cuts, rows));
      }
    }
    bins = Map.copyOf(out);
    for (String key : p.stringPropertyNames()) {
      if (!key.matches(".*\\.(unit|description|source)")) {
        for (String part : List.of("unit", "description", "source")) {
          if (p.getProperty(key + "." + part, "").isBlank()) {
            throw new IllegalStateException(RESOURCE + ": " + key + " has no " + part);
          }
        }
      }
    }
  }

  static CauseWeights load() {
    return new CauseWeights(Resources.properties(CauseWeights.class, RESOURCE));
  }

  Bins bins(String signal) {
    Bins b = bins.get(signal);
    if (b == null) {
      throw new IllegalStateException(RESOURCE + " has no weights for " + signal);
    }
    return b;
  }

  /** The source of a weight, as the file states it ("judgement" where nobody measured it). */
  String source(String key) {
    return raw.getProperty(key + ".source", "");
  }

  private static double number(Properties p, String key) {
    double[] v = numbers(p, key);
    if (v.length != 1) {
      throw new IllegalStateException(RESOURCE + ": " + key + " must be one number");
    }
    return v[0];
  }

  private static double[] triple(Properties p, String key) {
    double[] v = numbers(p, key);
    if (v.length != CAUSES.size()) {
      throw new IllegalStateException(
          RESOURCE + ": " + key + " must give " + CAUSES + " (3 numbers), has " + v.length);
    }
    return v;
  }

  private static double[] numbers(Properties p, String key) {
    String text = p.getProperty(key);
    if (text == null) {
      throw new IllegalStateException(RESOURCE + " has no " + key);
    }
    List<Double> out = new ArrayList<>();
    for (String part : text.split(",")) {
      try {
        double v = Double.parseDouble(part.strip());
        if (!(v > 0) || Double.isInfinite(v)) {
          throw new IllegalStateException(RESOURCE + ": " + key + " must be positive: " + part);
        }
        out.add(v);
      } catch (NumberFormatException e) {
        throw new IllegalStateException(RESOURCE + ": " + key + " is not a number: " + part, e);
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
