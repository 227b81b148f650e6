package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.Table;

/**
 * What a recovery action the merchant started has won back so far: the started products' summed
 * daily GMV (the series of the deletion's impact: fake orders left out) against a counterfactual
 * from the shop's other products, with the start day as the first post day. The same estimator as
 * the deletion's impact, read the other way round: a gain is a negative loss.
 */
public final class ActionEffect {

  private ActionEffect() {}

  /**
   * @param measured whether an estimate could be made; when not, reason says why
   * @param gain GMV won back since the start (actual − counterfactual), yuan; positive = won back
   * @param gainLow lower bound of its 95% interval
   * @param gainHigh upper bound of its 95% interval
   * @param daysObserved days of data from the start day on
   */
  public record Result(
      boolean measured,
      Reason reason,
      double gain,
      double gainLow,
      double gainHigh,
      int daysObserved) {

    static Result refused(Reason reason, int daysObserved) {
      return new Result(false, reason, 0, 0, 0, daysObserved);
    }

    /** Whether the 95% interval excludes zero. */
    public boolean significant() {
      return measured && (gainLow > 0 || gainHigh < 0);
    }
  }

  public static Result measure(ShopData shop, LocalDate startedOn, List<String> products) {
    if (products.isEmpty()) {
      return Result.refused(Reason.of("action_no_products"), 0);
    }
    if (!shop.has(FileKind.ORDERS)) {
      return Result.refused(Reason.of("upload", TrafficImpact.NEEDS_ORDERS), 0);
    }
    Table deleted = DeletedOrders.of(shop);
    Table daily =
        TrafficImpact.dailyGmv(
            shop,
            deleted,
            TrafficImpact.fakeOrders(
                AppealEvidence.of(shop, deleted, BatchCauses.of(shop, deleted))));
    if (daily.isEmpty()) {
      return Result.refused(Reason.of("no_paid_orders"), 0);
    }
    DailyPanel panel = DailyPanel.of(daily, "gmv");
    int start = panel.dayIndex(startedOn);
    int daysObserved = Math.max(0, panel.days().size() - start);
    if (start < 0) {
      return Result.refused(Reason.of("action_before_orders"), daysObserved);
    }
    // The baseline is the products' level after their latest deletion before the start: measured
    // from before it, the deletion's own loss would read as the action failing.
    int from =
        Math.max(
            0, latestDeletionBefore(deleted, products, startedOn).map(panel::dayIndex).orElse(0));
    List<String> others = new ArrayList<>(panel.products());
    others.removeAll(products);
    List<String> controls = panel.activeBefore("gmv", startedOn, others);
    Counterfactual.Result estimate =
        Counterfactual.estimate(
            panel.days().subList(from, panel.days().size()),
            tail(panel.sum("gmv", products), from),
            Controls.sumOf(controls, tail(panel.sum("gmv", controls), from)),
            start - from);
    if (!estimate.measured()) {
      return Result.refused(fromStart(estimate.refusal()), daysObserved);
    }
    Counterfactual.Estimate e = estimate.estimate();
    return new Result(true, null, -e.loss(), -e.lossHigh(), -e.lossLow(), daysObserved);
  }

  /**
   * The estimator's refusal said of the action: its baseline ends at the start, not at a deletion.
   */
  private static Reason fromStart(Reason refusal) {
    return switch (refusal.code()) {
      case Counterfactual.FEW_PRE_DAYS -> new Reason("few_days_before_start", refusal.args());
      case Counterfactual.NO_DATA_AFTER -> Reason.of("no_data_after_start");
      case Counterfactual.NO_SALES_BEFORE -> Reason.of("no_sales_before_start");
      default -> refusal;
    };
  }

  /**
   * The latest day the platform deleted sales of these products, on or before the day the action
   * started.
   */
  static Optional<LocalDate> latestDeletionBefore(
      Table deleted, List<String> products, LocalDate startedOn) {
    LocalDate latest = null;
    for (int row = 0; row < deleted.rowCount(); row++) {
      LocalDate day = deleted.dateColumn(DeletedOrders.BATCH_DATE).get(row);
      if (day != null
          && !day.isAfter(startedOn)
          && products.contains(deleted.stringColumn(ColumnNames.PRODUCT_ID).get(row))
          && (latest == null || day.isAfter(latest))) {
        latest = day;
      }
    }
    return Optional.ofNullable(latest);
  }

  private static double[] tail(double[] series, int from) {
    return Arrays.copyOfRange(series, from, series.length);
  }
}
