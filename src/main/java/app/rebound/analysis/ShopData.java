package app.rebound.analysis;

import app.rebound.ingest.FileKind;
import app.rebound.ingest.KindTable;
import app.rebound.store.ShopDatabase;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Everything the analysis reads about one shop: a canonical table per export kind (empty with the kind's
 * columns when the merchant has not uploaded it), and which kinds were uploaded.
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

  public static ShopData load(ShopDatabase db) throws SQLException {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    for (FileKind kind : FileKind.values()) {
      tables.put(kind, db.load(kind, false));
    }
    return new ShopData(tables);
  }

  /** Builds shop data from tables in hand (tests, the analyze command); missing kinds are empty. */
  public static ShopData of(Map<FileKind, Table> given) {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    for (FileKind kind : FileKind.values()) {
      tables.put(kind, given.getOrDefault(kind, KindTable.empty(kind)));
    }
    return new ShopData(tables);
  }
}
