package app.rebound.store;

import app.rebound.ingest.ValueType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How a cell of each value type is kept in SQLite: text as text, money and decimals as REAL, times
 * as epoch seconds and dates as epoch days (so they sort and compare as numbers), flags as 0/1; an
 * empty cell as NULL. The one place rows are written (Merge) and read (loads, row lists) agree on.
 */
final class SqlValues {

  private SqlValues() {}

  static Object read(ResultSet rs, int index, ValueType type) throws SQLException {
    switch (type) {
      case ID, TEXT -> {
        String s = rs.getString(index);
        return s == null || s.isEmpty() ? null : s;
      }
      case INTEGER -> {
        int v = rs.getInt(index);
        return rs.wasNull() ? null : v;
      }
      case MONEY, DECIMAL -> {
        double v = rs.getDouble(index);
        return rs.wasNull() ? null : v;
      }
      case DATETIME -> {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : LocalDateTime.ofEpochSecond(v, 0, ZoneOffset.UTC);
      }
      case DATE -> {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : LocalDate.ofEpochDay(v);
      }
      case FLAG -> {
        int v = rs.getInt(index);
        return rs.wasNull() ? null : v != 0;
      }
      default -> throw new IllegalArgumentException(type.toString());
    }
  }

  static void bind(PreparedStatement ps, int index, ValueType type, Object value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.NULL);
      return;
    }
    switch (type) {
      case ID, TEXT -> ps.setString(index, (String) value);
      case INTEGER -> ps.setInt(index, (Integer) value);
      case MONEY, DECIMAL -> ps.setDouble(index, (Double) value);
      case DATETIME -> ps.setLong(index, ((LocalDateTime) value).toEpochSecond(ZoneOffset.UTC));
      case DATE -> ps.setLong(index, ((LocalDate) value).toEpochDay());
      case FLAG -> ps.setInt(index, ((Boolean) value) ? 1 : 0);
      default -> throw new IllegalArgumentException(type.toString());
    }
  }
}
