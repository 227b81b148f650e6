package app.rebound.analysis;

/**
 * A knock-on penalty the platform's rules attach to a batch: an expected consequence, not a
 * measurement.
 *
 * @param words what the penalty is, with the batch's figures
 * @param source the rule it comes from
 */
public record Consequence(Phrase words, String source) {

  /** The penalty in Chinese or English. */
  public String text(boolean zh) {
    return words.text(zh);
  }
}
