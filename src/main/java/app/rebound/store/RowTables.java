package app.rebound.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads one slice of a {@link RowView}: the SQL is the view's own text and its whitelisted sort
 * column; every value from the request is a bound parameter.
 */
final class RowTables {

  private RowTables() {}

  /** The WHERE clause and its parameters, in order. */
  private record Where(String sql, List<String> params) {}

  static RowPage page(Connection connection, RowQuery query) throws SQLException {
    Where where = where(query);
    long total;
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT count(*) FROM " + query.view().from() + where.sql())) {
      bind(ps, where.params());
      try (ResultSet rs = ps.executeQuery()) {
        total = rs.next() ? rs.getLong(1) : 0;
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    if (query.offset() < total) {
      each(connection, query, rows::add);
    }
    return new RowPage(rows, total);
  }

  /** Each row of the slice, read one at a time (a download does not hold them all twice). */
  static void each(Connection connection, RowQuery query, Consumer<List<Object>> sink)
      throws SQLException {
    RowView view = query.view();
    Where where = where(query);
    String sql =
        "SELECT "
            + view.columns().stream().map(RowView.Column::sql).collect(Collectors.joining(", "))
            + " FROM "
            + view.from()
            + where.sql()
            + " ORDER BY "
            + query.sort().sql()
            + (query.descending() ? " DESC" : " ASC")
            // The row's id last, so rows with equal sort values keep one order from page to page.
            + ", "
            + view.rowId()
            + " LIMIT ? OFFSET ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int next = bind(ps, where.params());
      ps.setInt(next, query.limit());
      ps.setLong(next + 1, query.offset());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<Object> row = new ArrayList<>(view.columns().size());
          for (int i = 0; i < view.columns().size(); i++) {
            row.add(SqlValues.read(rs, i + 1, view.columns().get(i).type()));
          }
          sink.accept(row);
        }
      }
    }
  }

  private static Where where(RowQuery query) {
    RowView view = query.view();
    List<String> conditions = new ArrayList<>();
    List<String> params = new ArrayList<>();
    if (present(query.search())) {
      // A range rather than LIKE: it uses the key's index, and ids are digits, below U+FFFF.
      conditions.add(view.searchColumn() + " >= ? AND " + view.searchColumn() + " < ?");
      params.add(query.search());
      params.add(query.search() + '\uffff');
    }
    if (present(query.product())) {
      if (view.productNameColumn() != null) {
        conditions.add(
            "("
                + view.productColumn()
                + " = ? OR "
                + view.productNameColumn()
                + " LIKE ? ESCAPE '\\')");
        params.add(query.product());
        params.add("%" + query.product().replaceAll("([\\\\%_])", "\\\\$1") + "%");
      } else {
        conditions.add(view.productColumn() + " = ?");
        params.add(query.product());
      }
    }
    if (present(query.notice())) {
      conditions.add(view.noticeCondition());
      params.add(query.notice());
    }
    String sql = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return new Where(sql, params);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  /** Binds the strings from 1; the next free index. */
  private static int bind(PreparedStatement ps, List<String> params) throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      ps.setString(i + 1, params.get(i));
    }
    return params.size() + 1;
  }
}
