package app.rebound.accuracy;

/**
 * What the impact pipeline said about one metric of one shop: the loss over the affected products'
 * post-deletion days and its 95% interval, or that it could not measure it.
 */
public record Estimate(boolean measured, double loss, double low, double high, String message) {

  static Estimate notMeasured(String why) {
    return new Estimate(false, 0, 0, 0, why);
  }
}
