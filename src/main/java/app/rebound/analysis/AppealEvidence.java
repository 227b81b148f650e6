package app.rebound.analysis;

import app.rebound.analysis.OrderEvidence.Check;
import app.rebound.analysis.OrderEvidence.Flag;
import app.rebound.analysis.OrderEvidence.Proof;
import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.OrderStates;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Stage 3 for the appeal: the evidence for every deleted order, from the uploaded exports. Each
 * order gets its proofs (order details, logistics, delivery, no refund, a chat, a review, a traffic
 * source), the signs of a real violation found on it, a score and a verdict. The thresholds are the
 * batch signals' own ({@link BatchSignals}), so an order and its batch are judged by one rule.
 */
public final class AppealEvidence {

  /**
   * At this score or above, with no violation sign and its reason's key proof, an order is ready to
   * appeal.
   */
  public static final double READY_SCORE = 0.6;

  private AppealEvidence() {}

  /** The evidence of each deleted order, in the order of the deleted-orders table. */
  public static List<OrderEvidence> of(ShopData shop, Table deleted, List<BatchCause> causes) {
    return of(deleted, causes, new ShopBaseline(shop, deleted));
  }

  static List<OrderEvidence> of(Table deleted, List<BatchCause> causes, ShopBaseline base) {
    Map<String, BatchCause> causeOf = new HashMap<>();
    causes.forEach(c -> causeOf.put(c.id(), c));
    Set<String> nightBursts = nightBursts(deleted);
    List<OrderEvidence> out = new ArrayList<>(deleted.rowCount());
    for (int row = 0; row < deleted.rowCount(); row++) {
      out.add(one(deleted, row, base, nightBursts, causeOf));
    }
    return out;
  }

  static OrderEvidence one(
      Table deleted,
      int row,
      ShopBaseline base,
      Set<String> nightBursts,
      Map<String, BatchCause> causeOf) {
    String id = deleted.stringColumn(ColumnNames.SUB_ORDER_ID).get(row);
    String batch = deleted.stringColumn(DeletedOrders.BATCH).get(row);
    String product = deleted.stringColumn(ColumnNames.PRODUCT_ID).get(row);
    boolean inOrders = Boolean.TRUE.equals(deleted.booleanColumn(DeletedOrders.IN_ORDERS).get(row));
    String logistics = text(deleted, ColumnNames.LOGISTICS, row);
    String number = ShopBaseline.waybill(logistics);
    String carrier =
        logistics.indexOf('-') < 0 ? "" : logistics.substring(logistics.indexOf('-') + 1).strip();
    LocalDateTime paid = deleted.dateTimeColumn(ColumnNames.PAID_AT).get(row);
    LocalDateTime shipped = deleted.dateTimeColumn(ColumnNames.SHIPPED_AT).get(row);
    LocalDateTime completed = deleted.dateTimeColumn(ColumnNames.COMPLETED_AT).get(row);
    String status = text(deleted, ColumnNames.ORDER_STATUS, row);
    String afterSale = text(deleted, ColumnNames.AFTER_SALE_STATUS, row);
    Integer quantityCell = deleted.intColumn(ColumnNames.QUANTITY).get(row);
    int quantity = quantityCell == null ? 0 : quantityCell;
    Double amountCell = deleted.doubleColumn(ColumnNames.PAYABLE_AMOUNT).get(row);
    double amount = amountCell == null ? 0 : amountCell;
    boolean refunded = AfterSales.refunded(afterSale);
    boolean openAfterSale = AfterSales.open(afterSale); // not refunded, and not "no refund" either
    boolean delivered = completed != null || OrderStates.completed(status);
    String reason = refunded ? OrderEvidence.REFUNDED : OrderEvidence.SHIPPED;

    List<Check> checks = new ArrayList<>();
    checks.add(check(Proof.ORDER_DETAILS, inOrders, true));
    if (inOrders) {
      boolean shippedReason = !refunded;
      checks.add(check(Proof.LOGISTICS, !number.isEmpty(), shippedReason));
      checks.add(check(Proof.SHIPPED, shipped != null, shippedReason));
      checks.add(check(Proof.DELIVERED, delivered, shippedReason));
      checks.add(check(Proof.NO_REFUND, !refunded && !openAfterSale, false));
      checks.add(
          check(
              Proof.SOURCE,
              !text(deleted, ColumnNames.AFFILIATE_ID, row).isEmpty()
                  || !text(deleted, ColumnNames.TRAFFIC_SOURCE, row).isEmpty(),
              false));
    } else {
      for (Proof p :
          List.of(Proof.LOGISTICS, Proof.SHIPPED, Proof.DELIVERED, Proof.NO_REFUND, Proof.SOURCE)) {
        checks.add(
            new Check(
                p.code, Check.State.UNKNOWN, p != Proof.NO_REFUND && p != Proof.SOURCE, p.source));
      }
    }
    // A chat is what the platform asks for to back either reason; a review is supporting only.
    checks.add(known(Proof.CHAT, base.chatted, id, true));
    checks.add(known(Proof.REVIEW, base.reviewed, id, false));

    List<String> flags = new ArrayList<>();
    if (inOrders) {
      flags.addAll(
          orderFlags(
              product, quantity, amountCell, number, paid, completed, shipped, delivered, base));
    }
    BatchCause cause = causeOf.get(batch);
    boolean violationBatch =
        cause != null && BatchCause.VIOLATION.equals(cause.likelyCause()) && !cause.undecided();
    // A night burst is a pattern of the batch, weighed in its diagnosis: where the diagnosis found
    // genuine orders (a night live stream), the order's own time does not overrule it.
    if (nightBursts.contains(id) && (cause == null || cause.undecided() || violationBatch)) {
      flags.add(Flag.NIGHT_BURST.code);
    }
    if (violationBatch) {
      flags.add(Flag.VIOLATION_BATCH.code);
    }
    if (cause != null && cause.undecided()) {
      // The batch's cause is a close call: the order waits for what would settle it.
      checks.add(
          new Check(
              OrderEvidence.BATCH_CAUSE, Check.State.UNKNOWN, true, "", cause.odds().settle()));
    }
    double score = Math.round(score(checks) * 100) / 100.0;
    String verdict = verdict(flags, checks, score);
    return new OrderEvidence(
        id,
        batch,
        product,
        text(deleted, ColumnNames.PRODUCT_NAME, row),
        paid,
        amount,
        quantity,
        status,
        afterSale,
        number,
        carrier,
        shipped,
        completed,
        checks,
        flags,
        score,
        verdict,
        reason);
  }

  /** The signs of a fake found on the order itself. */
  static List<String> orderFlags(
      String product,
      int quantity,
      Double amount,
      String waybill,
      LocalDateTime paid,
      LocalDateTime completed,
      LocalDateTime shipped,
      boolean delivered,
      ShopBaseline base) {
    List<String> flags = new ArrayList<>();
    if (quantity > 0 && amount != null) {
      double unit = amount / quantity;
      Double usual = base.usualUnitPrice.get(product);
      if (unit <= BatchSignals.ONE_CENT_YUAN + 1e-9) {
        flags.add(Flag.ONE_CENT.code);
      } else if (usual != null && usual > 0 && unit < BatchSignals.LOW_PRICE_FRACTION * usual) {
        flags.add(Flag.FAR_BELOW_PRICE.code);
      }
    }
    if (!waybill.isEmpty() && base.reusedWaybills.contains(waybill)) {
      flags.add(Flag.REUSED_WAYBILL.code);
    }
    // Only where the export carries 快递信息: a custom export without the column has no waybill on
    // any order, and real sales would read as fakes.
    if (waybill.isEmpty() && (shipped != null || delivered) && base.waybillsExported) {
      flags.add(Flag.NO_LOGISTICS.code);
    }
    if (paid != null
        && completed != null
        && Duration.between(paid, completed).toHours() < BatchSignals.FAST_COMPLETE_HOURS) {
      flags.add(Flag.COMPLETED_TOO_FAST.code);
    }
    return flags;
  }

  /** Appeal when nothing looks fake and the proofs are there; add proof first when they are not. */
  static String verdict(List<String> flags, List<Check> checks, double score) {
    if (!flags.isEmpty()) {
      return OrderEvidence.DO_NOT_APPEAL;
    }
    boolean keyProofs =
        checks.stream()
            .filter(c -> c.needed() && !c.code().equals(Proof.CHAT.code))
            .allMatch(c -> c.state() == Check.State.PRESENT);
    return keyProofs && score >= READY_SCORE
        ? OrderEvidence.APPEAL
        : OrderEvidence.APPEAL_AFTER_PROOF;
  }

  /**
   * The weight of the proofs present, over all proofs: a refunded order cannot score its delivery.
   */
  static double score(List<Check> checks) {
    double total = 0;
    double present = 0;
    for (Proof p : Proof.values()) {
      total += p.weight;
      for (Check c : checks) {
        if (c.code().equals(p.code) && c.state() == Check.State.PRESENT) {
          present += p.weight;
        }
      }
    }
    return present / total;
  }

  /**
   * Orders placed between 00:00 and 05:59 within 3 minutes of another order of the same batch: the
   * pattern of paid-order gangs. One late buyer alone is not a burst.
   */
  static Set<String> nightBursts(Table deleted) {
    Map<String, List<Integer>> rowsByBatch = new HashMap<>();
    for (int row = 0; row < deleted.rowCount(); row++) {
      if (deleted.dateTimeColumn(ColumnNames.SUBMITTED_AT).get(row) != null) {
        rowsByBatch
            .computeIfAbsent(
                deleted.stringColumn(DeletedOrders.BATCH).get(row), b -> new ArrayList<>())
            .add(row);
      }
    }
    Set<String> out = new HashSet<>();
    for (List<Integer> rows : rowsByBatch.values()) {
      rows.sort(
          (a, b) ->
              deleted
                  .dateTimeColumn(ColumnNames.SUBMITTED_AT)
                  .get(a)
                  .compareTo(deleted.dateTimeColumn(ColumnNames.SUBMITTED_AT).get(b)));
      for (int i = 0; i < rows.size(); i++) {
        LocalDateTime at = deleted.dateTimeColumn(ColumnNames.SUBMITTED_AT).get(rows.get(i));
        boolean near =
            i > 0 && seconds(deleted, rows.get(i - 1), at) <= BatchSignals.BURST_SECONDS
                || i + 1 < rows.size()
                    && seconds(deleted, rows.get(i + 1), at) <= BatchSignals.BURST_SECONDS;
        if (near && at.getHour() < BatchSignals.NIGHT_END_HOUR) {
          out.add(deleted.stringColumn(ColumnNames.SUB_ORDER_ID).get(rows.get(i)));
        }
      }
    }
    return out;
  }

  private static long seconds(Table deleted, int otherRow, LocalDateTime at) {
    return Math.abs(
        Duration.between(deleted.dateTimeColumn(ColumnNames.SUBMITTED_AT).get(otherRow), at)
            .getSeconds());
  }

  private static Check check(Proof proof, boolean present, boolean needed) {
    return new Check(
        proof.code, present ? Check.State.PRESENT : Check.State.ABSENT, needed, proof.source);
  }

  private static Check known(Proof proof, Set<String> ids, String id, boolean needed) {
    if (ids == null) {
      return new Check(proof.code, Check.State.UNKNOWN, needed, proof.source);
    }
    return check(proof, ids.contains(id), needed);
  }

  private static String text(Table table, String column, int row) {
    String value = table.stringColumn(column).get(row);
    return value == null ? "" : value.strip();
  }
}
