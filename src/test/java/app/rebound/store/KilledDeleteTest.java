package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.rebound.Crashes;
import app.rebound.Slow;
import app.rebound.ingest.FileKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real process killed with SIGKILL in the middle of deleting an upload leaves the shop as it was
 * before the delete; the delete then goes through.
 */
@Slow
class KilledDeleteTest {

  @TempDir Path data;

  @ParameterizedTest
  @ValueSource(strings = {"rows of deletions", "committing"})
  void a_process_killed_mid_delete_leaves_the_shop_as_before(String step) throws Exception {
    long first;
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      ws.upload(
          "shop1",
          List.of(WorkspacesTest.sample("订单明细.csv"), WorkspacesTest.sample("销量删除记录.csv")),
          s -> {});
      first = ws.database("shop1").latestUploadId().orElseThrow();
      ws.upload("shop1", List.of(WorkspacesTest.sample("商品流量.csv")), s -> {});
    }

    Process child = Crashes.start(DeleteChild.class, data.toString(), String.valueOf(first), step);
    assertEquals(
        "REACHED " + step, Crashes.killWhenReached(child, 0), "child never reached " + step);

    Crashes.assertIntact(data.resolve("shops/shop1/shop.db"));
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      ShopDatabase db = ws.database("shop1");
      assertEquals(2, db.uploads().size());
      assertEquals(420, db.count(FileKind.ORDERS));
      assertEquals(70, db.count(FileKind.DELETIONS));
      ws.deleteUpload("shop1", first);
      assertEquals(0, db.count(FileKind.ORDERS));
      assertEquals(0, db.count(FileKind.DELETIONS));
      assertEquals(1, db.uploads().size());
    }
  }
}
