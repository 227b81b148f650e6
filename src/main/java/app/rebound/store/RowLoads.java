package app.rebound.store;

import app.rebound.Json;
import app.rebound.ingest.Field;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.KindTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A shop's stored rows read back as the analysis takes them: from the newest snapshot of a kind
 * when it is current, the rows changed since merged into an older one, all of them from SQLite
 * otherwise (then a snapshot is written for the next load). Callers hold the database's lock.
 */
final class RowLoads {

  private final Connection connection;
  private final RowSnapshots snapshots;
  private long rowsReadFromDatabase;

  RowLoads(Connection connection, RowSnapshots snapshots) {
    this.connection = connection;
    this.snapshots = snapshots;
  }

  /** Rows the last load read from SQLite (the rest came from a snapshot). */
  long rowsReadFromDatabase() {
    return rowsReadFromDatabase;
  }

  long count(FileKind kind) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + KindSchema.table(kind))) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  boolean holdsRows(FileKind kind) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + KindSchema.table(kind) + ")")) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  Table load(FileKind kind, List<Field> fields, boolean withExtras) throws SQLException {
    if (withExtras) {
      return loadFromDatabase(kind, fields, true, 0);
    }
    long version = rowsVersion(kind);
    List<Field> kept = RowSnapshots.withKey(kind, fields);
    Optional<RowSnapshots.Found> found =
        version == 0 ? Optional.empty() : snapshots.newest(kind, kept, version);
    boolean current = found.isPresent() && found.get().version() == version;
    rowsReadFromDatabase = 0;
    Table rows =
        found.isEmpty()
            ? null
            : current
                ? found.get().rows()
                // An older snapshot needs only the rows changed since.
                : KeyOrder.merge(
                    kind,
                    found.get().rows(),
                    loadFromDatabase(kind, kept, false, found.get().version()));
    // A file cut short at a block boundary reads as fewer rows without an error: the count tells.
    boolean whole = rows != null && rows.rowCount() == count(kind);
    if (!whole) {
      rows = loadFromDatabase(kind, kept, false, 0);
    }
    if (version > 0 && !(current && whole)) {
      try {
        snapshots.write(kind, version, rows);
      } catch (IOException e) {
        // Not fatal: the rows are in hand and the next load makes the snapshot again.
        System.err.println("could not keep a snapshot of " + kind.id() + ": " + e);
      }
    }
    // In place: selectColumns would copy every column of a million rows.
    return rows.retainColumns(fields.stream().map(Field::name).toArray(String[]::new));
  }

  /**
   * Keeps the kind's stored rows, already in hand in key order ({@link RowsInHand}), as its
   * snapshot at the current version: the next load reads them from there, as if this load had read
   * them from SQLite. Rows that are not all of the stored ones are refused.
   */
  void keepSnapshot(FileKind kind, Table rows) throws SQLException {
    long version = rowsVersion(kind);
    if (version == 0) {
      return;
    }
    if (rows.rowCount() != count(kind)) {
      throw new IllegalArgumentException(
          kind.id() + ": " + rows.rowCount() + " rows in hand, " + count(kind) + " stored");
    }
    try {
      snapshots.write(kind, version, rows);
    } catch (IOException e) {
      // Not fatal, as in load: the next load reads the rows from SQLite and makes the snapshot.
      System.err.println("could not keep a snapshot of " + kind.id() + ": " + e);
    }
  }

  /**
   * The upload that last changed the kind's rows (0 when there are none). A database written before
   * the versions were kept gets its version from the rows themselves, once.
   */
  private long rowsVersion(FileKind kind) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT upload_id FROM kind_versions WHERE kind = ?")) {
      ps.setString(1, kind.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    long version;
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT coalesce(max("
                    + KindSchema.UPLOAD
                    + "), 0) FROM "
                    + KindSchema.table(kind))) {
      version = rs.next() ? rs.getLong(1) : 0;
    }
    if (version > 0) {
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT OR IGNORE INTO kind_versions (kind, upload_id) VALUES (?, ?)")) {
        ps.setString(1, kind.id());
        ps.setLong(2, version);
        ps.executeUpdate();
      }
    }
    return version;
  }

  /** The kind's rows changed by uploads after the given one (all rows for 0), in key order. */
  private Table loadFromDatabase(
      FileKind kind, List<Field> fields, boolean withExtras, long afterUpload) throws SQLException {
    Table table = KindTable.empty(kind);
    table.retainColumns(fields.stream().map(Field::name).toArray(String[]::new));
    List<Column<?>> columns = fields.stream().<Column<?>>map(f -> table.column(f.name())).toList();
    Map<String, StringColumn> extras = new LinkedHashMap<>();
    String sql =
        "SELECT "
            + fields.stream().map(f -> KindSchema.quote(f.name())).collect(Collectors.joining(", "))
            + ", "
            + KindSchema.EXTRA
            + " FROM "
            + KindSchema.table(kind)
            + (afterUpload > 0 ? " WHERE " + KindSchema.UPLOAD + " > " + afterUpload : "")
            + " ORDER BY "
            + KindSchema.keyList(kind);
    int row = 0;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        for (int i = 0; i < fields.size(); i++) {
          KindTable.append(columns.get(i), SqlValues.read(rs, i + 1, fields.get(i).type()));
        }
        if (withExtras) {
          appendExtras(extras, rs.getString(fields.size() + 1), row);
        }
        row++;
      }
    }
    rowsReadFromDatabase += row;
    // Added at the end: Tablesaw pads a column shorter than the table, which would shift its
    // values.
    extras.values().forEach(table::addColumns);
    return table;
  }

  private static void appendExtras(Map<String, StringColumn> extras, String json, int row) {
    Map<String, String> values = json == null ? Map.of() : parseExtras(json);
    for (String key : values.keySet()) {
      extras.computeIfAbsent(
          key,
          k -> {
            StringColumn c = StringColumn.create(KindTable.EXTRA_PREFIX + k);
            for (int i = 0; i < row; i++) {
              c.append("");
            }
            return c;
          });
    }
    for (var entry : extras.entrySet()) {
      entry.getValue().append(values.getOrDefault(entry.getKey(), ""));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> parseExtras(String json) {
    try {
      return Json.MAPPER.readValue(json, LinkedHashMap.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored extra columns are not JSON", e);
    }
  }
}
