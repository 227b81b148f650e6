package app.rebound.advice;

import java.util.List;

/**
 * One action of the plan with its expected value over the next 30 days (the horizon).
 *
 * @param id which action of the catalogue
 * @param rank 1 is done first
 * @param expectedGmv GMV expected back over 30 days, yuan
 * @param cost what the action costs over the same 30 days, yuan
 * @param effort low, medium or high
 * @param confidence 0–1: how far the value rests on measured, significant gaps
 * @param products product ids the action is about (empty: the whole shop)
 * @param gap the measured gap it addresses, a sentence
 * @param rationale why, with the shop's own numbers, a sentence
 * @param unitsRestored units a granted appeal adds back to the products' sales count (0 for the
 *     other actions): the appeal's direct value, counted in units, not money
 * @param rankRule why the action stands where it does: {@link #BY_NET_VALUE}, or a rule that comes
 *     before the value ({@link #VIOLATION_FIRST}, {@link #APPEAL_WINDOW_FIRST})
 */
public record RankedAction(
    ActionId id,
    int rank,
    double expectedGmv,
    double expectedGmvLow,
    double expectedGmvHigh,
    double cost,
    String effort,
    double confidence,
    int daysToEffect,
    List<String> products,
    String gap,
    String rationale,
    long unitsRestored,
    String rankRule) {

  /** Ranked by expected GMV minus cost. */
  public static final String BY_NET_VALUE = "net_value";

  /** A batch looks like a real violation: cleaning up comes before anything else. */
  public static final String VIOLATION_FIRST = "violation_first";

  /** An appeal window is open and closes within days: it comes before the value-ranked actions. */
  public static final String APPEAL_WINDOW_FIRST = "appeal_window_first";

  public RankedAction {
    products = List.copyOf(products);
  }

  /** Expected GMV minus cost: what the ranking sorts on. */
  public double net() {
    return expectedGmv - cost;
  }
}
