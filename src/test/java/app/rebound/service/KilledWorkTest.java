package app.rebound.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Crashes;
import app.rebound.Json;
import app.rebound.Slow;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import app.rebound.store.AppealCase;
import app.rebound.store.CaseEvent;
import app.rebound.store.ShopDatabase;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process killed with SIGKILL in the middle of an analysis, and in the middle of a stream of
 * appeal case changes: after a restart the shop's database is intact, holds either a whole analysis
 * or none, and every case agrees with the last change in its history.
 */
@Slow
class KilledWorkTest {

  @TempDir Path data;
  @TempDir Path exports;

  /**
   * Starts the child, waits for its REACHED line, then kills it with SIGKILL after {@code
   * afterMillis}.
   */
  static void killWhenReached(
      Path data, String shop, String mode, Instant now, long caseId, long afterMillis)
      throws Exception {
    Process child =
        Crashes.start(
            WorkChild.class, data.toString(), shop, mode, now.toString(), String.valueOf(caseId));
    assertTrue(
        Crashes.killWhenReached(child, afterMillis) != null,
        "the child ended before reaching the middle of its work");
  }

  @Test
  void an_analysis_killed_midway_leaves_no_part_of_it_and_the_restart_finishes_it()
      throws Exception {
    // Big enough that the analysis is still measuring when the kill lands.
    ShopSimulator.write(SimConfig.defaults().withSeed(11).withTargetOrders(60_000), exports);
    Clock clock = Clock.systemUTC();
    try (Workspaces ws = new Workspaces(data, clock)) {
      List<UploadFile> files;
      try (Stream<Path> list = Files.list(exports)) {
        files =
            list.filter(p -> p.toString().endsWith(".csv"))
                .map(p -> new UploadFile(p.getFileName().toString(), () -> Files.newInputStream(p)))
                .toList();
      }
      ws.upload("big", files, s -> {});
    }
    killWhenReached(data, "big", "analysis", Instant.now(), 0, 200);

    Crashes.assertIntact(data.resolve("shops/big/shop.db"));
    try (Workspaces ws = new Workspaces(data, clock)) {
      ShopDatabase db = ws.database("big");
      long version = db.latestUploadId().orElseThrow();
      long parts =
          Stream.of("zh", "en", Analyses.APPEAL)
              .filter(
                  part -> {
                    try {
                      return db.analysis(version, part).isPresent();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .count();
      assertTrue(
          parts == 0 || parts == 3, "a whole analysis or none, found " + parts + " of 3 parts");
      Analyses analyses = new Analyses(ws, clock, 1);
      analyses.submitStale();
      Analyses.Status ready = AnalysesTest.awaitReady(analyses, "big", "zh");
      assertEquals(Analyses.State.READY, ready.state(), String.valueOf(ready.error()));
      assertTrue(Json.MAPPER.readTree(ready.json()).at("/deletions/orders").asLong() > 0);
      analyses.close();
    }
  }

  @Test
  void a_stream_of_case_changes_killed_midway_leaves_every_case_agreeing_with_its_history()
      throws Exception {
    Clock clock;
    long caseId;
    try (Workspaces ws = new Workspaces(data, Clock.systemUTC())) {
      RestoredSalesTest.uploadSample(ws);
    }
    Instant inWindow;
    try (Workspaces ws = new Workspaces(data, Clock.systemUTC())) {
      Analyses analyses = new Analyses(ws, Clock.systemUTC(), 1);
      analyses.submit("s");
      AnalysesTest.awaitReady(analyses, "s", "zh");
      var group = analyses.appeal("s").orElseThrow().groups().get(0);
      inWindow = group.deadline().minusDays(3).toInstant(ZoneOffset.UTC);
      analyses.close();
    }
    clock = Clock.fixed(inWindow, ZoneOffset.UTC);
    try (Workspaces ws = new Workspaces(data, clock)) {
      Analyses analyses = new Analyses(ws, clock, 1);
      AnalysesTest.awaitReady(analyses, "s", "zh");
      caseId =
          new AppealCases(ws, analyses)
              .open("s", analyses.appeal("s").orElseThrow().groups().get(0).id())
              .appealCase()
              .id();
      analyses.close();
    }
    killWhenReached(data, "s", "cases", inWindow, caseId, 300);

    Crashes.assertIntact(data.resolve("shops/s/shop.db"));
    try (Workspaces ws = new Workspaces(data, clock)) {
      Analyses analyses = new Analyses(ws, clock, 1);
      AppealCases.CaseFile file = new AppealCases(ws, analyses).file("s", caseId);
      AppealCase c = file.appealCase();
      List<CaseEvent> history = file.history();
      assertTrue(history.size() > 21, "the child made its changes: " + history.size());
      CaseEvent last = history.get(history.size() - 1);
      assertEquals(
          last.change().status(), c.status(), "the case row is the last change of its history");
      assertEquals(last.change().on(), c.statusOn());
      for (int i = 1; i < history.size(); i++) {
        assertTrue(
            history.get(i - 1).change().status().canBecome(history.get(i).change().status()),
            "every recorded change was allowed: " + history.get(i - 1) + " -> " + history.get(i));
      }
      analyses.close();
    }
  }
}
