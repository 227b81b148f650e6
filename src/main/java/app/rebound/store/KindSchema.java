package app.rebound.store;

import app.rebound.ingest.Field;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQLite table of each export kind, derived from its fields: one column per field, the unknown
 * export columns as a JSON object, and the kind's key as primary key. Times are stored as seconds
 * and dates as days since 1970-01-01 (local shop time, no zone), which keeps rows small and
 * sortable.
 */
final class KindSchema {

  static final String EXTRA = "extra_json";
  static final String UPLOAD = "upload_id";

  /** Orders carry their latest event time so an older export never overwrites a newer status. */
  static final String RECENCY = "recency";

  private KindSchema() {}

  static String table(FileKind kind) {
    return "rows_" + kind.id();
  }

  /**
   * Each upload's own rows of the kind, one per key and upload ({@link UploadRows}): what the
   * merged rows are rebuilt from when an upload is deleted.
   */
  static String heldTable(FileKind kind) {
    return "held_" + kind.id();
  }

  /** The table of each upload's own rows: one row per key and upload. */
  static String createHeldTable(FileKind kind) {
    return createTable(kind, heldTable(kind), keyList(kind) + ", " + UPLOAD);
  }

  static String createTable(FileKind kind, String name, boolean withKey) {
    return createTable(kind, name, withKey ? keyList(kind) : null);
  }

  /** The kind's row table under a name, with the given primary key (null for none). */
  static String createTable(FileKind kind, String name, String primaryKey) {
    String columns =
        kind.fields().stream()
            .map(
                f ->
                    quote(f.name()) + " " + sqlType(f.type()) + (isKey(kind, f) ? " NOT NULL" : ""))
            .collect(Collectors.joining(", "));
    String key = primaryKey != null ? ", PRIMARY KEY (" + primaryKey + ")" : "";
    return "CREATE TABLE IF NOT EXISTS "
        + name
        + " ("
        + columns
        + ", "
        + EXTRA
        + " TEXT, "
        + UPLOAD
        + " INTEGER, "
        + RECENCY
        + " INTEGER"
        + key
        + ")";
  }

  static boolean isKey(FileKind kind, Field field) {
    return kind.keyFields().contains(field.name());
  }

  static String keyList(FileKind kind) {
    return kind.keyFields().stream().map(KindSchema::quote).collect(Collectors.joining(", "));
  }

  /** Every stored column in insert order: the fields, then extra, upload and recency. */
  static List<String> columns(FileKind kind) {
    var names =
        new ArrayList<>(kind.fields().stream().map(Field::name).map(KindSchema::quote).toList());
    names.add(EXTRA);
    names.add(UPLOAD);
    names.add(RECENCY);
    return names;
  }

  static String sqlType(ValueType type) {
    return switch (type) {
      case ID, TEXT -> "TEXT";
      case INTEGER, DATETIME, DATE, FLAG -> "INTEGER";
      case MONEY, DECIMAL -> "REAL";
    };
  }

  static String quote(String identifier) {
    return '"' + identifier + '"';
  }
}
