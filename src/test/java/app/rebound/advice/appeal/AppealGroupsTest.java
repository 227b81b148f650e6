package app.rebound.advice.appeal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.BatchCause;
import app.rebound.analysis.OrderEvidence;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.KindTable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Submission groups from hand-made verdicts: what goes together, what stays out, and the deadlines.
 */
class AppealGroupsTest {

  static OrderEvidence order(
      String id, String batch, String product, String verdict, String reason, String paidAt) {
    return new OrderEvidence(
        id,
        batch,
        product,
        product + "名",
        LocalDateTime.parse(paidAt),
        50,
        2,
        "已完成",
        "-",
        "YT" + id,
        "圆通速递",
        null,
        null,
        List.of(),
        List.of(),
        0.8,
        verdict,
        reason);
  }

  static BatchCause batch(String id, LocalDate date, String cause) {
    return new BatchCause(
        id, date, 1, 1, 50, List.of("P1"), cause, 0.9, false, List.of(), List.of());
  }

  /** A deletions export whose notices were processed at the given times. */
  static ShopData deletions(Object... noticeAndTime) {
    Table t = KindTable.empty(FileKind.DELETIONS);
    for (int i = 0; i < noticeAndTime.length; i += 2) {
      Object[] row = {
        "X" + i,
        "X" + i,
        "P1",
        LocalDateTime.parse((String) noticeAndTime[i + 1]),
        "疑似虚假交易",
        noticeAndTime[i]
      };
      for (int c = 0; c < t.columnCount(); c++) {
        KindTable.append(t.column(c), row[c]);
      }
    }
    return ShopData.of(Map.of(FileKind.DELETIONS, t));
  }

  @Test
  void orders_group_by_notice_product_and_reason_and_orders_not_to_appeal_stay_out() {
    List<OrderEvidence> orders =
        List.of(
            order(
                "A2", "WG1", "P1", OrderEvidence.APPEAL, OrderEvidence.SHIPPED, "2026-06-03T10:00"),
            order(
                "A1",
                "WG1",
                "P1",
                OrderEvidence.APPEAL_AFTER_PROOF,
                OrderEvidence.SHIPPED,
                "2026-06-01T10:00"),
            order(
                "A3",
                "WG1",
                "P1",
                OrderEvidence.DO_NOT_APPEAL,
                OrderEvidence.SHIPPED,
                "2026-06-02T10:00"),
            order(
                "R1",
                "WG1",
                "P1",
                OrderEvidence.APPEAL_AFTER_PROOF,
                OrderEvidence.REFUNDED,
                "2026-06-02T10:00"),
            order(
                "B1",
                "WG1",
                "P2",
                OrderEvidence.APPEAL,
                OrderEvidence.SHIPPED,
                "2026-06-02T11:00"));
    List<AppealGroup> groups =
        AppealGroups.of(
            deletions("WG1", "2026-06-10T09:30:00"),
            orders,
            List.of(batch("WG1", LocalDate.of(2026, 6, 10), BatchCause.SYSTEM_ERROR)),
            7);
    assertEquals(3, groups.size());
    AppealGroup shipped =
        groups.stream()
            .filter(g -> g.productId().equals("P1") && g.reason().equals("shipped"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of("A1", "A2"), shipped.orders(), "by payment time; the fake-looking A3 is left out");
    assertEquals(LocalDateTime.parse("2026-06-01T10:00"), shipped.from());
    assertEquals(LocalDateTime.parse("2026-06-03T10:00"), shipped.to());
    assertEquals(4, shipped.units());
    assertEquals(100.0, shipped.money(), 1e-9);
    assertEquals(1, shipped.ready());
    assertEquals(1, shipped.needProof());
    assertEquals(
        LocalDateTime.parse("2026-06-17T09:30"),
        shipped.deadline(),
        "7 days from the notice's processing");
    assertFalse(shipped.deadlineEstimated());
    assertTrue(
        groups.stream()
            .anyMatch(g -> g.reason().equals("refunded") && g.orders().equals(List.of("R1"))));
    assertTrue(shipped.pack().matches("appeal_[A-Za-z0-9_-]+\\.zip"), shipped.pack());
  }

  @Test
  void orders_not_shipped_yet_get_a_group_of_their_own_whose_letter_says_ship_first() {
    OrderEvidence shipped =
        order("S1", "WG1", "P1", OrderEvidence.APPEAL, OrderEvidence.SHIPPED, "2026-06-03T10:00");
    OrderEvidence pending =
        new OrderEvidence(
            "U1",
            "WG1",
            "P1",
            "P1名",
            LocalDateTime.parse("2026-06-04T10:00"),
            50,
            1,
            "待发货",
            "-",
            "",
            "",
            null,
            null,
            List.of(),
            List.of(),
            0.4,
            OrderEvidence.APPEAL_AFTER_PROOF,
            OrderEvidence.SHIPPED);
    List<AppealGroup> groups =
        AppealGroups.of(
            deletions("WG1", "2026-06-10T09:30:00"),
            List.of(shipped, pending),
            List.of(batch("WG1", LocalDate.of(2026, 6, 10), BatchCause.SYSTEM_ERROR)),
            7);
    AppealGroup real =
        groups.stream().filter(g -> g.reason().equals(AppealGroup.SHIPPED)).findFirst().get();
    AppealGroup later =
        groups.stream().filter(g -> g.reason().equals(AppealGroup.NOT_SHIPPED)).findFirst().get();
    assertEquals(List.of("S1"), real.orders(), "the 我已真实发货 group holds shipped orders only");
    assertEquals(List.of("U1"), later.orders());
    AppealReport report = new AppealReport(List.of(shipped, pending), groups);
    for (String lang : List.of("zh", "en")) {
      AppealLetter letter = AppealLetter.of(later, report, lang);
      // Appealed as 我已真实发货 on the platform's form, once shipped, and the letter says so.
      assertTrue(letter.body().contains(AppealText.reason(AppealGroup.SHIPPED, lang)), lang);
      assertTrue(
          letter.warnings().stream().anyMatch(w -> w.contains(lang.equals("zh") ? "先发货" : "ship")),
          letter.warnings().toString());
      assertTrue(
          AppealLetter.of(real, report, lang).warnings().isEmpty(), "no such warning when shipped");
    }
  }

  @Test
  void a_malicious_report_batch_is_appealed_as_an_attack() {
    List<AppealGroup> groups =
        AppealGroups.of(
            deletions("WG2", "2026-06-10T09:30:00"),
            List.of(
                order(
                    "A1",
                    "WG2",
                    "P1",
                    OrderEvidence.APPEAL,
                    OrderEvidence.SHIPPED,
                    "2026-06-01T10:00")),
            List.of(batch("WG2", LocalDate.of(2026, 6, 10), BatchCause.MALICIOUS_REPORT)),
            7);
    assertEquals(AppealGroup.ATTACK, groups.get(0).reason());
  }

  @Test
  void groups_come_most_urgent_first_and_the_time_left_counts_down_to_closed() {
    List<OrderEvidence> orders =
        List.of(
            order(
                "A1",
                "WG-LATE",
                "P1",
                OrderEvidence.APPEAL,
                OrderEvidence.SHIPPED,
                "2026-06-01T10:00"),
            order(
                "B1",
                "WG-EARLY",
                "P1",
                OrderEvidence.APPEAL,
                OrderEvidence.SHIPPED,
                "2026-06-01T10:00"));
    List<AppealGroup> groups =
        AppealGroups.of(
            deletions("WG-LATE", "2026-06-12T08:00:00", "WG-EARLY", "2026-06-10T08:00:00"),
            orders,
            List.of(
                batch("WG-EARLY", LocalDate.of(2026, 6, 10), BatchCause.SYSTEM_ERROR),
                batch("WG-LATE", LocalDate.of(2026, 6, 12), BatchCause.SYSTEM_ERROR)),
            7);
    assertEquals("WG-EARLY", groups.get(0).batch());
    AppealGroup g = groups.get(0);
    LocalDateTime deadline = LocalDateTime.parse("2026-06-17T08:00");
    assertEquals(49, g.hoursLeft(deadline.minusHours(49)));
    assertFalse(g.urgent(deadline.minusHours(49)));
    assertTrue(g.urgent(deadline.minusHours(47)), "under 48 hours");
    assertFalse(g.closed(deadline.minusMinutes(1)));
    assertTrue(
        g.closed(deadline) && !g.urgent(deadline), "closed at the deadline, no longer urgent");
  }

  @Test
  void without_a_deletions_export_the_deadline_is_counted_from_the_assumed_day_and_says_so() {
    List<AppealGroup> groups =
        AppealGroups.of(
            deletions(),
            List.of(
                order(
                    "A1",
                    "flagged",
                    "P1",
                    OrderEvidence.APPEAL,
                    OrderEvidence.SHIPPED,
                    "2026-06-01T10:00")),
            List.of(batch("flagged", LocalDate.of(2026, 6, 2), BatchCause.SYSTEM_ERROR)),
            7);
    assertTrue(groups.get(0).deadlineEstimated());
    assertEquals(LocalDateTime.parse("2026-06-09T00:00"), groups.get(0).deadline());
  }

  @Test
  void a_second_notice_within_90_days_is_counted_so_the_heavier_penalty_can_be_named() {
    List<BatchCause> causes =
        List.of(
            batch("WG1", LocalDate.of(2026, 3, 1), BatchCause.VIOLATION),
            batch("WG2", LocalDate.of(2026, 5, 20), BatchCause.SYSTEM_ERROR),
            batch("WG3", LocalDate.of(2026, 8, 20), BatchCause.SYSTEM_ERROR));
    List<OrderEvidence> orders =
        List.of(
            order(
                "A", "WG2", "P1", OrderEvidence.APPEAL, OrderEvidence.SHIPPED, "2026-05-01T10:00"),
            order(
                "B", "WG3", "P1", OrderEvidence.APPEAL, OrderEvidence.SHIPPED, "2026-08-01T10:00"));
    List<AppealGroup> groups = AppealGroups.of(deletions(), orders, causes, 7);
    AppealGroup second =
        groups.stream().filter(g -> g.batch().equals("WG2")).findFirst().orElseThrow();
    AppealGroup third =
        groups.stream().filter(g -> g.batch().equals("WG3")).findFirst().orElseThrow();
    assertEquals(2, second.noticesIn90Days(), "WG1 (80 days before) and WG2");
    assertTrue(second.penaltyEscalates());
    assertEquals(1, third.noticesIn90Days(), "WG2 is 92 days before WG3");
    assertFalse(third.penaltyEscalates());
  }
}
