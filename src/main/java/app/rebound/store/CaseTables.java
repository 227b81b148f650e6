package app.rebound.store;

import app.rebound.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of the appeal cases: the case rows (what is current) and their history (append-only,
 * enforced by triggers). Callers run these inside a transaction; {@link ShopDatabase} does.
 */
final class CaseTables {

  private static final String CASE_COLUMNS =
      "id, group_id, batch, product_id, reason, orders_json, created_at,"
          + " status, status_on, follow_up_on, restored_json";

  /** One line, so an empty list is stored as exactly '[]'. */
  private static final ObjectWriter COMPACT =
      Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private CaseTables() {}

  static void create(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS appeal_cases (id INTEGER PRIMARY KEY AUTOINCREMENT, group_id TEXT NOT NULL,"
            + " batch TEXT NOT NULL, product_id TEXT NOT NULL, reason TEXT NOT NULL, orders_json TEXT NOT NULL,"
            + " created_at TEXT NOT NULL, status TEXT NOT NULL, status_on TEXT NOT NULL, follow_up_on TEXT,"
            + " restored_json TEXT NOT NULL)");
    // restores_changed marks the changes that gave sales back or took them away: they change the
    // analysis.
    s.execute(
        "CREATE TABLE IF NOT EXISTS appeal_case_events (id INTEGER PRIMARY KEY AUTOINCREMENT, case_id INTEGER"
            + " NOT NULL REFERENCES appeal_cases (id), status TEXT NOT NULL, happened_on TEXT NOT NULL, note TEXT NOT NULL,"
            + " follow_up_on TEXT, restored_json TEXT NOT NULL, restores_changed INTEGER NOT NULL,"
            + " recorded_at TEXT NOT NULL)");
    s.execute(
        "CREATE INDEX IF NOT EXISTS appeal_case_events_by_case ON appeal_case_events (case_id, id)");
    for (String op : List.of("UPDATE", "DELETE")) {
      s.execute(
          "CREATE TRIGGER IF NOT EXISTS appeal_case_events_no_"
              + op.toLowerCase()
              + " BEFORE "
              + op
              + " ON appeal_case_events BEGIN SELECT RAISE(ABORT, 'the history of a case is append-only'); END");
    }
  }

  static long insertCase(
      Connection c,
      String groupId,
      String batch,
      String productId,
      String reason,
      List<String> orders,
      CaseChange draft,
      LocalDateTime at)
      throws SQLException {
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO appeal_cases (group_id, batch, product_id, reason,"
                + " orders_json, created_at, status, status_on, follow_up_on, restored_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, '[]')",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, groupId);
      ps.setString(2, batch);
      ps.setString(3, productId);
      ps.setString(4, reason);
      ps.setString(5, toJson(orders));
      ps.setString(6, at.toString());
      ps.setString(7, draft.status().code());
      ps.setString(8, draft.on().toString());
      ps.setString(9, text(draft.followUpOn()));
      ps.executeUpdate();
      id = GeneratedKeys.id(ps);
    }
    insertEvent(c, id, draft, false, at);
    return id;
  }

  /** Appends the change to the case's history and makes it the case's current state. */
  static void applyChange(
      Connection c, long caseId, CaseChange change, boolean restoresChanged, LocalDateTime at)
      throws SQLException {
    insertEvent(c, caseId, change, restoresChanged, at);
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE appeal_cases SET status = ?, status_on = ?,"
                + " follow_up_on = ?, restored_json = ? WHERE id = ?")) {
      ps.setString(1, change.status().code());
      ps.setString(2, change.on().toString());
      ps.setString(3, text(change.followUpOn()));
      ps.setString(4, toJson(change.restoredOrders()));
      ps.setLong(5, caseId);
      ps.executeUpdate();
    }
  }

  private static void insertEvent(
      Connection c, long caseId, CaseChange change, boolean restoresChanged, LocalDateTime at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO appeal_case_events (case_id, status, happened_on,"
                + " note, follow_up_on, restored_json, restores_changed, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, caseId);
      ps.setString(2, change.status().code());
      ps.setString(3, change.on().toString());
      ps.setString(4, change.note());
      ps.setString(5, text(change.followUpOn()));
      ps.setString(6, toJson(change.restoredOrders()));
      ps.setInt(7, restoresChanged ? 1 : 0);
      ps.setString(8, at.toString());
      ps.executeUpdate();
    }
  }

  static Optional<AppealCase> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + CASE_COLUMNS + " FROM appeal_cases WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(readCase(rs)) : Optional.empty();
      }
    }
  }

  static List<AppealCase> all(Connection c) throws SQLException {
    List<AppealCase> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT " + CASE_COLUMNS + " FROM appeal_cases ORDER BY id")) {
      while (rs.next()) {
        out.add(readCase(rs));
      }
    }
    return out;
  }

  static List<CaseEvent> history(Connection c, long caseId) throws SQLException {
    List<CaseEvent> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, status, happened_on, note, follow_up_on, restored_json,"
                + " recorded_at FROM appeal_case_events WHERE case_id = ? ORDER BY id")) {
      ps.setLong(1, caseId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          CaseChange change =
              new CaseChange(
                  CaseStatus.of(rs.getString(2)),
                  LocalDate.parse(rs.getString(3)),
                  rs.getString(4),
                  date(rs.getString(5)),
                  fromJson(rs.getString(6)));
          out.add(new CaseEvent(rs.getLong(1), change, LocalDateTime.parse(rs.getString(7))));
        }
      }
    }
    return out;
  }

  /** Every sub-order some case says was restored. */
  static Set<String> restoredOrders(Connection c) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT restored_json FROM appeal_cases WHERE restored_json <> '[]' ORDER BY id")) {
      while (rs.next()) {
        out.addAll(fromJson(rs.getString(1)));
      }
    }
    return out;
  }

  /** The latest change that gave sales back or took them away; 0 when none did. */
  static long restoresVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT coalesce(max(id), 0) FROM appeal_case_events WHERE restores_changed = 1")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static AppealCase readCase(ResultSet rs) throws SQLException {
    return new AppealCase(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        fromJson(rs.getString(6)),
        LocalDateTime.parse(rs.getString(7)),
        CaseStatus.of(rs.getString(8)),
        LocalDate.parse(rs.getString(9)),
        date(rs.getString(10)),
        fromJson(rs.getString(11)));
  }

  private static String text(LocalDate day) {
    return day == null ? null : day.toString();
  }

  private static LocalDate date(String text) {
    return text == null ? null : LocalDate.parse(text);
  }

  private static String toJson(List<String> ids) {
    try {
      return COMPACT.writeValueAsString(ids);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> fromJson(String json) {
    try {
      return List.of(Json.MAPPER.readValue(json, String[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored order ids are not JSON", e);
    }
  }
}
