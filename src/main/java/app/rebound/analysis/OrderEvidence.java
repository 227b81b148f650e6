package app.rebound.analysis;

import app.rebound.ingest.FileKind;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the merchant's own exports prove about one deleted order, and whether to appeal it.
 *
 * @param orderId the sub-order (子订单编号)
 * @param batch the deletion batch (violation notice, else processing day)
 * @param productId the product the deletion names
 * @param productName as in the orders export; empty when the order is not in it
 * @param paidAt payment time; null when the order is not in the orders export
 * @param amount paid amount, yuan; 0 when unknown
 * @param quantity items; 0 when unknown
 * @param status 订单状态 as exported
 * @param afterSale 售后状态 as exported
 * @param trackingNumber the waybill number from 快递信息; empty when none
 * @param carrier the carrier from 快递信息; empty when none
 * @param shippedAt shipping time or null
 * @param completedAt completion time or null
 * @param checks each proof and whether the data holds it
 * @param flags signs of a real violation found on this order (codes of {@link Flag})
 * @param score 0–1, the weight of the proofs present
 * @param verdict {@link #APPEAL}, {@link #APPEAL_AFTER_PROOF} or {@link #DO_NOT_APPEAL}
 * @param reason the appeal reason it fits: {@link #SHIPPED} or {@link #REFUNDED}
 */
public record OrderEvidence(
    String orderId,
    String batch,
    String productId,
    String productName,
    LocalDateTime paidAt,
    double amount,
    int quantity,
    String status,
    String afterSale,
    String trackingNumber,
    String carrier,
    LocalDateTime shippedAt,
    LocalDateTime completedAt,
    List<Check> checks,
    List<String> flags,
    double score,
    String verdict,
    String reason) {

  public static final String APPEAL = "appeal";
  public static final String APPEAL_AFTER_PROOF = "appeal_after_proof";
  public static final String DO_NOT_APPEAL = "do_not_appeal";

  /**
   * The check an order of an undecided batch carries (unknown, needed): its source names what would
   * settle the batch's cause.
   */
  public static final String BATCH_CAUSE = "batch_cause";

  /** 我已真实发货: the order was really shipped. */
  public static final String SHIPPED = "shipped";

  /** 我已合理退款: the order was refunded for a legitimate reason. */
  public static final String REFUNDED = "refunded";

  public OrderEvidence {
    checks = List.copyOf(checks);
    flags = List.copyOf(flags);
  }

  /** The proofs this order lacks or the merchant has not uploaded yet, as check codes. */
  public List<String> missing() {
    return checks.stream()
        .filter(c -> c.state() != Check.State.PRESENT && c.needed())
        .map(Check::code)
        .toList();
  }

  /**
   * One proof of a genuine order.
   *
   * @param code one of {@link Proof}'s codes
   * @param state present, absent (the data says no), or unknown (the export that would say is not
   *     uploaded)
   * @param needed whether the order's appeal reason needs this proof
   * @param source the export (and column) it comes from, named as in both languages; empty for
   *     {@link #BATCH_CAUSE}
   * @param settle what would settle the batch's cause ({@link #BATCH_CAUSE}); null for a proof
   */
  public record Check(String code, State state, boolean needed, String source, Phrase settle) {
    public enum State {
      PRESENT,
      ABSENT,
      UNKNOWN
    }

    /** A proof: its source names exports and columns only, the same in both languages. */
    public Check(String code, State state, boolean needed, String source) {
      this(code, state, needed, source, null);
    }

    /** Where the proof comes from, or what would settle the batch, in Chinese or English. */
    public String source(boolean zh) {
      return settle == null ? source : settle.text(zh);
    }
  }

  /** The proofs checked per order, their weight in the score, and where each comes from. */
  public enum Proof {
    ORDER_DETAILS("order_details", 0.15, FileKind.ORDERS.csvName()),
    LOGISTICS("logistics", 0.25, FileKind.ORDERS.csvName() + " 快递信息"),
    SHIPPED("shipped", 0.10, FileKind.ORDERS.csvName() + " 发货时间"),
    DELIVERED("delivered", 0.15, FileKind.ORDERS.csvName() + " 订单完成时间 / 订单状态"),
    NO_REFUND("no_refund", 0.10, FileKind.ORDERS.csvName() + " 售后状态"),
    CHAT("chat", 0.10, FileKind.CHATS.csvName()),
    REVIEW("review", 0.10, FileKind.REVIEWS.csvName()),
    SOURCE("traffic_source", 0.05, FileKind.ORDERS.csvName() + " 达人ID / 流量来源");

    public final String code;
    public final double weight;
    public final String source;

    Proof(String code, double weight, String source) {
      this.code = code;
      this.weight = weight;
      this.source = source;
    }
  }

  /**
   * Signs that an order is one of the fakes the rule punishes; any of them means do not appeal it.
   */
  public enum Flag {
    /** Paid ¥0.01 per item. */
    ONE_CENT("one_cent"),
    /** Paid under half the product's usual price per item. */
    FAR_BELOW_PRICE("far_below_price"),
    /** Its waybill number also appears on another order. */
    REUSED_WAYBILL("reused_waybill"),
    /** Completed within 24 hours of payment. */
    COMPLETED_TOO_FAST("completed_too_fast"),
    /** Placed at night within 3 minutes of another order of its batch. */
    NIGHT_BURST("night_burst"),
    /** Shipped or completed without any tracking number. */
    NO_LOGISTICS("no_logistics"),
    /** Its batch as a whole looks like a real violation. */
    VIOLATION_BATCH("violation_batch");

    public final String code;

    Flag(String code) {
      this.code = code;
    }
  }
}
