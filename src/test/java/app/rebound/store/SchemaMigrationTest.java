package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A merchant's shop outlives the release that made it: a database written before schema versions
 * opens with every upload, row, analysis and action intact; a field new in this release becomes a
 * column; a database from a newer release is refused without being touched.
 */
class SchemaMigrationTest {

  @TempDir Path dir;

  private Path firstReleaseShop() throws Exception {
    Path db = dir.resolve("shop.db");
    Files.copy(Path.of("src/test/resources/store/first-release/shop.db"), db);
    return db;
  }

  private static void sql(Path db, String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  private static int userVersion(Path db) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      return Schema.userVersion(s);
    }
  }

  @Test
  void a_database_made_before_schema_versions_opens_with_everything_it_held() throws Exception {
    Path db = firstReleaseShop();
    assertEquals(0, userVersion(db));
    try (ShopDatabase shop = ShopDatabase.open(db)) {
      assertEquals(1, shop.uploads().size());
      assertEquals(420, shop.count(FileKind.ORDERS));
      assertEquals(420, shop.load(FileKind.ORDERS, false).rowCount());
      long upload = shop.latestUploadId().orElseThrow();
      // Its analyses are kept but not served: another format wrote them, so they are run again.
      assertFalse(shop.hasAnalysis(upload, "zh"));
      assertFalse(shop.hasAnalysis(upload, "appeal"));
      assertEquals(Optional.empty(), shop.analysis(upload, "zh"));
      assertEquals(
          List.of("listing"), shop.actionsTaken().stream().map(a -> a.actionId()).toList());
    }
    assertEquals(Schema.VERSION, userVersion(db));
  }

  @Test
  void a_field_new_in_this_release_becomes_an_empty_column_beside_the_stored_rows()
      throws Exception {
    Path db = firstReleaseShop();
    // As if buyer_note had been added to the orders kind after this database was written.
    sql(db, "ALTER TABLE rows_orders DROP COLUMN buyer_note", "PRAGMA user_version = 0");
    try (ShopDatabase shop = ShopDatabase.open(db)) {
      Table orders = shop.load(FileKind.ORDERS, List.of("sub_order_id", "buyer_note"));
      assertEquals(420, orders.rowCount());
      assertEquals(420, orders.column("buyer_note").countMissing());
      assertEquals(0, orders.column("sub_order_id").countMissing());
    }
  }

  @Test
  void an_alert_raised_before_both_languages_were_kept_still_reads_as_it_was_sent()
      throws Exception {
    Path db = firstReleaseShop();
    ShopDatabase.open(db).close();
    // As the release before migration 6 left it: one alert, its message in the sent language.
    sql(
        db,
        "ALTER TABLE alerts DROP COLUMN text_zh",
        "ALTER TABLE alerts DROP COLUMN text_en",
        "INSERT INTO alerts (alert_key, kind, text, raised_at) VALUES ('deletion:WG1',"
            + " 'new_deletion', '【Rebound】店铺 s：新的销量删除', '2026-07-24T10:00')",
        "PRAGMA user_version = 5");
    try (ShopDatabase shop = ShopDatabase.open(db)) {
      Alert old = shop.alerts().get(0);
      assertEquals("【Rebound】店铺 s：新的销量删除", old.text(true));
      assertEquals("【Rebound】店铺 s：新的销量删除", old.text(false), "no English was kept");
      shop.raiseAlert(
          "deletion:WG2",
          "new_deletion",
          new AlertText("店铺 s：新的销量删除", "Shop s: a new sales deletion", false),
          List.of(),
          LocalDateTime.of(2026, 7, 25, 9, 0));
      Alert fresh = shop.alerts().get(0);
      assertEquals("Shop s: a new sales deletion", fresh.text());
      assertEquals("店铺 s：新的销量删除", fresh.text(true));
    }
    assertEquals(Schema.VERSION, userVersion(db));
  }

  @Test
  void a_database_from_a_newer_release_is_refused_and_left_as_it_was() throws Exception {
    Path db = firstReleaseShop();
    sql(db, "PRAGMA user_version = " + (Schema.VERSION + 1));
    byte[] before = Files.readAllBytes(db);
    SQLException refused = assertThrows(SQLException.class, () -> ShopDatabase.open(db));
    assertTrue(refused.getMessage().contains("newer Rebound"), refused.getMessage());
    assertArrayEquals(before, Files.readAllBytes(db));
    assertEquals(Schema.VERSION + 1, userVersion(db));
  }
}
