package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
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
          .filter(c -> !c.equals(ColumnNames.SALES_DELETED) && !c.equals(ColumnNames.NOTICE_ID))
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
    Table fromFlag = fromOrdersFlag(shop, fromFile.stringColumn(ColumnNames.SUB_ORDER_ID));
    Table all = fromFile.append(fromFlag);
    return withOrderDetails(all, shop.orders());
  }

  static Table fromDeletionsFile(ShopData shop) {
    Table deletions = shop.table(FileKind.DELETIONS);
    Table out = skeleton("deleted_orders");
    for (int row = 0; row < deletions.rowCount(); row++) {
      String notice = deletions.stringColumn(ColumnNames.NOTICE_ID).get(row);
      LocalDateTime processed = deletions.dateTimeColumn(ColumnNames.PROCESSED_AT).get(row);
      LocalDate day = processed.toLocalDate();
      out.stringColumn(ColumnNames.SUB_ORDER_ID)
          .append(deletions.stringColumn(ColumnNames.SUB_ORDER_ID).get(row));
      out.stringColumn("deleted_product_id")
          .append(deletions.stringColumn(ColumnNames.PRODUCT_ID).get(row));
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
    BooleanColumn flag = orders.booleanColumn(ColumnNames.SALES_DELETED);
    Set<String> listed = new HashSet<>(alreadyListed.asList());
    Map<String, LocalDate> lastPaid = new HashMap<>();
    // Columns looked up once, not per row: a lookup by name per row costs seconds on a big shop.
    StringColumn subOrderIdCol = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn noticeIdCol = orders.stringColumn(ColumnNames.NOTICE_ID);
    DateTimeColumn paidAtCol = orders.dateTimeColumn(ColumnNames.PAID_AT);
    DateTimeColumn submittedAtCol = orders.dateTimeColumn(ColumnNames.SUBMITTED_AT);
    StringColumn productIdCol = orders.stringColumn(ColumnNames.PRODUCT_ID);
    for (int row = 0; row < orders.rowCount(); row++) {
      if (!Boolean.TRUE.equals(flag.get(row)) || listed.contains(subOrderIdCol.get(row))) {
        continue;
      }
      String notice = noticeIdCol.get(row);
      String batch = notice.isEmpty() ? "flagged" : notice;
      LocalDateTime paid = paidAtCol.get(row);
      LocalDateTime time = paid != null ? paid : submittedAtCol.get(row);
      lastPaid.merge(batch, time.toLocalDate(), (a, b) -> a.isAfter(b) ? a : b);
      out.stringColumn(ColumnNames.SUB_ORDER_ID).append(subOrderIdCol.get(row));
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
        StringColumn.create(ColumnNames.SUB_ORDER_ID),
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
                    .stringColumn(ColumnNames.SUB_ORDER_ID)
                    .isIn(deleted.stringColumn(ColumnNames.SUB_ORDER_ID).asSet()))
            .selectColumns(ORDER_COLUMNS)
            .copy();
    details.addColumns(
        BooleanColumn.create(IN_ORDERS, details.rowCount())
            .set(details.stringColumn(ColumnNames.SUB_ORDER_ID).isNotMissing(), true));
    Table joined =
        deleted.joinOn(ColumnNames.SUB_ORDER_ID).with(details).type(JoinType.LEFT_OUTER).join();
    StringColumn product = joined.stringColumn(ColumnNames.PRODUCT_ID);
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
    return joined.sortOn(BATCH_DATE, BATCH, ColumnNames.SUB_ORDER_ID);
  }

  /**
   * When the platform first processed each batch: the earliest 处理时间 of its notice (or of its day).
   */
  public static Map<String, LocalDateTime> noticeTimes(Table deletions) {
    Map<String, LocalDateTime> out = new HashMap<>();
    for (int row = 0; row < deletions.rowCount(); row++) {
      LocalDateTime at = deletions.dateTimeColumn(ColumnNames.PROCESSED_AT).get(row);
      if (at == null) {
        continue;
      }
      String notice = deletions.stringColumn(ColumnNames.NOTICE_ID).get(row);
      String batch = notice == null || notice.isEmpty() ? at.toLocalDate().toString() : notice;
      out.merge(batch, at, (a, b) -> a.isBefore(b) ? a : b);
    }
    return out;
  }
}
