package app.rebound.analysis;

/**
 * One measured fact about a deletion batch, as a sentence a merchant understands with the shop's
 * own numbers, in Chinese and English, plus its code and value for later stages. A signal that
 * cannot be measured (its export is missing, or too few orders) has the value NaN, a {@link Reason}
 * and that reason's words as its sentences.
 *
 * @param reason why not measured; null when measured
 */
public record Signal(String code, double value, String zh, String en, Reason reason) {

  public Signal(String code, double value, String zh, String en) {
    this(code, value, zh, en, null);
  }

  public boolean measured() {
    return !Double.isNaN(value);
  }

  /** A signal left out, with why. */
  static Signal notMeasured(String code, Reason reason) {
    return new Signal(code, Double.NaN, reason.text(true), reason.text(false), reason);
  }
}
