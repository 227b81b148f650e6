package app.rebound.store;

import static app.rebound.store.CaseStatus.APPROVED;
import static app.rebound.store.CaseStatus.DRAFT;
import static app.rebound.store.CaseStatus.MORE_INFO_REQUESTED;
import static app.rebound.store.CaseStatus.PARTLY_APPROVED;
import static app.rebound.store.CaseStatus.REJECTED;
import static app.rebound.store.CaseStatus.SUBMITTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseStatusTest {

  /** The appeal process as the issue states it; every pair not listed is refused. */
  static final Map<CaseStatus, Set<CaseStatus>> ALLOWED =
      Map.of(
          DRAFT, EnumSet.of(SUBMITTED),
          SUBMITTED, EnumSet.of(MORE_INFO_REQUESTED, APPROVED, PARTLY_APPROVED, REJECTED),
          MORE_INFO_REQUESTED, EnumSet.of(SUBMITTED, APPROVED, PARTLY_APPROVED, REJECTED),
          REJECTED, EnumSet.of(SUBMITTED),
          APPROVED, EnumSet.noneOf(CaseStatus.class),
          PARTLY_APPROVED, EnumSet.noneOf(CaseStatus.class));

  @Test
  void exactly_the_changes_of_the_appeal_process_are_allowed() {
    for (CaseStatus from : CaseStatus.values()) {
      for (CaseStatus to : CaseStatus.values()) {
        assertEquals(ALLOWED.get(from).contains(to), from.canBecome(to), from + " → " + to);
      }
    }
  }

  @Test
  void approved_and_partly_approved_are_final_and_a_rejection_is_not() {
    assertTrue(APPROVED.finished());
    assertTrue(PARTLY_APPROVED.finished());
    assertFalse(REJECTED.finished());
    assertFalse(DRAFT.finished());
  }

  @Test
  void statuses_are_named_in_snake_case_and_an_unknown_name_is_refused_with_the_known_ones() {
    assertEquals(MORE_INFO_REQUESTED, CaseStatus.of("more_info_requested"));
    assertEquals("partly_approved", PARTLY_APPROVED.code());
    var e = assertThrows(IllegalArgumentException.class, () -> CaseStatus.of("won"));
    assertTrue(
        e.getMessage().contains("'won'") && e.getMessage().contains("partly_approved"),
        e.getMessage());
  }
}
