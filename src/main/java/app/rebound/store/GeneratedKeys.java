package app.rebound.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The rowid SQLite gave a row just inserted, the one way the tables read it back. */
final class GeneratedKeys {

  private GeneratedKeys() {}

  /** The id of the row {@code ps} (prepared with RETURN_GENERATED_KEYS) has just inserted. */
  static long id(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      keys.next();
      return keys.getLong(1);
    }
  }
}
