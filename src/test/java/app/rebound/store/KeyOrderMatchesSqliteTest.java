package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * KeyOrder merges snapshot rows with rows read back from SQLite, so its order must be SQLite's own
 * (BINARY collation, memcmp of UTF-8): asked of SQLite itself over random keys mixing ASCII digits,
 * CJK, full-width forms and characters above the basic plane.
 */
class KeyOrderMatchesSqliteTest {

  private static final int[][] RANGES = {
    {'0', '9'}, {'a', 'z'}, {0x4E00, 0x4E40}, {0xFF01, 0xFF5E}, {0x1F600, 0x1F640}, {0xE000, 0xE010}
  };

  private static String randomKey(Random random) {
    StringBuilder key = new StringBuilder();
    int length = random.nextInt(6);
    for (int i = 0; i < length; i++) {
      int[] range = RANGES[random.nextInt(RANGES.length)];
      key.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
    return key.toString();
  }

  @Test
  void random_keys_sort_exactly_as_sqlite_orders_them() throws Exception {
    Random random = new Random(11);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      keys.add(randomKey(random));
    }
    List<String> sqlite = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
      try (Statement s = db.createStatement()) {
        s.execute("CREATE TABLE k (key TEXT)");
      }
      try (PreparedStatement insert = db.prepareStatement("INSERT INTO k VALUES (?)")) {
        for (String key : keys) {
          insert.setString(1, key);
          insert.executeUpdate();
        }
      }
      try (Statement s = db.createStatement();
          ResultSet rows = s.executeQuery("SELECT key FROM k ORDER BY key")) {
        while (rows.next()) {
          sqlite.add(rows.getString(1));
        }
      }
    }
    List<String> ours = new ArrayList<>(keys);
    ours.sort(KeyOrder::compareCodePoints);
    assertEquals(sqlite, ours);
  }
}
