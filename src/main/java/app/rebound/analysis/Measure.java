package app.rebound.analysis;

/**
 * One before/after measurement of the damage a deletion did, as impact.json carries it. The
 * affected arm is one affected product, the affected products pooled, or (for shop-level measures
 * such as the shop experience score) the whole shop; the unaffected arm is the shop's products that
 * lost no sales, split at the same date, and is null for shop-level measures. The effect is the
 * difference-in-differences (affected change minus unaffected change), or the plain change for
 * shop-level measures.
 *
 * <p>When the export a measure needs was not uploaded, or there is too little data, {@code
 * measured} is false, {@code reason} says why (code {@code upload}, argument 评价.csv) and the effect
 * is null: never a zero.
 *
 * @param id stable name, e.g. doubtful_review_share
 * @param scope product, affected_products or shop
 * @param unit share, stars, per_30_days, yuan_per_day, affiliates, score, per_day
 * @param needs the export file the measure reads, e.g. 评价.csv
 * @param measured whether an effect with an interval could be given
 * @param reason null when measured; otherwise why not
 * @param affected the affected product(s) or the shop; null when the needed file is missing
 * @param unaffected the comparison products; null for shop-level measures or when the file is
 *     missing
 * @param effect the measured effect; null when not measured
 */
public record Measure(
    String id,
    String scope,
    String unit,
    String needs,
    boolean measured,
    Reason reason,
    Arm affected,
    Arm unaffected,
    Effect effect) {

  public static final String SCOPE_PRODUCT = "product";
  public static final String SCOPE_AFFECTED = "affected_products";
  public static final String SCOPE_SHOP = "shop";

  /**
   * One side of the comparison, before and after the split date.
   *
   * @param nBefore how many units the value before rests on (reviews, paid orders, products, days)
   * @param nAfter the same after the split
   * @param countBefore for a share: how many units had the property (doubtful reviews, refunds);
   *     else null
   * @param countAfter the same after the split
   * @param before the value before; null when nBefore is 0
   * @param after the value after; null when nAfter is 0
   * @param change after minus before; null when either is null
   */
  public record Arm(
      long nBefore,
      long nAfter,
      Long countBefore,
      Long countAfter,
      Double before,
      Double after,
      Double change) {

    static Arm of(
        long nBefore, long nAfter, Long countBefore, Long countAfter, Double before, Double after) {
      Double change = before == null || after == null ? null : after - before;
      return new Arm(nBefore, nAfter, countBefore, countAfter, before, after, change);
    }
  }

  /**
   * The estimate and its 95% interval.
   *
   * @param method how the interval was computed, in one line
   */
  public record Effect(double estimate, double low, double high, String method) {

    /** Whether the 95% interval excludes zero. */
    public boolean excludesZero() {
      return low > 0 || high < 0;
    }
  }

  /** The file was not uploaded (or holds no usable column): no arms, no effect. */
  static Measure missing(String id, String scope, String unit, String needs, Reason reason) {
    return new Measure(id, scope, unit, needs, false, reason, null, null, null);
  }

  static Measure of(
      String id,
      String scope,
      String unit,
      String needs,
      Arm affected,
      Arm unaffected,
      Effect effect,
      Reason whyNot) {
    boolean measured = effect != null;
    return new Measure(
        id, scope, unit, needs, measured, measured ? null : whyNot, affected, unaffected, effect);
  }
}
