package app.rebound.store;

import app.rebound.Codes;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where an appeal case stands, and the changes the platform's appeal process allows: a draft is
 * submitted; the platform then asks for more, approves, partly approves or rejects; a rejection can
 * be appealed again after asking why. Approved and partly approved are final.
 */
public enum CaseStatus {
  DRAFT,
  SUBMITTED,
  MORE_INFO_REQUESTED,
  APPROVED,
  PARTLY_APPROVED,
  REJECTED;

  private static final Map<CaseStatus, Set<CaseStatus>> NEXT =
      Map.of(
          DRAFT, Set.of(SUBMITTED),
          SUBMITTED, Set.of(MORE_INFO_REQUESTED, APPROVED, PARTLY_APPROVED, REJECTED),
          MORE_INFO_REQUESTED, Set.of(SUBMITTED, APPROVED, PARTLY_APPROVED, REJECTED),
          REJECTED, Set.of(SUBMITTED),
          APPROVED, Set.of(),
          PARTLY_APPROVED, Set.of());

  /** The name in the API and the database: {@code more_info_requested}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CaseStatus of(String code) {
    return Codes.find(values(), CaseStatus::code, code)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown status '" + code + "'; one of " + codes(List.of(values()))));
  }

  public boolean canBecome(CaseStatus next) {
    return NEXT.get(this).contains(next);
  }

  /** The statuses this one may change to, in declaration order. */
  public List<CaseStatus> next() {
    return Arrays.stream(values()).filter(this::canBecome).toList();
  }

  /** No change follows: the platform's decision stands. */
  public boolean finished() {
    return next().isEmpty();
  }

  /** The platform gave sales back: the case names the restored orders. */
  public boolean restores() {
    return this == APPROVED || this == PARTLY_APPROVED;
  }

  public static List<String> codes(List<CaseStatus> statuses) {
    return statuses.stream().map(CaseStatus::code).toList();
  }

  @Override
  public String toString() {
    return code();
  }
}
