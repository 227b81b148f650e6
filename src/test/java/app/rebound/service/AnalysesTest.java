package app.rebound.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysesTest {

  @TempDir Path data;

  static UploadFile sample(String name) {
    return new UploadFile(
        name, () -> AnalysesTest.class.getResourceAsStream("/samples/douyin-export-small/" + name));
  }

  static Analyses.Status awaitReady(Analyses analyses, String shop, String lang) throws Exception {
    for (int i = 0; i < 600; i++) {
      Analyses.Status status = analyses.status(shop, lang);
      if (status.state() != Analyses.State.RUNNING) {
        return status;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("analysis still running after 60 s");
  }

  @Test
  void an_analysis_runs_once_per_change_of_data_and_survives_a_restart() throws Exception {
    String first;
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      ws.upload(
          "s", List.of(sample("订单明细.csv"), sample("销量删除记录.csv"), sample("商品流量.csv")), p -> {});
      analyses.submit("s");
      Analyses.Status ready = awaitReady(analyses, "s", "zh");
      assertEquals(Analyses.State.READY, ready.state());
      first = ready.json();
      JsonNode impact = Json.MAPPER.readTree(first);
      assertEquals(70, impact.at("/deletions/orders").asLong());
      assertEquals("zh", impact.get("lang").asText());
      assertEquals(
          "en", Json.MAPPER.readTree(awaitReady(analyses, "s", "en").json()).get("lang").asText());
      // The appeal workbench is stored with the same analysis and reads back whole: one verdict per
      // deleted order.
      var appeal = analyses.appeal("s").orElseThrow();
      assertEquals(70, appeal.orders().size());
      assertEquals(
          appeal.orders().size(),
          appeal.count("appeal")
              + appeal.count("appeal_after_proof")
              + appeal.count("do_not_appeal"));
      analyses.close();
    }
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      // Read from the shop's database at once: nothing is recomputed after a restart.
      Analyses.Status cached = analyses.status("s", "zh");
      assertEquals(Analyses.State.READY, cached.state());
      assertEquals(first, cached.json());
      // New data: the cached analysis no longer answers; a new one is computed for it.
      ws.upload("s", List.of(sample("评价.csv")), p -> {});
      assertNotEquals(Analyses.State.READY, analyses.status("s", "zh").state());
      Analyses.Status next = awaitReady(analyses, "s", "zh");
      assertEquals(Analyses.State.READY, next.state());
      assertTrue(Json.MAPPER.readTree(next.json()).at("/trust/shop").size() > 0);
      analyses.close();
    }
  }

  @Test
  void an_analysis_stored_without_all_its_parts_is_not_served_and_is_made_again() throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      ws.upload("old", List.of(sample("订单明细.csv"), sample("销量删除记录.csv")), p -> {});
      long version = ws.database("old").latestUploadId().orElseThrow();
      // As an older Rebound left it: the reports, but no appeal part.
      ws.database("old")
          .saveAnalysis(
              ws.database("old").dataVersion().orElseThrow(),
              LocalDateTime.now(),
              Map.of("zh", "{}", "en", "{}"));
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      assertNotEquals(
          "{}", awaitReady(analyses, "old", "zh").json(), "the incomplete analysis is not served");
      assertTrue(analyses.appeal("old").isPresent());
      assertTrue(ws.database("old").hasAnalysis(version, Analyses.APPEAL));
      analyses.close();
    }
  }

  @Test
  void an_analysis_stored_by_a_release_that_wrote_another_format_is_made_again() throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      ws.upload("older", List.of(sample("订单明细.csv"), sample("销量删除记录.csv")), p -> {});
      ws.database("older")
          .saveAnalysis(
              ws.database("older").dataVersion().orElseThrow(),
              LocalDateTime.now(),
              Map.of("zh", "{}", "en", "{}", Analyses.APPEAL, "{}"));
      // Every part there, but written by the release before the format was kept (format 0).
      try (Connection c =
              DriverManager.getConnection(
                  "jdbc:sqlite:" + data.resolve("shops/older/shop.db").toAbsolutePath());
          Statement st = c.createStatement()) {
        assertEquals(3, st.executeUpdate("UPDATE analyses SET format = 0"));
      }
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      assertNotEquals(
          "{}",
          awaitReady(analyses, "older", "en").json(),
          "an old release's analysis (its words, its fields) is not served");
      analyses.close();
    }
  }
}
