package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopDatabaseActionsTest {

  @TempDir Path dir;

  @Test
  void a_recorded_action_survives_closing_and_reopening_the_database() throws Exception {
    Path file = dir.resolve("shop.db");
    long id;
    try (ShopDatabase db = ShopDatabase.open(file)) {
      id =
          db.recordAction(
              "listing",
              LocalDate.of(2026, 6, 20),
              List.of("p1", "p2"),
              LocalDateTime.of(2026, 6, 20, 9, 30));
    }
    try (ShopDatabase db = ShopDatabase.open(file)) {
      assertEquals(
          List.of(new TakenAction(id, "listing", LocalDate.of(2026, 6, 20), List.of("p1", "p2"))),
          db.actionsTaken());
      long second =
          db.recordAction(
              "appeal", LocalDate.of(2026, 6, 21), List.of(), LocalDateTime.of(2026, 6, 21, 8, 0));
      assertEquals(id + 1, second);
      assertEquals(2, db.actionsTaken().size());
    }
  }
}
