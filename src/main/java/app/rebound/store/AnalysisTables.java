package app.rebound.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The finished analyses of a shop's data (table analyses): one JSON document per upload and
 * language ("zh", "en", "appeal"), only those of the latest data kept.
 */
final class AnalysisTables {

  /**
   * What a stored analysis holds, as this release writes it. Raise it when a release changes the
   * analysis's fields or its words (as the cause diagnosis's sentences becoming codes did): an
   * analysis stored with another number is not served but run again from the stored rows, so an
   * upgraded server never shows an old release's words or reads a shape it no longer knows.
   */
  static final int FORMAT = 1;

  private AnalysisTables() {}

  /** Migration 7: each analysis says which format wrote it; those stored before are format 0. */
  static void formatColumn(Statement s) throws SQLException {
    Schema.addColumnIfMissing(s, "analyses", "format", "INTEGER NOT NULL DEFAULT 0");
  }

  /**
   * Stores every language of one analysis and forgets those of older data; inside a transaction.
   */
  static void save(
      Connection connection, long uploadId, LocalDateTime at, Map<String, String> jsonByLang)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT OR REPLACE INTO analyses (upload_id, lang, created_at, report_json, format)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (var entry : jsonByLang.entrySet()) {
        ps.setLong(1, uploadId);
        ps.setString(2, entry.getKey());
        ps.setString(3, at.toString());
        ps.setString(4, entry.getValue());
        ps.setInt(5, FORMAT);
        ps.executeUpdate();
      }
    }
    try (PreparedStatement ps =
        connection.prepareStatement("DELETE FROM analyses WHERE upload_id < ?")) {
      ps.setLong(1, uploadId); // older versions are never read again
      ps.executeUpdate();
    }
  }

  static Optional<String> find(Connection connection, long uploadId, String lang)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT report_json FROM analyses WHERE upload_id = ? AND lang = ? AND format = "
                + FORMAT)) {
      ps.setLong(1, uploadId);
      ps.setString(2, lang);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  /** The JSON at a path of the stored document, read out by SQLite ("null" when absent). */
  static Optional<String> part(Connection connection, long uploadId, String lang, String path)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT report_json -> ? FROM analyses WHERE upload_id = ? AND lang = ? AND format = "
                + FORMAT)) {
      ps.setString(1, path);
      ps.setLong(2, uploadId);
      ps.setString(3, lang);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(Objects.requireNonNullElse(rs.getString(1), "null"))
            : Optional.empty();
      }
    }
  }

  static boolean has(Connection connection, long uploadId, String lang) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT 1 FROM analyses WHERE upload_id = ? AND lang = ? AND format = " + FORMAT)) {
      ps.setLong(1, uploadId);
      ps.setString(2, lang);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
