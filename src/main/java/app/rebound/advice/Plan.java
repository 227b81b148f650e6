package app.rebound.advice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The recovery plan: actions ranked by expected net value, dated steps over 90 days from {@code
 * asOf}, and the assumptions the scoring used. Texts are in {@code lang} ("zh" or "en").
 */
public record Plan(
    String lang,
    LocalDate asOf,
    List<RankedAction> actions,
    List<PlanStep> steps,
    List<Assumption> assumptions) {

  public Plan {
    actions = List.copyOf(actions);
    steps = List.copyOf(steps);
    assumptions = List.copyOf(assumptions);
  }

  /** The plan's entry for this action; empty when the plan does not rank it. */
  public Optional<RankedAction> action(ActionId id) {
    return actions.stream().filter(a -> a.id() == id).findFirst();
  }

  /**
   * The days the expected values are counted over, as every page and file says: the plan's
   * assumption horizon.days, else the shipped one.
   */
  public int horizonDays() {
    return assumptions.stream()
        .filter(a -> a.key().equals("horizon.days"))
        .mapToInt(a -> (int) a.value())
        .findFirst()
        .orElse((int) Assumptions.defaults().get("horizon.days"));
  }
}
