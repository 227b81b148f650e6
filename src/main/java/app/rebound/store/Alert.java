package app.rebound.store;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One alert of a shop, sent once to each webhook configured when it was raised.
 *
 * @param key what it is about, unique per shop (e.g. "deletion:WG2026…"): the same event never
 *     raises a second alert
 * @param kind new_deletion, deadline or analysis_failed
 * @param text the message as sent, in the language the alerts are written in ({@code serve
 *     --alert-lang})
 * @param textZh the message in Chinese; null for an alert raised before both were kept
 * @param textEn the message in English; null likewise
 */
public record Alert(
    long id,
    String key,
    String kind,
    String text,
    String textZh,
    String textEn,
    LocalDateTime raisedAt,
    List<Delivery> deliveries) {

  /** The message in the reader's language, the sent one where that was not kept. */
  public String text(boolean zh) {
    String words = zh ? textZh : textEn;
    return words == null ? text : words;
  }

  /**
   * Where the alert stands at one webhook.
   *
   * @param state pending (not yet delivered, more attempts to come), delivered or failed (gave up)
   */
  public record Delivery(
      String url, String state, int attempts, String lastError, LocalDateTime updatedAt) {}

  public static final String PENDING = "pending";
  public static final String DELIVERED = "delivered";
  public static final String FAILED = "failed";
}
