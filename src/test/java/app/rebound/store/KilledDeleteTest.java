package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Slow;
import app.rebound.ingest.FileKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                DeleteChild.class.getName(),
                data.toString(),
                String.valueOf(first),
                step)
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("REACHED")) {
        // skip start-up logging
      }
      assertEquals("REACHED " + step, line, "child never reached " + step);
      child.destroyForcibly(); // SIGKILL: no rollback by the JVM
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }

    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + data.resolve("shops/shop1/shop.db"));
        ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertEquals("ok", rs.getString(1));
    }
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
