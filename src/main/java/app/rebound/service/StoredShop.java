package app.rebound.service;

import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import app.rebound.store.RowsInHand;
import app.rebound.store.ShopDatabase;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import tech.tablesaw.api.Table;

/**
 * A stored shop read back as the analysis takes it: the analysis is a pure function of tables, so
 * the reading lives here, beside the store, and the same analysis runs on tables from anywhere.
 */
public final class StoredShop {

  private StoredShop() {}

  /** Every kind's rows (the orders with only the columns the analysis reads), ready to analyse. */
  public static ShopData load(ShopDatabase db) throws SQLException {
    return load(db, kind -> Optional.empty());
  }

  /** Keeps what an upload stores as {@link #load} would read it back. */
  public static RowsInHand rowsInHand() {
    return new RowsInHand(Map.of(FileKind.ORDERS, ShopData.ANALYSIS_ORDER_FIELDS));
  }

  /**
   * The shop just uploaded: each kind from the rows in hand where they stand for the stored ones
   * (no read back), from the store otherwise; the same data either way.
   */
  public static ShopData load(ShopDatabase db, RowsInHand inHand) throws SQLException {
    return load(db, inHand::table);
  }

  /**
   * As {@link #load(ShopDatabase, RowsInHand)}, keeping the rows in hand as the kinds' snapshots
   * too, as a load from the store would have: the server's next analysis of the shop (a restored
   * appeal, the next week's upload) starts from them instead of a million rows in SQLite.
   */
  public static ShopData loadKeepingSnapshots(ShopDatabase db, RowsInHand inHand)
      throws SQLException {
    Map<FileKind, Table> inHandTables = new EnumMap<>(FileKind.class);
    for (FileKind kind : FileKind.values()) {
      Optional<Table> rows = inHand.table(kind);
      if (rows.isPresent()) {
        // Before the analysis: it changes the tables it is given in place.
        db.keepSnapshot(kind, rows.get());
        inHandTables.put(kind, rows.get());
      }
    }
    return load(db, kind -> Optional.ofNullable(inHandTables.get(kind)));
  }

  private static ShopData load(ShopDatabase db, Function<FileKind, Optional<Table>> inHand)
      throws SQLException {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    for (FileKind kind : FileKind.values()) {
      Optional<Table> rows = inHand.apply(kind);
      tables.put(
          kind,
          rows.isPresent()
              ? rows.get()
              : kind == FileKind.ORDERS
                  ? db.load(kind, ShopData.ANALYSIS_ORDER_FIELDS)
                  : db.load(kind, false));
    }
    Map<String, String> mainOrders =
        db.mainOrders(ShopData.subOrdersSharingParcels(tables.get(FileKind.ORDERS)));
    return ShopData.stored(tables, mainOrders, db.restoredOrders());
  }
}
