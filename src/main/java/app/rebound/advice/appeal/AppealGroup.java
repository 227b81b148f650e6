package app.rebound.advice.appeal;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deleted orders to appeal together: one violation notice, one product, one appeal reason.
 *
 * @param id stable across analyses of the same data: batch, product and reason
 * @param batch the violation notice (违规单号), else the processing day
 * @param cause the batch's likely cause (system_error, malicious_report, violation)
 * @param productId the product
 * @param productName its name in the orders export
 * @param reason {@link #SHIPPED}, {@link #REFUNDED} or {@link #ATTACK}
 * @param orders the sub-orders to appeal, by payment time
 * @param units their items
 * @param money their paid amount, yuan
 * @param from payment time of the first order
 * @param to payment time of the last order
 * @param ready orders ready to appeal now
 * @param needProof orders to appeal once the proofs named in {@code missing} are added
 * @param missing per proof code, how many of the group's orders lack it
 * @param noticeAt when the platform processed the notice (the appeal window opens)
 * @param deadline the last moment to appeal
 * @param deadlineEstimated true when the notice time is not in the data (orders flagged without a
 *     deletions export): the deadline is then counted from the assumed deletion day
 * @param noticesIn90Days notices of the shop in the 90 days up to this one, this one included
 * @param pack the appeal pack's file name
 */
public record AppealGroup(
    String id,
    String batch,
    String cause,
    String productId,
    String productName,
    String reason,
    List<String> orders,
    long units,
    double money,
    LocalDateTime from,
    LocalDateTime to,
    int ready,
    int needProof,
    Map<String, Integer> missing,
    LocalDateTime noticeAt,
    LocalDateTime deadline,
    boolean deadlineEstimated,
    int noticesIn90Days,
    String pack) {

  /** 我已真实发货. */
  public static final String SHIPPED = "shipped";

  /**
   * Not shipped yet: the orders cannot be appealed as 我已真实发货 until they are; they are kept apart so
   * that letter never claims a parcel that does not exist.
   */
  public static final String NOT_SHIPPED = "not_shipped";

  /** 我已合理退款. */
  public static final String REFUNDED = "refunded";

  /** An attack: a burst of abnormal refunds or complaints the merchant did not cause. */
  public static final String ATTACK = "attack";

  /** Under this many hours left, the overview warns. */
  public static final long URGENT_HOURS = 48;

  public AppealGroup {
    orders = List.copyOf(orders);
    missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
  }

  /** Hours left to appeal at {@code now}, rounded down; negative once the window has closed. */
  public long hoursLeft(LocalDateTime now) {
    return Duration.between(now, deadline).toHours();
  }

  public boolean closed(LocalDateTime now) {
    return !now.isBefore(deadline);
  }

  public boolean urgent(LocalDateTime now) {
    return !closed(now) && Duration.between(now, deadline).toHours() < URGENT_HOURS;
  }

  /** The next penalty is heavier once the shop has had another notice in the last 90 days. */
  public boolean penaltyEscalates() {
    return noticesIn90Days >= 2;
  }
}
