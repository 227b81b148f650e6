package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deleting a shop takes its folder away in one rename, so a crash leaves it whole or gone: a folder
 * renamed away is never listed and is removed at the next start; other shops are untouched.
 */
class DeleteShopTest {

  @TempDir Path data;

  private static void upload(Workspaces ws, String shop) throws Exception {
    ws.upload(shop, List.of(WorkspacesTest.sample("订单明细.csv")), step -> {});
  }

  @Test
  void a_deleted_shop_leaves_the_list_and_the_disk_and_the_others_stay() throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      upload(ws, "gone");
      upload(ws, "kept");
      ws.database("gone").load(FileKind.ORDERS, List.of("sub_order_id")); // a snapshot too

      assertTrue(ws.deleteShop("gone"));

      assertFalse(ws.exists("gone"));
      assertEquals(List.of("kept"), ws.list().stream().map(ShopSummary::id).toList());
      try (var left = Files.list(data.resolve("shops"))) {
        assertEquals(List.of("kept"), left.map(p -> p.getFileName().toString()).toList());
      }
      assertEquals(420, ws.database("kept").count(FileKind.ORDERS));
      assertFalse(ws.deleteShop("gone"), "there is nothing left to delete");
      assertFalse(ws.deleteShop("nosuchshop"));
    }
  }

  @Test
  void a_shop_id_deleted_before_starts_again_empty() throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      upload(ws, "again");
      upload(ws, "again");
      ws.deleteShop("again");
      upload(ws, "again");
      assertEquals(1, ws.database("again").uploads().size());
      assertEquals(1, ws.database("again").latestUploadId().orElseThrow());
    }
  }

  @Test
  void a_shop_renamed_away_by_a_delete_cut_short_is_never_listed_and_is_removed_at_the_next_start()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      upload(ws, "crashed");
      upload(ws, "kept");
    }
    // What a crash between the rename and the removal leaves behind.
    Path shops = data.resolve("shops");
    Path tombstone = shops.resolve(".deleted-crashed");
    Files.move(shops.resolve("crashed"), tombstone);
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      assertFalse(Files.exists(tombstone), "removed at start");
      assertFalse(ws.exists("crashed"));
      assertEquals(List.of("kept"), ws.list().stream().map(ShopSummary::id).toList());
      assertEquals(420, ws.database("kept").count(FileKind.ORDERS));
    }
  }

  @Test
  void a_leftover_of_an_earlier_delete_of_the_same_id_does_not_stop_the_next_one()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      upload(ws, "twice");
      Path leftover = data.resolve("shops/.deleted-twice");
      PathUtils.copyDirectory(data.resolve("shops/twice"), leftover);
      assertTrue(ws.deleteShop("twice"));
      assertFalse(Files.exists(leftover));
      assertFalse(ws.exists("twice"));
    }
  }
}
