package app.rebound.analysis;

import app.rebound.ingest.FileKind;
import app.rebound.ingest.KindTable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Hand-made canonical tables for the tests: one call per row, unnamed columns left missing. */
final class Rows {

  private Rows() {}

  static Table empty(FileKind kind) {
    return KindTable.empty(kind);
  }

  /**
   * Appends one row given as name, value pairs; dates as "2026-06-01", times as "2026-06-01 10:00".
   */
  static Table add(Table table, Object... pairs) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    for (Column<?> column : table.columns()) {
      Object v = values.remove(column.name());
      KindTable.append(column, convert(column, v));
    }
    if (!values.isEmpty()) {
      throw new IllegalArgumentException("no such columns " + values.keySet());
    }
    return table;
  }

  /**
   * Appends one deleted sub-order as the deletions export lists it: its product, time and notice.
   */
  static Table deletion(
      Table deletions, String subOrder, String product, String processedAt, String notice) {
    return add(
        deletions,
        "sub_order_id",
        subOrder,
        "product_id",
        product,
        "processed_at",
        processedAt,
        "notice_id",
        notice);
  }

  private static Object convert(Column<?> column, Object v) {
    if (v instanceof String s) {
      return switch (column.type().name()) {
        case "LOCAL_DATE" -> LocalDate.parse(s);
        case "LOCAL_DATE_TIME" ->
            LocalDateTime.parse(s.length() == 10 ? s + "T12:00" : s.replace(' ', 'T'));
        default -> s;
      };
    }
    if (v instanceof Number n && column.type().name().equals("DOUBLE")) {
      return n.doubleValue();
    }
    return v;
  }
}
