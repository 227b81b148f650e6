package app.rebound.service;

import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import app.rebound.store.ShopDatabase;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A stored shop read back as the analysis takes it: the analysis is a pure function of tables, so
 * the reading lives here, beside the store, and the same analysis runs on tables from anywhere.
 */
public final class StoredShop {

  private StoredShop() {}

  /** Every kind's rows (the orders with only the columns the analysis reads), ready to analyse. */
  public static ShopData load(ShopDatabase db) throws SQLException {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    for (FileKind kind : FileKind.values()) {
      tables.put(
          kind,
          kind == FileKind.ORDERS
              ? db.load(kind, ShopData.ANALYSIS_ORDER_FIELDS)
              : db.load(kind, false));
    }
    return ShopData.stored(tables, db.mainOrdersSharingParcels(), db.restoredOrders());
  }
}
