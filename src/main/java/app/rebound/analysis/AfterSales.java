package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.OrderStates;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What an order's 售后状态 says about a refund, in the vocabulary of the order and 售后 exports, and the
 * stage that brings the 售后 export's records into the orders: an order's refund state is the
 * stronger of what its order row and its latest after-sale record say (refunded, then open).
 */
public final class AfterSales {

  private AfterSales() {}

  /** The money went back to the buyer ({@link OrderStates#REFUNDED}). */
  public static boolean refunded(String status) {
    return OrderStates.refunded(status);
  }

  /**
   * An after-sale under way ({@link OrderStates#OPEN}): not refunded yet, and not "no refund"
   * either (the appeal may not claim it).
   */
  public static boolean open(String status) {
    return OrderStates.open(status);
  }

  private static int strength(String status) {
    return refunded(status) ? 2 : open(status) ? 1 : 0;
  }

  /**
   * Stage: the orders with each 售后状态 raised to its latest after-sale record's status where that
   * says more (refunded over open over none); the orders are returned as they are when there are no
   * records.
   */
  static Table intoOrders(Table orders, Table afterSales) {
    if (afterSales == null || afterSales.isEmpty() || orders.isEmpty()) {
      return orders;
    }
    Map<String, String> latest = new HashMap<>();
    Map<String, LocalDateTime> latestAt = new HashMap<>();
    StringColumn ids = afterSales.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn statuses = afterSales.stringColumn(ColumnNames.STATUS);
    DateTimeColumn applied = afterSales.dateTimeColumn(ColumnNames.APPLIED_AT);
    for (int row = 0; row < afterSales.rowCount(); row++) {
      LocalDateTime at = applied.get(row);
      LocalDateTime seen = latestAt.get(ids.get(row));
      if (seen == null || (at != null && at.isAfter(seen))) {
        latest.put(ids.get(row), statuses.get(row));
        latestAt.put(ids.get(row), at == null ? LocalDateTime.MIN : at);
      }
    }
    Table out = orders.copy();
    StringColumn orderIds = out.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn orderStatus = out.stringColumn(ColumnNames.AFTER_SALE_STATUS);
    for (int row = 0; row < out.rowCount(); row++) {
      String record = latest.get(orderIds.get(row));
      if (record != null && strength(record) > strength(orderStatus.get(row))) {
        orderStatus.set(row, record.strip());
      }
    }
    return out;
  }

  /** The shop's tables with the after-sale records brought into the orders. */
  static void intoOrders(Map<FileKind, Table> tables) {
    Table afterSales = tables.get(FileKind.AFTER_SALES);
    if (afterSales != null && tables.get(FileKind.ORDERS) != null) {
      tables.put(FileKind.ORDERS, intoOrders(tables.get(FileKind.ORDERS), afterSales));
    }
  }
}
