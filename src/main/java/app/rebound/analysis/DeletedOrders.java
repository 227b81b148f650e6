package app.rebound.analysis;

import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.joining.JoinType;

/**
 * Stage 1: the deleted orders, one row each, with their batch and what the orders export says about
 * them. They come from the deletions export (销量删除记录) or, for orders not in it, from the orders
 * export's own deletion flag. A batch is the violation notice (违规单号), else the day the platform
 * processed it.
 */
public final class DeletedOrders {

  /**
   * Columns of the orders export that the later stages read about a deleted order: those the
   * analysis loads, less the deletion flag the order was found by.
   */
  static final String[] ORDER_COLUMNS =
      ShopData.ANALYSIS_ORDER_FIELDS.stream()
          .filter(c -> !c.equals("sales_deleted") && !c.equals("notice_id"))
          .toArray(String[]::new);

  public static final String BATCH = "batch";
  public static final String BATCH_DATE = "batch_date";
  public static final String SOURCE = "source";
  public static final String IN_ORDERS = "in_orders";
  public static final String FROM_DELETIONS_FILE = "deletions";
  public static final String FROM_ORDERS_FLAG = "orders_flag";

  private DeletedOrders() {}

  /**
   * Every deleted order with batch, batch date, source, and its order details where the export has
   * them.
   */
  public static Table of(ShopData shop) {
    Table fromFile = fromDeletionsFile(shop);
    Table fromFlag = fromOrdersFlag(shop, fromFile.stringColumn("sub_order_id"));
    Table all = fromFile.append(fromFlag);
    return withOrderDetails(all, shop.orders());
  }

  static Table fromDeletionsFile(ShopData shop) {
    Table deletions = shop.table(FileKind.DELETIONS);
    Table out = skeleton("deleted_orders");
    for (int row = 0; row < deletions.rowCount(); row++) {
      String notice = deletions.stringColumn("notice_id").get(row);
      LocalDateTime processed = deletions.dateTimeColumn("processed_at").get(row);
      LocalDate day = processed.toLocalDate();
      out.stringColumn("sub_order_id").append(deletions.stringColumn("sub_order_id").get(row));
      out.stringColumn("deleted_product_id").append(deletions.stringColumn("product_id").get(row));
      out.stringColumn(BATCH).append(notice.isEmpty() ? day.toString() : notice);
      out.dateColumn(BATCH_DATE).append(day);
      out.stringColumn(SOURCE).append(FROM_DELETIONS_FILE);
    }
    return firstDatePerBatch(out);
  }

  /**
   * Orders flagged as deleted inside the orders export and absent from the deletions export. The
   * export gives no processing date, so the batch is dated the day after its last paid order: an
   * assumption the cause stage states in its signals.
   */
  static Table fromOrdersFlag(ShopData shop, StringColumn alreadyListed) {
    Table orders = shop.orders();
    Table out = skeleton("flagged_orders");
    BooleanColumn flag = orders.booleanColumn("sales_deleted");
    Set<String> listed = new HashSet<>(alreadyListed.asList());
    Map<String, LocalDate> lastPaid = new HashMap<>();
    // Columns looked up once, not per row: a lookup by name per row costs seconds on a big shop.
    StringColumn subOrderIdCol = orders.stringColumn("sub_order_id");
    StringColumn noticeIdCol = orders.stringColumn("notice_id");
    DateTimeColumn paidAtCol = orders.dateTimeColumn("paid_at");
    DateTimeColumn submittedAtCol = orders.dateTimeColumn("submitted_at");
    StringColumn productIdCol = orders.stringColumn("product_id");
    for (int row = 0; row < orders.rowCount(); row++) {
      if (!Boolean.TRUE.equals(flag.get(row)) || listed.contains(subOrderIdCol.get(row))) {
        continue;
      }
      String notice = noticeIdCol.get(row);
      String batch = notice.isEmpty() ? "flagged" : notice;
      LocalDateTime paid = paidAtCol.get(row);
      LocalDateTime time = paid != null ? paid : submittedAtCol.get(row);
      lastPaid.merge(batch, time.toLocalDate(), (a, b) -> a.isAfter(b) ? a : b);
      out.stringColumn("sub_order_id").append(subOrderIdCol.get(row));
      out.stringColumn("deleted_product_id").append(productIdCol.get(row));
      out.stringColumn(BATCH).append(batch);
      out.dateColumn(BATCH_DATE).appendMissing();
      out.stringColumn(SOURCE).append(FROM_ORDERS_FLAG);
    }
    DateColumn dates = out.dateColumn(BATCH_DATE);
    for (int row = 0; row < out.rowCount(); row++) {
      dates.set(row, lastPaid.get(out.stringColumn(BATCH).get(row)).plusDays(1));
    }
    return out;
  }

  /** A batch's date is the first day the platform processed any of its orders. */
  private static Table firstDatePerBatch(Table deleted) {
    Map<String, LocalDate> first = new HashMap<>();
    for (int row = 0; row < deleted.rowCount(); row++) {
      first.merge(
          deleted.stringColumn(BATCH).get(row),
          deleted.dateColumn(BATCH_DATE).get(row),
          (a, b) -> a.isBefore(b) ? a : b);
    }
    DateColumn dates = deleted.dateColumn(BATCH_DATE);
    for (int row = 0; row < deleted.rowCount(); row++) {
      dates.set(row, first.get(deleted.stringColumn(BATCH).get(row)));
    }
    return deleted;
  }

  private static Table skeleton(String name) {
    return Table.create(
        name,
        StringColumn.create("sub_order_id"),
        StringColumn.create("deleted_product_id"),
        StringColumn.create(BATCH),
        DateColumn.create(BATCH_DATE),
        StringColumn.create(SOURCE));
  }

  /** Joins the order details; the product comes from the deletion notice, else from the order. */
  static Table withOrderDetails(Table deleted, Table orders) {
    // Only the deleted orders' rows: copying and joining all of a big shop's orders costs seconds.
    Table details =
        orders
            .where(
                orders
                    .stringColumn("sub_order_id")
                    .isIn(deleted.stringColumn("sub_order_id").asSet()))
            .selectColumns(ORDER_COLUMNS)
            .copy();
    details.addColumns(
        BooleanColumn.create(IN_ORDERS, details.rowCount())
            .set(details.stringColumn("sub_order_id").isNotMissing(), true));
    Table joined = deleted.joinOn("sub_order_id").with(details).type(JoinType.LEFT_OUTER).join();
    StringColumn product = joined.stringColumn("product_id");
    StringColumn fromNotice = joined.stringColumn("deleted_product_id");
    for (int row = 0; row < joined.rowCount(); row++) {
      if (!fromNotice.get(row).isEmpty()) {
        product.set(row, fromNotice.get(row));
      }
    }
    BooleanColumn inOrders = joined.booleanColumn(IN_ORDERS);
    for (int row = 0; row < joined.rowCount(); row++) {
      if (inOrders.get(row) == null) {
        inOrders.set(row, false);
      }
    }
    joined.removeColumns("deleted_product_id");
    return joined.sortOn(BATCH_DATE, BATCH, "sub_order_id");
  }

  /**
   * When the platform first processed each batch: the earliest 处理时间 of its notice (or of its day).
   */
  public static Map<String, LocalDateTime> noticeTimes(Table deletions) {
    Map<String, LocalDateTime> out = new HashMap<>();
    for (int row = 0; row < deletions.rowCount(); row++) {
      LocalDateTime at = deletions.dateTimeColumn("processed_at").get(row);
      if (at == null) {
        continue;
      }
      String notice = deletions.stringColumn("notice_id").get(row);
      String batch = notice == null || notice.isEmpty() ? at.toLocalDate().toString() : notice;
      out.merge(batch, at, (a, b) -> a.isBefore(b) ? a : b);
    }
    return out;
  }
}
