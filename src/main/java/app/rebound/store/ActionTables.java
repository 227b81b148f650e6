package app.rebound.store;

import app.rebound.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** The recovery actions the merchant started, each with its products (table actions_taken). */
final class ActionTables {

  private ActionTables() {}

  /** Records that the merchant started an action on the given products; returns its id. */
  static long record(
      Connection connection,
      String actionId,
      LocalDate startedOn,
      List<String> products,
      LocalDateTime at)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO actions_taken (action_id, started_on,"
                + " products_json, created_at) VALUES (?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, actionId);
      ps.setString(2, startedOn.toString());
      ps.setString(3, Json.MAPPER.writeValueAsString(products));
      ps.setString(4, at.toString());
      ps.executeUpdate();
      return GeneratedKeys.id(ps);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every recorded action, oldest first. */
  static List<TakenAction> all(Connection connection) throws SQLException {
    List<TakenAction> out = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, action_id, started_on, products_json FROM actions_taken ORDER BY id")) {
      while (rs.next()) {
        List<String> products = List.of(Json.MAPPER.readValue(rs.getString(4), String[].class));
        out.add(
            new TakenAction(
                rs.getLong(1), rs.getString(2), LocalDate.parse(rs.getString(3)), products));
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
