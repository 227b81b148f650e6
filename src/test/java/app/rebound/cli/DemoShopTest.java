package app.rebound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.service.ActionsTaken;
import app.rebound.service.Analyses;
import app.rebound.sim.Cause;
import app.rebound.sim.GroundTruth;
import app.rebound.store.AppealCase;
import app.rebound.store.CaseStatus;
import app.rebound.store.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo shop shows every feature on the day the server first starts, whatever that day is. */
class DemoShopTest {

  /** 10:00 in Beijing on a day unlike the simulator's own dates. */
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-17T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  static final LocalDate TODAY = LocalDate.of(2026, 3, 17);

  @TempDir Path tmp;

  @Test
  void the_exports_end_yesterday_and_the_newest_notice_is_two_days_old_and_worth_appealing()
      throws Exception {
    GroundTruth truth = DemoShop.write(tmp, TODAY);
    assertEquals(TODAY.minusDays(1), DemoShop.config(TODAY).end());
    List<GroundTruth.Batch> batches = truth.batches();
    GroundTruth.Batch newest = batches.get(batches.size() - 1);
    assertEquals(TODAY.minusDays(2), newest.date());
    assertNotEquals(Cause.VIOLATION, newest.cause());
    // Older batches have weeks of data after them, for their loss.
    assertTrue(batches.get(0).date().isBefore(TODAY.minusDays(42)), batches.toString());
    try (Stream<String> lines = Files.lines(tmp.resolve("订单明细.csv"))) {
      assertTrue(
          lines.noneMatch(l -> l.contains(TODAY.toString())), "no order is dated today or later");
    }
  }

  @Test
  void the_first_start_loads_the_demo_with_a_measured_action_and_a_submitted_case()
      throws Exception {
    Path data = tmp.resolve("data");
    try (Workspaces workspaces = new Workspaces(data, CLOCK);
        Analyses analyses = new Analyses(workspaces, CLOCK, 1)) {
      assertTrue(ServeCommand.loadDemoShop(workspaces, data, CLOCK));
      assertFalse(ServeCommand.loadDemoShop(workspaces, data, CLOCK), "loaded once");
      try (Stream<Path> left = Files.list(data)) {
        assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".demo-")));
      }
      List<ActionsTaken.Row> actions =
          ActionsTaken.measure(workspaces.database(ServeCommand.DEMO_SHOP));
      assertEquals(1, actions.size());
      assertTrue(actions.get(0).effect().measured(), actions.get(0).effect().toString());

      analyses.submitStale();
      ServeCommand.submitDemoCase(workspaces, analyses);
      List<AppealCase> cases = List.of();
      for (int i = 0; i < 240 && cases.isEmpty(); i++) {
        Thread.sleep(500);
        cases = workspaces.database(ServeCommand.DEMO_SHOP).appealCases();
      }
      assertEquals(1, cases.size(), "the demo's case is opened once its analysis is ready");
      AppealCase submitted = cases.get(0);
      for (int i = 0; i < 20 && submitted.status() != CaseStatus.SUBMITTED; i++) {
        Thread.sleep(250);
        submitted = workspaces.database(ServeCommand.DEMO_SHOP).appealCases().get(0);
      }
      assertEquals(CaseStatus.SUBMITTED, submitted.status());
      assertTrue(
          submitted.batch().startsWith("WG" + TODAY.minusDays(2).toString().replace("-", "")));
    }
  }
}
