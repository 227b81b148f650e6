package app.rebound.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A submission group followed to its outcome: what was appealed and where it stands now.
 *
 * @param groupId the appeal group it was opened from (batch, product and reason)
 * @param orders the group's sub-orders when the case was opened
 * @param statusOn the day the current status began, as the merchant said
 * @param followUpOn the day to look at the case again, or null
 * @param restoredOrders the sub-orders whose sales the platform gave back (approved or partly
 *     approved)
 */
public record AppealCase(
    long id,
    String groupId,
    String batch,
    String productId,
    String reason,
    List<String> orders,
    LocalDateTime createdAt,
    CaseStatus status,
    LocalDate statusOn,
    LocalDate followUpOn,
    List<String> restoredOrders) {

  public AppealCase {
    orders = List.copyOf(orders);
    restoredOrders = List.copyOf(restoredOrders);
  }
}
