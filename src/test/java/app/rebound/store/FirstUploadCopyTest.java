package app.rebound.store;

import static app.rebound.store.WorkspacesTest.CLOCK;
import static app.rebound.store.WorkspacesTest.HEADER;
import static app.rebound.store.WorkspacesTest.csv;
import static app.rebound.store.WorkspacesTest.order;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first upload's own copy of its rows (what deleting the upload takes away) is copied from the
 * stored rows instead of bound a second time: it must still be the upload's rows as the merge rule
 * keeps them, a repeated sub-order's newer state winning and an older one not, and the copies must
 * not stop at a batch's edge.
 */
class FirstUploadCopyTest {

  @TempDir Path data;

  @Test
  void a_first_uploads_own_rows_are_its_stored_rows_with_repeats_merged() throws Exception {
    StringBuilder file = new StringBuilder(HEADER);
    file.append(order("1001", "已发货", "2026-05-02 10:00:00", ""));
    file.append(order("1002", "已发货", "2026-05-02 10:00:00", ""));
    // More rows than one batch, so a repeat falls in a later batch than its first row.
    for (int i = 0; i < 6_000; i++) {
      file.append(order(String.valueOf(20_000 + i), "已发货", "2026-05-02 10:00:00", ""));
    }
    file.append(order("1002", "已完成", "2026-05-02 10:00:00", "2026-05-09 10:00:00")); // newer
    file.append(order("1001", "待发货", "", "")); // older: its event is before the stored one's
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      ws.upload("shop1", List.of(csv("orders.csv", file.toString())), stage -> {});
    }
    List<String> stored = rows("rows_orders");
    assertEquals(6_002, stored.size());
    assertEquals(stored, rows("held_orders"));
    assertEquals(
        List.of("1001 已发货", "1002 已完成"),
        query(
            "SELECT sub_order_id || ' ' || order_status FROM held_orders"
                + " WHERE sub_order_id IN ('1001', '1002') ORDER BY sub_order_id"));
  }

  private List<String> rows(String table) throws SQLException {
    return query("SELECT * FROM " + table + " ORDER BY sub_order_id");
  }

  private List<String> query(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:sqlite:" + data.resolve("shops").resolve("shop1").resolve("shop.db"));
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.append(i == 1 ? "" : "|").append(rs.getString(i));
        }
        out.add(row.toString());
      }
    }
    return out;
  }
}
