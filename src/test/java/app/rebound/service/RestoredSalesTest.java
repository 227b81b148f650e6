package app.rebound.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.DeletedOrders;
import app.rebound.store.AppealCase;
import app.rebound.store.CaseConflictException;
import app.rebound.store.Workspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An approved appeal gives sales back: the shop's analysis is redone without those orders as
 * deleted.
 */
class RestoredSalesTest {

  /**
   * The sample's one group to appeal (notice WG3B1, processed May 30) can be appealed until June 6.
   */
  static final Clock JUNE_2 =
      Clock.fixed(Instant.parse("2026-06-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  static final Clock JUNE_10 =
      Clock.fixed(Instant.parse("2026-06-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @TempDir Path data;

  static void uploadSample(Workspaces ws) throws Exception {
    ws.upload(
        "s",
        List.of(
            AnalysesTest.sample("订单明细.csv"),
            AnalysesTest.sample("销量删除记录.csv"),
            AnalysesTest.sample("商品流量.csv")),
        p -> {});
  }

  @Test
  void an_approved_case_counts_its_orders_again_and_the_redone_analysis_shows_fewer_deleted_orders()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, JUNE_2)) {
      Analyses analyses = new Analyses(ws, JUNE_2, 1);
      AppealCases cases = new AppealCases(ws, analyses);
      uploadSample(ws);
      assertEquals(70, deletedOrders(AnalysesTest.awaitReady(analyses, "s", "zh")));
      AppealGroup group = openGroup(analyses.appeal("s").orElseThrow());
      int restored = group.orders().size();

      long id = cases.open("s", group.id()).appealCase().id();
      cases.change(
          "s",
          id,
          new AppealCases.Request("submitted", LocalDate.of(2026, 6, 1), null, null, null));
      AppealCase approved =
          cases
              .change(
                  "s", id, new AppealCases.Request("approved", null, "sales restored", null, null))
              .appealCase();
      assertEquals(group.orders(), approved.restoredOrders());

      assertEquals(70 - restored, DeletedOrders.of(StoredShop.load(ws.database("s"))).rowCount());
      assertEquals(
          70 - restored,
          deletedOrders(AnalysesTest.awaitReady(analyses, "s", "zh")),
          "the stored analysis was dropped and redone on the restored data");
      AppealReport appeal = analyses.appeal("s").orElseThrow();
      assertEquals(70 - restored, appeal.orders().size());
      assertTrue(
          appeal.groups().stream().noneMatch(g -> g.id().equals(group.id())),
          "nothing left to appeal");
      analyses.close();
    }
  }

  @Test
  void
      a_case_is_refused_before_the_analysis_is_ready_for_an_unknown_group_and_once_the_window_closed()
          throws Exception {
    String group;
    try (Workspaces ws = new Workspaces(data, JUNE_2)) {
      Analyses analyses = new Analyses(ws, JUNE_2, 1);
      AppealCases cases = new AppealCases(ws, analyses);
      uploadSample(ws);
      var notReady = assertThrows(CaseConflictException.class, () -> cases.open("s", "anything"));
      assertTrue(notReady.getMessage().contains("not ready yet"), notReady.getMessage());
      AnalysesTest.awaitReady(analyses, "s", "zh");
      group = openGroup(analyses.appeal("s").orElseThrow()).id();
      var unknown =
          assertThrows(IllegalArgumentException.class, () -> cases.open("s", "WG9_p_shipped"));
      assertTrue(
          unknown.getMessage().contains("no appeal group 'WG9_p_shipped'"), unknown.getMessage());
      assertThrows(IllegalArgumentException.class, () -> cases.open("s", " "));
      analyses.close();
    }
    try (Workspaces ws = new Workspaces(data, JUNE_10)) {
      Analyses analyses = new Analyses(ws, JUNE_10, 1);
      var closed =
          assertThrows(
              CaseConflictException.class, () -> new AppealCases(ws, analyses).open("s", group));
      assertTrue(closed.getMessage().contains("closed at 2026-06-06T00:00"), closed.getMessage());
      assertEquals(List.of(), ws.database("s").appealCases());
      analyses.close();
    }
  }

  static long deletedOrders(Analyses.Status status) throws Exception {
    assertEquals(Analyses.State.READY, status.state(), status.error());
    return Json.MAPPER.readTree(status.json()).at("/deletions/orders").asLong();
  }

  /** A group whose appeal window is still open on the test's day. */
  static AppealGroup openGroup(AppealReport report) {
    LocalDateTime now = LocalDateTime.now(JUNE_2);
    return report.groups().stream().filter(g -> !g.closed(now)).findFirst().orElseThrow();
  }
}
