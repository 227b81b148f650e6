package app.rebound.service;

import app.rebound.advice.ActionId;
import app.rebound.analysis.ActionEffect;
import app.rebound.analysis.ShopData;
import app.rebound.store.ShopDatabase;
import app.rebound.store.TakenAction;
import app.rebound.store.Workspaces;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
      ActionId action,
      LocalDate startedOn,
      List<String> products,
      ActionEffect.Result effect) {}

  /**
   * Records that the merchant started a catalogue action on these products from that day; its id.
   */
  public static long start(
      Workspaces workspaces,
      String shop,
      ActionId action,
      LocalDate startedOn,
      List<String> products)
      throws SQLException {
    return workspaces
        .database(shop)
        .recordAction(action.code(), startedOn, products, LocalDateTime.now(workspaces.clock()));
  }

  public static List<Row> measure(ShopDatabase db) throws SQLException {
    List<TakenAction> taken = db.actionsTaken();
    if (taken.isEmpty()) {
      return List.of();
    }
    ShopData data = StoredShop.load(db);
    List<Row> rows = new ArrayList<>();
    for (TakenAction action : taken) {
      rows.add(
          new Row(
              action.id(),
              // only start() writes this table, so a stored code is always a catalogue one
              ActionId.parse(action.actionId()),
              action.startedOn(),
              action.products(),
              ActionEffect.measure(data, action.startedOn(), action.products())));
    }
    return rows;
  }
}
