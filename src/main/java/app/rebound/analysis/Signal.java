package app.rebound.analysis;

/**
 * One measured fact about a deletion batch, as a sentence a merchant understands with the shop's
 * own numbers ({@link Phrase}: a code and its arguments), plus its code and value for later stages.
 * A signal that cannot be measured (its export is missing, or too few orders) has the value NaN and
 * a {@link Reason}, whose words are its sentence.
 *
 * @param words the sentence; null when not measured
 * @param reason why not measured; null when measured
 */
public record Signal(String code, double value, Phrase words, Reason reason) {

  public Signal(String code, double value, Phrase words) {
    this(code, value, words, null);
  }

  public boolean measured() {
    return !Double.isNaN(value);
  }

  /** The sentence in Chinese or English. */
  public String text(boolean zh) {
    return reason != null ? reason.text(zh) : words.text(zh);
  }

  /** A signal left out, with why. */
  static Signal notMeasured(String code, Reason reason) {
    return new Signal(code, Double.NaN, null, reason);
  }
}
