package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.KindTable;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Everything the analysis reads about one shop: a canonical table per export kind (empty with the
 * kind's columns when the merchant has not uploaded it), and which kinds were uploaded.
 */
public record ShopData(Map<FileKind, Table> tables) {

  public Table table(FileKind kind) {
    return tables.get(kind);
  }

  public boolean has(FileKind kind) {
    return !tables.get(kind).isEmpty();
  }

  public Table orders() {
    return table(FileKind.ORDERS);
  }

  /**
   * The columns of the orders export that the analysis reads; the others (addresses, notes,
   * discounts, …) stay in the database, so a large shop fits in memory.
   */
  public static final List<String> ANALYSIS_ORDER_FIELDS =
      List.of(
          ColumnNames.SUB_ORDER_ID,
          ColumnNames.PRODUCT_ID,
          ColumnNames.PRODUCT_NAME,
          ColumnNames.QUANTITY,
          ColumnNames.UNIT_PRICE,
          ColumnNames.PAYABLE_AMOUNT,
          ColumnNames.SUBMITTED_AT,
          ColumnNames.PAID_AT,
          ColumnNames.SHIPPED_AT,
          ColumnNames.COMPLETED_AT,
          ColumnNames.ORDER_STATUS,
          ColumnNames.AFTER_SALE_STATUS,
          ColumnNames.CANCEL_REASON,
          ColumnNames.AFFILIATE_ID,
          ColumnNames.TRAFFIC_SOURCE,
          ColumnNames.TRAFFIC_CHANNEL,
          ColumnNames.TRAFFIC_FORMAT,
          ColumnNames.LOGISTICS,
          ColumnNames.PROVINCE,
          ColumnNames.CITY,
          ColumnNames.SALES_DELETED,
          ColumnNames.NOTICE_ID);

  /**
   * The shop's tables as the store keeps them, made ready for the analysis: 主订单编号 kept only where a
   * parcel holds several sub-orders, the sales the platform gave back on appeal counted again
   * (restored sub-orders leave the deletions and lose their deletion flag in the orders),
   * after-sales folded into the orders. The tables are freshly loaded and not shared: they are
   * changed in place.
   *
   * @param tables every kind's rows; the orders with {@link #ANALYSIS_ORDER_FIELDS}
   * @param mainOrdersSharingParcels the main order of each of the {@link #subOrdersSharingParcels}
   * @param restored the sub-orders whose sales an appeal case gave back
   */
  public static ShopData stored(
      Map<FileKind, Table> tables,
      Map<String, String> mainOrdersSharingParcels,
      Set<String> restored) {
    Map<FileKind, Table> out = new EnumMap<>(tables);
    withMainOrders(out.get(FileKind.ORDERS), mainOrdersSharingParcels);
    if (!restored.isEmpty()) {
      out.put(FileKind.DELETIONS, withoutRestored(out.get(FileKind.DELETIONS), restored));
      unflagRestored(out.get(FileKind.ORDERS), restored);
    }
    AfterSales.intoOrders(out);
    return new ShopData(out);
  }

  /**
   * The sub-orders whose 快递信息 another sub-order has too (a blank one is no parcel): a parcel of
   * several items or a reused waybill, which their 主订单编号 tell apart ({@link #stored}).
   */
  public static Set<String> subOrdersSharingParcels(Table orders) {
    StringColumn logistics = orders.stringColumn(ColumnNames.LOGISTICS);
    // Open addressing and primitive counts: one slot per waybill, no boxed count per row.
    Object2IntOpenHashMap<String> onWaybill = new Object2IntOpenHashMap<>();
    for (int row = 0; row < orders.rowCount(); row++) {
      String waybill = logistics.get(row);
      if (!waybill.isEmpty()) {
        onWaybill.addTo(waybill, 1);
      }
    }
    StringColumn ids = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    Set<String> out = new HashSet<>();
    for (int row = 0; row < orders.rowCount(); row++) {
      if (onWaybill.getInt(logistics.get(row)) > 1) {
        out.add(ids.get(row));
      }
    }
    return out;
  }

  /**
   * In place: 主订单编号 only where a parcel holds several sub-orders (blank elsewhere, which the
   * analysis reads as "its own order"), so a multi-item parcel is not a reused waybill.
   */
  static void withMainOrders(Table orders, Map<String, String> mainOf) {
    StringColumn ids = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn mains = StringColumn.create(ColumnNames.ORDER_ID, orders.rowCount());
    for (int row = 0; row < orders.rowCount(); row++) {
      String main = mainOf.get(ids.get(row));
      if (main != null) {
        mains.set(row, main);
      }
    }
    orders.addColumns(mains);
  }

  static Table withoutRestored(Table deletions, Set<String> restored) {
    return deletions.dropWhere(deletions.stringColumn(ColumnNames.SUB_ORDER_ID).isIn(restored));
  }

  /** In place: the table was just loaded and is not shared yet. */
  static void unflagRestored(Table orders, Set<String> restored) {
    StringColumn ids = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    BooleanColumn flag = orders.booleanColumn(ColumnNames.SALES_DELETED);
    for (int row = 0; row < orders.rowCount(); row++) {
      if (Boolean.TRUE.equals(flag.get(row)) && restored.contains(ids.get(row))) {
        flag.set(row, false);
      }
    }
  }

  /** Builds shop data from tables in hand (tests, the analyze command); missing kinds are empty. */
  public static ShopData of(Map<FileKind, Table> given) {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    for (FileKind kind : FileKind.values()) {
      tables.put(kind, given.getOrDefault(kind, KindTable.empty(kind)));
    }
    AfterSales.intoOrders(tables);
    return new ShopData(tables);
  }
}
