package app.rebound.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.store.AppealCase;
import app.rebound.store.CaseConflictException;
import app.rebound.store.CaseEvent;
import app.rebound.store.CaseNotFoundException;
import app.rebound.store.CaseStatus;
import app.rebound.store.Workspaces;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Status changes of appeal cases, on cases opened straight in the store (no analysis needed). */
class AppealCasesTest {

  /** 2026-06-10 10:00 in the shop's time zone. */
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
  static final String SHOP = "s";

  @TempDir Path data;
  private Workspaces workspaces;
  private Analyses analyses;
  private AppealCases cases;

  @BeforeEach
  void open() throws Exception {
    workspaces = new Workspaces(data, CLOCK);
    analyses = new Analyses(workspaces, CLOCK, 1);
    cases = new AppealCases(workspaces, analyses);
  }

  @AfterEach
  void close() throws Exception {
    analyses.close();
    workspaces.close();
  }

  private long openCase(String group, String... orders) throws SQLException {
    return workspaces
        .database(SHOP)
        .openCase(group, "WG1", "p1", "shipped", List.of(orders), TODAY, LocalDateTime.now(CLOCK))
        .id();
  }

  private static AppealCases.Request to(String status, LocalDate on) {
    return new AppealCases.Request(status, on, null, null, null);
  }

  private static AppealCases.Request restoring(String status, List<String> orders) {
    return new AppealCases.Request(status, TODAY, null, null, orders);
  }

  private AppealCase change(long id, AppealCases.Request request) throws SQLException {
    return cases.change(SHOP, id, request).appealCase();
  }

  /**
   * Asserts the change is refused with the exception and a message containing every part, and
   * stores nothing.
   */
  private <T extends Exception> void assertRefused(
      Class<T> type, long id, AppealCases.Request request, String... parts) throws SQLException {
    AppealCases.CaseFile before = cases.file(SHOP, id);
    Executable change = () -> cases.change(SHOP, id, request);
    T e = assertThrows(type, change);
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), e.getMessage());
    }
    assertEquals(
        before,
        cases.file(SHOP, id),
        "a refused change leaves the case and its history as they were");
  }

  @Test
  void a_case_opens_as_a_draft_of_its_groups_orders_with_its_opening_in_the_history()
      throws Exception {
    long id = openCase("g1", "o1", "o2");
    AppealCases.CaseFile file = cases.file(SHOP, id);
    assertEquals(CaseStatus.DRAFT, file.appealCase().status());
    assertEquals(List.of("o1", "o2"), file.appealCase().orders());
    assertEquals(List.of(), file.appealCase().restoredOrders());
    assertEquals(1, file.history().size());
    assertEquals(CaseStatus.DRAFT, file.history().get(0).change().status());
  }

  @Test
  void a_case_goes_from_submission_through_a_question_and_a_rejection_to_approval()
      throws Exception {
    long id = openCase("g1", "o1", "o2");
    change(
        id,
        new AppealCases.Request(
            "submitted",
            LocalDate.of(2026, 6, 1),
            "sent with waybills",
            LocalDate.of(2026, 6, 4),
            null));
    change(id, to("more_info_requested", LocalDate.of(2026, 6, 3)));
    change(id, to("submitted", LocalDate.of(2026, 6, 4)));
    change(id, to("rejected", LocalDate.of(2026, 6, 6)));
    change(id, to("submitted", LocalDate.of(2026, 6, 8)));
    AppealCase approved = change(id, to("approved", TODAY));
    assertEquals(CaseStatus.APPROVED, approved.status());
    assertEquals(TODAY, approved.statusOn());
    List<CaseEvent> history = cases.file(SHOP, id).history();
    assertEquals(
        List.of(
            "draft",
            "submitted",
            "more_info_requested",
            "submitted",
            "rejected",
            "submitted",
            "approved"),
        history.stream().map(e -> e.change().status().code()).toList());
    assertEquals("sent with waybills", history.get(1).change().note());
    assertEquals(LocalDate.of(2026, 6, 4), history.get(1).change().followUpOn());
  }

  @Test
  void a_draft_cannot_be_approved_and_the_refusal_names_the_current_and_the_asked_status()
      throws Exception {
    long id = openCase("g1", "o1");
    assertRefused(
        CaseConflictException.class,
        id,
        to("approved", TODAY),
        "is draft",
        "cannot become approved",
        "it can become submitted");
  }

  @Test
  void an_approved_case_is_final() throws Exception {
    long id = openCase("g1", "o1");
    change(id, to("submitted", TODAY));
    change(id, to("approved", TODAY));
    for (String next : List.of("submitted", "rejected", "approved", "draft")) {
      assertRefused(
          CaseConflictException.class,
          id,
          to(next, TODAY),
          "is approved",
          "cannot become " + next,
          "final");
    }
  }

  @Test
  void a_rejected_case_can_only_be_submitted_again() throws Exception {
    long id = openCase("g1", "o1");
    change(id, to("submitted", TODAY));
    change(id, to("rejected", TODAY));
    assertRefused(
        CaseConflictException.class,
        id,
        to("approved", TODAY),
        "is rejected",
        "cannot become approved");
    assertEquals(CaseStatus.SUBMITTED, change(id, to("submitted", TODAY)).status());
  }

  @Test
  void an_unknown_or_missing_status_is_refused() throws Exception {
    long id = openCase("g1", "o1");
    assertRefused(IllegalArgumentException.class, id, to("won", TODAY), "unknown status 'won'");
    assertRefused(IllegalArgumentException.class, id, to(null, TODAY), "status is required");
  }

  @Test
  void a_change_of_an_unknown_case_is_not_found() {
    assertThrows(CaseNotFoundException.class, () -> cases.change(SHOP, 42, to("submitted", TODAY)));
    assertThrows(CaseNotFoundException.class, () -> cases.file(SHOP, 42));
  }

  @Test
  void approved_without_a_list_restores_every_order_of_the_case() throws Exception {
    long id = openCase("g1", "o1", "o2", "o3");
    change(id, to("submitted", TODAY));
    AppealCase approved = change(id, to("approved", TODAY));
    assertEquals(List.of("o1", "o2", "o3"), approved.restoredOrders());
    assertEquals(
        List.of("o1", "o2", "o3"), cases.file(SHOP, id).history().get(2).change().restoredOrders());
  }

  @Test
  void approved_with_a_list_restores_only_those_orders() throws Exception {
    long id = openCase("g1", "o1", "o2", "o3");
    change(id, to("submitted", TODAY));
    assertEquals(List.of("o3"), change(id, restoring("approved", List.of("o3"))).restoredOrders());
  }

  @Test
  void partly_approved_needs_a_non_empty_list_of_the_cases_own_orders() throws Exception {
    long id = openCase("g1", "o1", "o2", "o3");
    change(id, to("submitted", TODAY));
    assertRefused(
        IllegalArgumentException.class,
        id,
        to("partly_approved", TODAY),
        "needs restored_orders",
        "3 orders");
    assertRefused(
        IllegalArgumentException.class,
        id,
        restoring("partly_approved", List.of()),
        "at least one");
    assertRefused(
        IllegalArgumentException.class,
        id,
        restoring("partly_approved", List.of("o1", "x9")),
        "not: [x9]");
    AppealCase partly = change(id, restoring("partly_approved", List.of("o2", "o1", "o2")));
    assertEquals(CaseStatus.PARTLY_APPROVED, partly.status());
    assertEquals(
        List.of("o2", "o1"), partly.restoredOrders(), "each order once, in the order given");
    assertEquals(Set.of("o1", "o2"), workspaces.database(SHOP).restoredOrders());
  }

  @Test
  void only_an_approval_restores_orders() throws Exception {
    long id = openCase("g1", "o1");
    change(id, to("submitted", TODAY));
    assertRefused(
        IllegalArgumentException.class,
        id,
        restoring("rejected", List.of("o1")),
        "only with approved or partly_approved");
    assertEquals(List.of(), change(id, to("rejected", TODAY)).restoredOrders());
    assertEquals(Set.of(), workspaces.database(SHOP).restoredOrders());
  }

  @Test
  void dates_in_the_future_before_the_current_status_or_with_an_earlier_follow_up_are_refused()
      throws Exception {
    long id = openCase("g1", "o1");
    assertRefused(
        IllegalArgumentException.class, id, to("submitted", TODAY.plusDays(1)), "in the future");
    assertRefused(
        IllegalArgumentException.class,
        id,
        new AppealCases.Request("submitted", TODAY, null, TODAY.minusDays(1), null),
        "before the date");
    // A draft may be submitted on a day before it was opened here: the merchant appealed first,
    // noted it later.
    change(id, to("submitted", TODAY.minusDays(3)));
    assertRefused(
        IllegalArgumentException.class,
        id,
        to("rejected", TODAY.minusDays(4)),
        "before 2026-06-07, when case " + id + " became submitted");
    assertRefused(
        IllegalArgumentException.class,
        id,
        new AppealCases.Request("approved", TODAY, null, TODAY.plusDays(3), null),
        "final and has no follow-up");
  }

  @Test
  void the_day_defaults_to_today_and_a_new_change_replaces_the_follow_up() throws Exception {
    long id = openCase("g1", "o1");
    AppealCase submitted =
        change(id, new AppealCases.Request("submitted", null, "  ", TODAY.plusDays(2), null));
    assertEquals(TODAY, submitted.statusOn());
    assertEquals(TODAY.plusDays(2), submitted.followUpOn());
    assertEquals("", cases.file(SHOP, id).history().get(1).change().note());
    assertNull(change(id, to("rejected", TODAY)).followUpOn());
  }

  @Test
  void a_group_has_one_open_case_at_a_time() throws Exception {
    long first = openCase("g1", "o1");
    var e = assertThrows(CaseConflictException.class, () -> openCase("g1", "o1"));
    assertTrue(e.getMessage().contains("case " + first), e.getMessage());
    change(first, to("submitted", TODAY));
    change(first, to("rejected", TODAY));
    assertThrows(
        CaseConflictException.class,
        () -> openCase("g1", "o1"),
        "a rejected case can still be re-appealed");
    change(first, to("submitted", TODAY));
    change(first, restoring("partly_approved", List.of("o1")));
    long second = openCase("g1", "o2");
    assertEquals(List.of(first, second), cases.list(SHOP).stream().map(AppealCase::id).toList());
  }

  @Test
  void due_cases_are_the_unfinished_ones_to_follow_up_on_or_before_the_day() throws Exception {
    long early = openCase("g1", "o1");
    long later = openCase("g2", "o2");
    long finished = openCase("g3", "o3");
    openCase("g4", "o4"); // no follow-up: never due
    change(early, new AppealCases.Request("submitted", TODAY, null, TODAY.plusDays(1), null));
    change(later, new AppealCases.Request("submitted", TODAY, null, TODAY.plusDays(3), null));
    change(finished, new AppealCases.Request("submitted", TODAY, null, TODAY.plusDays(1), null));
    change(finished, to("approved", TODAY));
    assertEquals(List.of(), cases.due(SHOP, TODAY));
    assertEquals(
        List.of(early), cases.due(SHOP, TODAY.plusDays(1)).stream().map(AppealCase::id).toList());
    assertEquals(
        List.of(early, later),
        cases.due(SHOP, TODAY.plusDays(9)).stream().map(AppealCase::id).toList());
    assertEquals(
        List.of(SHOP), cases.due(TODAY.plusDays(1)).stream().map(AppealCases.Due::shop).toList());
  }

  @Test
  void a_case_and_its_full_history_survive_a_restart() throws Exception {
    long id = openCase("g1", "o1", "o2");
    change(
        id,
        new AppealCases.Request("submitted", LocalDate.of(2026, 6, 8), "first try", TODAY, null));
    change(id, restoring("partly_approved", List.of("o2")));
    AppealCases.CaseFile before = cases.file(SHOP, id);
    close();

    open(); // a new Workspaces on the same data folder: the database is read back from its file
    AppealCases.CaseFile after = cases.file(SHOP, id);
    assertEquals(before, after);
    assertEquals(3, after.history().size());
    assertEquals("first try", after.history().get(1).change().note());
    assertEquals(CaseStatus.PARTLY_APPROVED, after.appealCase().status());
    assertEquals(List.of("o2"), after.appealCase().restoredOrders());
    assertEquals(Set.of("o2"), workspaces.database(SHOP).restoredOrders());
  }

  @Test
  void the_history_cannot_be_rewritten_even_by_hand() throws Exception {
    long id = openCase("g1", "o1");
    change(id, to("submitted", TODAY));
    close();
    String url = "jdbc:sqlite:" + data.resolve("shops").resolve(SHOP).resolve("shop.db");
    try (var connection = DriverManager.getConnection(url);
        var s = connection.createStatement()) {
      var update =
          assertThrows(
              SQLException.class, () -> s.execute("UPDATE appeal_case_events SET note = 'x'"));
      assertTrue(update.getMessage().contains("append-only"), update.getMessage());
      assertThrows(SQLException.class, () -> s.execute("DELETE FROM appeal_case_events"));
    }
    open();
    assertEquals(2, cases.file(SHOP, id).history().size());
  }
}
