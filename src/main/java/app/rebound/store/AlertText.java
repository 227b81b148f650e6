package app.rebound.store;

/**
 * An alert's message as it is kept: in both languages, so the alerts page reads in its reader's,
 * and the one sent to the group robots.
 *
 * @param sentZh whether the robots are told in Chinese ({@code serve --alert-lang})
 */
public record AlertText(String zh, String en, boolean sentZh) {

  public String sent() {
    return sentZh ? zh : en;
  }
}
