package app.rebound.store;

import java.time.LocalDate;
import java.util.List;

/**
 * A recovery action the merchant marked as started: which action, from which day, on which
 * products.
 */
public record TakenAction(long id, String actionId, LocalDate startedOn, List<String> products) {

  public TakenAction {
    products = List.copyOf(products);
  }
}
