package app.rebound.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alerts of a shop and their delivery to each webhook (schema migration 2; migration 6 keeps
 * each message in both languages, so the alerts page reads in the reader's).
 */
final class AlertTables {

  private AlertTables() {}

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE alerts (id INTEGER PRIMARY KEY AUTOINCREMENT, alert_key TEXT NOT NULL UNIQUE,"
            + " kind TEXT NOT NULL, text TEXT NOT NULL, raised_at TEXT NOT NULL)");
    s.execute(
        "CREATE TABLE alert_deliveries (alert_id INTEGER NOT NULL REFERENCES alerts (id), url TEXT"
            + " NOT NULL, state TEXT NOT NULL, attempts INTEGER NOT NULL, last_error TEXT,"
            + " updated_at TEXT NOT NULL, PRIMARY KEY (alert_id, url))");
  }

  /** Migration 6: the message in Chinese and in English beside the one sent. */
  static void bothLanguages(Statement s) throws SQLException {
    Schema.addColumnIfMissing(s, "alerts", "text_zh", "TEXT");
    Schema.addColumnIfMissing(s, "alerts", "text_en", "TEXT");
  }

  /** The new alert's id, or empty when an alert with this key was raised before. */
  static Optional<Long> raise(
      Connection c, String key, String kind, AlertText text, List<String> urls, LocalDateTime at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT OR IGNORE INTO alerts (alert_key, kind, text, text_zh, text_en, raised_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, key);
      ps.setString(2, kind);
      ps.setString(3, text.sent());
      ps.setString(4, text.zh());
      ps.setString(5, text.en());
      ps.setString(6, at.toString());
      if (ps.executeUpdate() == 0) {
        return Optional.empty();
      }
      long id = GeneratedKeys.id(ps);
      try (PreparedStatement d =
          c.prepareStatement(
              "INSERT INTO alert_deliveries (alert_id, url, state, attempts, updated_at) VALUES"
                  + " (?, ?, ?, 0, ?)")) {
        for (String url : urls) {
          d.setLong(1, id);
          d.setString(2, url);
          d.setString(3, Alert.PENDING);
          d.setString(4, at.toString());
          d.executeUpdate();
        }
      }
      return Optional.of(id);
    }
  }

  static void recordAttempt(
      Connection c, long alertId, String url, String state, String error, LocalDateTime at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE alert_deliveries SET state = ?, attempts = attempts + 1, last_error = ?,"
                + " updated_at = ? WHERE alert_id = ? AND url = ?")) {
      ps.setString(1, state);
      ps.setString(2, error);
      ps.setString(3, at.toString());
      ps.setLong(4, alertId);
      ps.setString(5, url);
      ps.executeUpdate();
    }
  }

  /** Every alert, newest first, with its deliveries. */
  static List<Alert> all(Connection c) throws SQLException {
    return query(c, "");
  }

  /** The alerts with a delivery still pending, oldest first. */
  static List<Alert> pending(Connection c) throws SQLException {
    List<Alert> out =
        new ArrayList<>(
            query(
                c,
                "WHERE a.id IN (SELECT alert_id FROM alert_deliveries WHERE state = '"
                    + Alert.PENDING
                    + "')"));
    Collections.reverse(out);
    return out;
  }

  private static List<Alert> query(Connection c, String where) throws SQLException {
    Map<Long, List<Alert.Delivery>> deliveries = new LinkedHashMap<>();
    Map<Long, Object[]> heads = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT a.id, a.alert_key, a.kind, a.text, a.text_zh, a.text_en, a.raised_at, d.url,"
                    + " d.state, d.attempts, d.last_error, d.updated_at FROM alerts a LEFT JOIN alert_deliveries d ON"
                    + " d.alert_id = a.id "
                    + where
                    + " ORDER BY a.id DESC, d.url")) {
      while (rs.next()) {
        long id = rs.getLong(1);
        heads.putIfAbsent(
            id,
            new Object[] {
              rs.getString(2),
              rs.getString(3),
              rs.getString(4),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7)
            });
        List<Alert.Delivery> list = deliveries.computeIfAbsent(id, k -> new ArrayList<>());
        if (rs.getString(8) != null) {
          list.add(
              new Alert.Delivery(
                  rs.getString(8),
                  rs.getString(9),
                  rs.getInt(10),
                  rs.getString(11),
                  LocalDateTime.parse(rs.getString(12))));
        }
      }
    }
    List<Alert> out = new ArrayList<>();
    for (var head : heads.entrySet()) {
      Object[] h = head.getValue();
      out.add(
          new Alert(
              head.getKey(),
              (String) h[0],
              (String) h[1],
              (String) h[2],
              (String) h[3],
              (String) h[4],
              LocalDateTime.parse((String) h[5]),
              deliveries.get(head.getKey())));
    }
    return out;
  }
}
