package app.rebound.analysis;

import app.rebound.analysis.Measure.Arm;
import app.rebound.analysis.Measure.Effect;
import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The funnel 曝光 → 点击 → 成交 → 完成, and refunds, before and after the deletion, for the affected
 * products against the unaffected ones. Each step is a rate (visitors per impression, paid orders
 * per visitor, completed and refunded orders per paid order) pooled over each period, and the
 * difference in differences of those rates. Its range comes from each day's gap between the
 * affected and the unaffected rate: days, not impressions, are the units, since a product's
 * visitors on one day move together and a binomial interval over millions of impressions would call
 * any wobble significant.
 */
public final class Funnel {

  /** Fewer days with both rates defined in either period: not measured. */
  static final int MIN_DAYS = 7;

  static final String DAILY_GAP =
      "pooled rates' DiD; normal 95% from the daily gaps between affected and unaffected rates, "
          + "widened for AR(1) autocorrelation";

  public static final Reason TOO_FEW_DAYS = Reason.of("too_few_funnel_days", MIN_DAYS);

  public static final Reason NO_PAID_ORDERS = Reason.of("no_paid_orders");

  /** The steps: id, numerator, denominator, the export it needs. */
  private static final String[][] STEPS = {
    {"click_rate", "visitors", "impressions", TrafficImpact.NEEDS_TRAFFIC},
    {"conversion_rate", "paid", "visitors", TrafficImpact.NEEDS_TRAFFIC},
    {"completion_rate", "completed", "paid", TrafficImpact.NEEDS_ORDERS},
    {"refund_rate", "refunded", "paid", TrafficImpact.NEEDS_ORDERS}
  };

  private static final String[] METRICS = {
    "impressions", "visitors", "paid", "completed", "refunded"
  };

  private Funnel() {}

  /**
   * @param split the shop's first deletion, where the pooled affected products are split
   * @param shop the affected products pooled, one measure per step
   */
  public record Result(
      boolean measured,
      Reason reason,
      LocalDate split,
      int beforeDays,
      int afterDays,
      List<Measure> shop,
      List<ProductFunnel> products) {}

  /** One affected product's steps, split at its own deletion date. */
  public record ProductFunnel(
      String productId,
      String name,
      LocalDate since,
      int beforeDays,
      int afterDays,
      List<Measure> steps) {}

  public static Result of(ShopData shop, Table deletedOrders, Set<String> fakeOrders) {
    ImpactFrame frame = ImpactFrame.of(shop, deletedOrders);
    Reason why = frame.whyNotMeasurable();
    if (why != null) {
      return new Result(false, why, frame.firstDeletion(), 0, 0, List.of(), List.of());
    }
    boolean traffic = shop.has(FileKind.TRAFFIC);
    DailyPanel panel = panel(shop, fakeOrders, traffic);
    if (panel.days().isEmpty()) {
      return new Result(false, NO_PAID_ORDERS, frame.firstDeletion(), 0, 0, List.of(), List.of());
    }
    LocalDate first = panel.days().get(0);
    LocalDate last = panel.days().get(panel.days().size() - 1);
    List<String> unaffected = List.copyOf(frame.unaffected());
    Periods shopPeriods = Periods.of(frame.firstDeletion(), first, last);
    List<Measure> shopSteps =
        steps(
            panel,
            List.copyOf(frame.splits().keySet()),
            unaffected,
            shopPeriods,
            Measure.SCOPE_AFFECTED,
            traffic);
    List<ProductFunnel> products = new ArrayList<>();
    for (Map.Entry<String, LocalDate> e : frame.splits().entrySet()) {
      Periods p = Periods.of(e.getValue(), first, last);
      products.add(
          new ProductFunnel(
              e.getKey(),
              frame.name(e.getKey()),
              e.getValue(),
              p.beforeDays(),
              p.afterDays(),
              steps(panel, List.of(e.getKey()), unaffected, p, Measure.SCOPE_PRODUCT, traffic)));
    }
    return new Result(
        true,
        null,
        frame.firstDeletion(),
        shopPeriods.beforeDays(),
        shopPeriods.afterDays(),
        shopSteps,
        products);
  }

  private static List<Measure> steps(
      DailyPanel panel,
      List<String> affected,
      List<String> unaffected,
      Periods periods,
      String scope,
      boolean traffic) {
    List<Measure> out = new ArrayList<>();
    for (String[] step : STEPS) {
      if (step[3].equals(TrafficImpact.NEEDS_TRAFFIC) && !traffic) {
        out.add(Measure.missing(step[0], scope, "share", step[3], Reason.of("upload", step[3])));
      } else {
        out.add(step(step, panel, affected, unaffected, periods, scope));
      }
    }
    return out;
  }

  /** One step's rates for both arms, pooled per period, and the daily-gap DiD. */
  static Measure step(
      String[] step,
      DailyPanel panel,
      List<String> affected,
      List<String> unaffected,
      Periods periods,
      String scope) {
    double[] aNum = panel.sum(step[1], affected);
    double[] aDen = panel.sum(step[2], affected);
    double[] uNum = panel.sum(step[1], unaffected);
    double[] uDen = panel.sum(step[2], unaffected);
    double[][] a = new double[2][2];
    double[][] u = new double[2][2];
    List<List<Double>> gaps = List.of(new ArrayList<>(), new ArrayList<>());
    for (int t = 0; t < panel.days().size(); t++) {
      int p = periods.period(panel.days().get(t));
      if (p < 0) {
        continue;
      }
      a[p][0] += aNum[t];
      a[p][1] += aDen[t];
      u[p][0] += uNum[t];
      u[p][1] += uDen[t];
      if (aDen[t] > 0 && uDen[t] > 0) {
        gaps.get(p).add(aNum[t] / aDen[t] - uNum[t] / uDen[t]);
      }
    }
    Reason whyNot = null;
    Effect effect = null;
    int fewest = Math.min(gaps.get(0).size(), gaps.get(1).size());
    if (fewest < MIN_DAYS) {
      whyNot = TOO_FEW_DAYS;
    } else {
      // The point is the DiD of the pooled rates the page shows; its range is as wide as the
      // daily gaps' change is uncertain.
      Arm armA = arm(a);
      Arm armU = arm(u);
      Effect change = Did.shopChange(array(gaps.get(0)), array(gaps.get(1)));
      double half = (change.high() - change.low()) / 2;
      double estimate = armA.change() - armU.change();
      effect = new Effect(estimate, estimate - half, estimate + half, DAILY_GAP);
    }
    return Measure.of(step[0], scope, "share", step[3], arm(a), arm(u), effect, whyNot);
  }

  private static Arm arm(double[][] periods) {
    return Arm.of(
        Math.round(periods[0][1]),
        Math.round(periods[1][1]),
        Math.round(periods[0][0]),
        Math.round(periods[1][0]),
        periods[0][1] == 0 ? null : periods[0][0] / periods[0][1],
        periods[1][1] == 0 ? null : periods[1][0] / periods[1][1]);
  }

  private static double[] array(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** Impressions and visitors from 商品流量, paid, completed and refunded orders, per product-day. */
  static DailyPanel panel(ShopData shop, Set<String> fakeOrders, boolean traffic) {
    Table orders = PaidOrders.dailyCounts(PaidOrders.of(shop.orders(), fakeOrders));
    Table all =
        Table.create(
            StringColumn.create(ColumnNames.PRODUCT_ID), DateColumn.create(ColumnNames.DATE));
    for (String m : METRICS) {
      all.addColumns(DoubleColumn.create(m));
    }
    append(all, orders);
    if (traffic) {
      append(all, TrafficImpact.dailyTraffic(shop.table(FileKind.TRAFFIC)));
    }
    return DailyPanel.of(all, METRICS);
  }

  /** Appends the rows of a product-day table, the metrics it lacks as 0. */
  private static void append(Table into, Table daily) {
    for (int row = 0; row < daily.rowCount(); row++) {
      into.stringColumn(ColumnNames.PRODUCT_ID)
          .append(daily.stringColumn(ColumnNames.PRODUCT_ID).get(row));
      into.dateColumn(ColumnNames.DATE).append(daily.dateColumn(ColumnNames.DATE).get(row));
      for (String m : METRICS) {
        into.doubleColumn(m)
            .append(daily.columnNames().contains(m) ? daily.numberColumn(m).getDouble(row) : 0.0);
      }
    }
  }
}
