package app.rebound.store;

import app.rebound.Json;
import app.rebound.ingest.Field;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.KindTable;
import app.rebound.ingest.MergeCounts;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Merges one file's accepted rows into a kind's stored rows, by the kind's key, the newer row winning:
 * rows are staged, the newest row per key is chosen, then compared with what is stored. For orders,
 * "newer" means a later latest event (submitted, paid, shipped, completed), so last week's export
 * uploaded after this week's does not turn a completed order back into a shipped one; on a tie, and for
 * every other kind, the later upload wins.
 */
final class Merge {

  private static final int BATCH = 5_000;
  private static final List<String> ORDER_EVENTS = List.of("submitted_at", "paid_at", "shipped_at", "completed_at");

  private Merge() {}

  static MergeCounts apply(Connection connection, FileKind kind, Table rows, long uploadId) throws SQLException {
    String main = KindSchema.table(kind);
    List<String> columns = KindSchema.columns(kind);
    String columnList = String.join(", ", columns);
    try (Statement s = connection.createStatement()) {
      s.execute("DROP TABLE IF EXISTS temp.stage");
      s.execute("DROP TABLE IF EXISTS temp.chosen");
      s.execute(KindSchema.createTable(kind, "temp.stage", false));
    }
    stage(connection, kind, rows, uploadId, columns);
    String keys = KindSchema.keyList(kind);
    String keyMatch = kind.keyFields().stream()
        .map(k -> "m." + KindSchema.quote(k) + " = c." + KindSchema.quote(k))
        .collect(Collectors.joining(" AND "));
    List<String> compared = new ArrayList<>(kind.fields().stream().map(Field::name).map(KindSchema::quote).toList());
    compared.add(KindSchema.EXTRA);
    String differs = compared.stream().map(c -> "c." + c + " IS NOT m." + c).collect(Collectors.joining(" OR "));
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE TEMP TABLE chosen AS SELECT " + columnList + ", NULL AS action FROM (SELECT *, ROW_NUMBER()"
          + " OVER (PARTITION BY " + keys + " ORDER BY " + KindSchema.RECENCY + " DESC, rowid DESC) AS rn"
          + " FROM temp.stage) WHERE rn = 1");
      s.execute("DROP TABLE temp.stage");
      s.executeUpdate("UPDATE temp.chosen AS c SET action = 1 WHERE NOT EXISTS (SELECT 1 FROM " + main
          + " m WHERE " + keyMatch + ")");
      s.executeUpdate("UPDATE temp.chosen AS c SET action = 2 WHERE action IS NULL AND EXISTS (SELECT 1 FROM "
          + main + " m WHERE " + keyMatch + " AND c." + KindSchema.RECENCY + " >= m." + KindSchema.RECENCY
          + " AND (" + differs + "))");
      long added = scalar(s, "SELECT count(*) FROM temp.chosen WHERE action = 1");
      long updated = scalar(s, "SELECT count(*) FROM temp.chosen WHERE action = 2");
      s.executeUpdate("INSERT OR REPLACE INTO " + main + " (" + columnList + ") SELECT " + columnList
          + " FROM temp.chosen WHERE action IS NOT NULL");
      s.execute("DROP TABLE temp.chosen");
      return new MergeCounts(added, updated, rows.rowCount() - added - updated);
    }
  }

  private static void stage(Connection connection, FileKind kind, Table rows, long uploadId, List<String> columns)
      throws SQLException {
    List<Field> fields = kind.fields();
    List<Column<?>> fieldColumns = fields.stream().<Column<?>>map(f -> rows.column(f.name())).toList();
    List<Column<?>> extras = rows.columns().stream()
        .filter(c -> c.name().startsWith(KindTable.EXTRA_PREFIX))
        .toList();
    int[] events = kind == FileKind.ORDERS
        ? ORDER_EVENTS.stream().mapToInt(fields.stream().map(Field::name).toList()::indexOf).toArray()
        : new int[0];
    String placeholders = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    try (PreparedStatement ps = connection.prepareStatement(
        "INSERT INTO temp.stage (" + String.join(", ", columns) + ") VALUES (" + placeholders + ")")) {
      Object[] values = new Object[fields.size()];
      for (int row = 0; row < rows.rowCount(); row++) {
        for (int i = 0; i < fields.size(); i++) {
          Object value = fieldColumns.get(i).get(row);
          if (value instanceof String str && str.isEmpty()) {
            value = null;
          }
          if (value == null && KindSchema.isKey(kind, fields.get(i))) {
            value = ""; // keys are NOT NULL so that two rows without a sub-order id still compare equal
          }
          values[i] = value;
          ShopDatabase.bindValue(ps, i + 1, fields.get(i).type(), value);
        }
        ps.setString(fields.size() + 1, extrasJson(extras, row));
        ps.setLong(fields.size() + 2, uploadId);
        ps.setLong(fields.size() + 3, recency(values, events));
        ps.addBatch();
        if ((row + 1) % BATCH == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  private static long recency(Object[] values, int[] events) {
    long latest = 0;
    for (int index : events) {
      if (values[index] instanceof LocalDateTime t) {
        latest = Math.max(latest, t.toEpochSecond(ZoneOffset.UTC));
      }
    }
    return latest;
  }

  private static String extrasJson(List<Column<?>> extras, int row) {
    if (extras.isEmpty()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Column<?> c : extras) {
      String v = (String) c.get(row);
      if (v != null && !v.isEmpty()) {
        values.put(c.name().substring(KindTable.EXTRA_PREFIX.length()), v);
      }
    }
    try {
      return values.isEmpty() ? null : Json.MAPPER.writer().without(
          com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long scalar(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }
}
