package app.rebound.store;

import java.time.LocalDate;
import java.util.List;

/**
 * A change of an appeal case as the merchant reports it.
 *
 * @param on the day it happened
 * @param followUpOn the next day to look at the case, or null
 * @param restoredOrders the sub-orders the platform gave back (empty unless approved or partly
 *     approved)
 */
public record CaseChange(
    CaseStatus status,
    LocalDate on,
    String note,
    LocalDate followUpOn,
    List<String> restoredOrders) {

  public CaseChange {
    note = note == null ? "" : note;
    restoredOrders = List.copyOf(restoredOrders);
  }
}
