package app.rebound.service;

import app.rebound.analysis.ActionEffect;
import app.rebound.analysis.ShopData;
import app.rebound.store.ShopDatabase;
import app.rebound.store.TakenAction;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The recovery actions a merchant marked as started, each with its effect so far: the started
 * products' GMV against the counterfactual from the shop's other products since the start day.
 * Measured on the shop's current data each time it is asked (it loads the shop's tables, so it is
 * not for hot paths).
 */
public final class ActionsTaken {

  private ActionsTaken() {}

  public record Row(
      long id,
      String action,
      LocalDate startedOn,
      List<String> products,
      ActionEffect.Result effect) {}

  public static List<Row> measure(ShopDatabase db) throws SQLException {
    List<TakenAction> taken = db.actionsTaken();
    if (taken.isEmpty()) {
      return List.of();
    }
    ShopData data = ShopData.load(db);
    List<Row> rows = new ArrayList<>();
    for (TakenAction action : taken) {
      rows.add(
          new Row(
              action.id(),
              action.actionId(),
              action.startedOn(),
              action.products(),
              ActionEffect.measure(data, action.startedOn(), action.products())));
    }
    return rows;
  }
}
