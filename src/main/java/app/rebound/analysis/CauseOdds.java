package app.rebound.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The diagnosis behind a batch's likely cause: a probability per cause, whether the two most likely
 * are too close to call, the signals that moved the odds most, and what would settle it.
 *
 * @param probabilities system_error, malicious_report, violation → 0–1, summing to 1
 * @param undecided the two most likely causes are within the undecided odds of each other
 * @param runnerUp the second most likely cause
 * @param drivers the signals that moved the odds between the two most likely causes most, largest
 *     first
 * @param settle what would settle it (an export or evidence); null when decided
 */
public record CauseOdds(
    Map<String, Double> probabilities,
    boolean undecided,
    String runnerUp,
    List<Driver> drivers,
    Phrase settle) {

  public CauseOdds {
    // In cause order, so impact.json lists them the same way every run.
    probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    drivers = List.copyOf(drivers);
  }

  /** What would settle it in Chinese or English; empty when decided. */
  public String settle(boolean zh) {
    return settle == null ? "" : settle.text(zh);
  }

  /**
   * One signal's pull: it multiplied the odds of {@code towards} over {@code against} by {@code
   * factor} (≥ 1).
   *
   * @param words the signal's sentence with the factor
   */
  public record Driver(String code, String towards, String against, double factor, Phrase words) {

    /** The pull in Chinese or English. */
    public String text(boolean zh) {
      return words.text(zh);
    }
  }

  /** A decided cause with nothing behind it: for batches made by hand (tests, fixtures). */
  static CauseOdds certain(String cause) {
    Map<String, Double> p = new LinkedHashMap<>();
    CauseWeights.CAUSES.forEach(c -> p.put(c, c.equals(cause) ? 1.0 : 0.0));
    return new CauseOdds(p, false, "", List.of(), null);
  }
}
