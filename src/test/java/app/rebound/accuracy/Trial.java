package app.rebound.accuracy;

/**
 * One metric of one shop against its known truth.
 *
 * @param scenario the scenario's name (a mechanism, or a real-data harness)
 * @param shop what identifies the shop (seed, or the real-data draw)
 * @param placebo true when nothing was injected: the true loss is exactly zero
 * @param metric "visitors" or "gmv"
 * @param truth the realised loss (counterfactual minus actual of the affected products after their
 *     deletion)
 */
public record Trial(
    String scenario, String shop, boolean placebo, String metric, double truth, Estimate estimate) {

  /** |estimate − truth| / truth; a metric the pipeline could not measure counts as 100%. */
  double relativeError() {
    double loss = estimate.measured() ? estimate.loss() : 0;
    return Math.abs(loss - truth) / truth;
  }

  /** The 95% interval holds the truth; nothing measured covers nothing. */
  boolean covered() {
    return estimate.measured() && estimate.low() <= truth && truth <= estimate.high();
  }

  /** The interval excludes zero: a loss (or a gain) reported as measurable. */
  boolean significant() {
    return estimate.measured() && (estimate.low() > 0 || estimate.high() < 0);
  }
}
