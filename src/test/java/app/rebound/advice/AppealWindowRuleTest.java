package app.rebound.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.PlatformTime;
import app.rebound.analysis.ImpactReport.BatchRow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan's ranking and its week-by-week steps count a batch's appeal window as the workbench
 * does: 7 days from the notice's time, so a notice processed at 10:00 can still be appealed on the
 * seventh day after it, until 09:59.
 */
class AppealWindowRuleTest {

  private static BatchRow batch(LocalDateTime noticeAt) {
    BatchRow b = Reports.batch("WG1", LocalDate.of(2026, 7, 21), 4, 59, "malicious_report");
    return new BatchRow(
        b.id(),
        b.date(),
        noticeAt,
        b.orders(),
        b.units(),
        b.money(),
        b.products(),
        b.likelyCause(),
        b.confidence(),
        b.thinEvidence(),
        List.of(),
        List.of(),
        List.of(),
        Map.of(b.likelyCause(), 0.8),
        false,
        null,
        List.of());
  }

  @Test
  void a_notice_processed_at_ten_is_open_on_its_seventh_day_and_closed_on_the_eighth() {
    BatchRow b = batch(LocalDateTime.of(2026, 7, 21, 10, 0));
    assertEquals(LocalDateTime.of(2026, 7, 28, 10, 0), b.appealDeadline(7));
    assertEquals("2026年7月28日 09:59 前（北京时间）", PlatformTime.deadline(b.appealDeadline(7), true));
    assertTrue(b.appealOpenOn(LocalDate.of(2026, 7, 28), 7));
    assertTrue(Scoring.windowOpen(b, LocalDate.of(2026, 7, 28), 7));
    assertFalse(b.appealOpenOn(LocalDate.of(2026, 7, 29), 7));
  }

  @Test
  void without_the_notice_time_the_window_runs_from_the_start_of_its_day() {
    BatchRow b = batch(null);
    assertEquals(LocalDateTime.of(2026, 7, 28, 0, 0), b.appealDeadline(7));
    assertTrue(b.appealOpenOn(LocalDate.of(2026, 7, 27), 7), "until 23:59 on the 27th");
    assertFalse(b.appealOpenOn(LocalDate.of(2026, 7, 28), 7));
    assertFalse(Scoring.windowOpen(b, LocalDate.of(2026, 7, 28), 7));
  }
}
