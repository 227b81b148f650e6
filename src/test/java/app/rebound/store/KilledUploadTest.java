package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Crashes;
import app.rebound.Slow;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.IngestReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real process killed with SIGKILL in the middle of an upload leaves the shop as it was before
 * it.
 */
@Slow
class KilledUploadTest {

  @TempDir Path data;

  @ParameterizedTest
  @ValueSource(strings = {"storing", "committing"})
  void a_process_killed_mid_upload_leaves_the_last_committed_state(String stage) throws Exception {
    IngestReport before;
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      before = ws.upload("shop1", List.of(WorkspacesTest.sample("订单明细.csv")), s -> {});
    }
    StringBuilder rows = new StringBuilder(WorkspacesTest.HEADER);
    for (int i = 0; i < 20_000; i++) {
      rows.append(
          WorkspacesTest.order(String.valueOf(7_000_000 + i), "已发货", "2026-05-02 10:00:00", ""));
    }
    Path next = data.resolve("next.csv");
    Files.writeString(next, rows, StandardCharsets.UTF_8);

    Process child = Crashes.start(UploadChild.class, data.toString(), next.toString(), stage);
    String line = Crashes.killWhenReached(child, 0);
    assertTrue(line != null && line.startsWith("REACHED " + stage), "child never reached " + stage);

    Crashes.assertIntact(data.resolve("shops/shop1/shop.db"));
    try (Workspaces ws = new Workspaces(data, WorkspacesTest.CLOCK)) {
      assertEquals(before, ws.latestReport("shop1").orElseThrow());
      assertEquals(1, ws.database("shop1").uploads().size());
      assertEquals(420, ws.database("shop1").count(FileKind.ORDERS));
    }
  }
}
