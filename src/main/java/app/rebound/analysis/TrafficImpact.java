package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * Stages 3 and 4: what the deletion cost in exposure, visitors, conversion and money, each against
 * a counterfactual from the shop's unaffected products. Exposure, visitors and buyers need the
 * product traffic export (商品流量); money comes from the orders export, so it is measured from orders
 * alone.
 */
public final class TrafficImpact {

  public static final String NEEDS_TRAFFIC = FileKind.TRAFFIC.csvName();
  public static final String NEEDS_ORDERS = FileKind.ORDERS.csvName();

  private TrafficImpact() {}

  /**
   * @param conversion lost buyers attributable to a lower conversion rate (visitors held at their
   *     actual level)
   */
  public record Result(
      SeriesImpact.MetricImpact visitors,
      SeriesImpact.MetricImpact impressions,
      SeriesImpact.MetricImpact conversion,
      SeriesImpact.MetricImpact gmv) {}

  public static Result of(ShopData shop, Table deletedOrders) {
    return of(
        shop,
        deletedOrders,
        fakeOrders(AppealEvidence.of(shop, deletedOrders, BatchCauses.of(shop, deletedOrders))));
  }

  /**
   * @param fakeOrders the deleted sub-orders judged fake (see {@link #fakeOrders}): the only orders
   *     left out of the GMV series
   */
  public static Result of(ShopData shop, Table deletedOrders, Set<String> fakeOrders) {
    Map<String, LocalDate> affected = ImpactFrame.of(shop, deletedOrders).splits();
    SeriesImpact.MetricImpact visitors;
    SeriesImpact.MetricImpact impressions;
    SeriesImpact.MetricImpact conversion;
    if (affected.isEmpty()) {
      visitors = SeriesImpact.MetricImpact.notMeasured("visitors", ImpactFrame.NO_DELETIONS);
      impressions = SeriesImpact.MetricImpact.notMeasured("impressions", ImpactFrame.NO_DELETIONS);
      conversion = SeriesImpact.MetricImpact.notMeasured("conversion", ImpactFrame.NO_DELETIONS);
    } else if (!shop.has(FileKind.TRAFFIC)) {
      Reason upload = Reason.of("upload", NEEDS_TRAFFIC);
      visitors = SeriesImpact.MetricImpact.notMeasured("visitors", upload);
      impressions = SeriesImpact.MetricImpact.notMeasured("impressions", upload);
      conversion = SeriesImpact.MetricImpact.notMeasured("conversion", upload);
    } else {
      DailyPanel traffic =
          DailyPanel.of(
              dailyTraffic(shop.table(FileKind.TRAFFIC)), "visitors", "impressions", "buyers");
      List<String> controls = controls(traffic, affected);
      visitors =
          SeriesImpact.estimate(
              "visitors", traffic, affected, controls, SeriesImpact.products("visitors"));
      impressions =
          SeriesImpact.estimate(
              "impressions", traffic, affected, controls, SeriesImpact.products("impressions"));
      conversion =
          SeriesImpact.estimate(
              "buyers",
              traffic,
              affected,
              controls,
              (panel, product, candidates, firstPostDay) ->
                  Controls.pooled(
                      "expected buyers at the unaffected products' conversion",
                      expectedBuyers(
                          panel,
                          product,
                          panel.activeBefore(
                              "visitors",
                              panel.days().get(0).plusDays(firstPostDay),
                              candidates))));
    }
    SeriesImpact.MetricImpact gmv;
    if (affected.isEmpty()) {
      gmv = SeriesImpact.MetricImpact.notMeasured("gmv", ImpactFrame.NO_DELETIONS);
    } else {
      DailyPanel sales = DailyPanel.of(dailyGmv(shop, deletedOrders, fakeOrders), "gmv");
      gmv =
          SeriesImpact.estimate(
              "gmv", sales, affected, controls(sales, affected), SeriesImpact.products("gmv"));
    }
    return new Result(visitors, impressions, conversion, gmv);
  }

  /**
   * Buyers the product would have had at its actual visitors if it converted like the unaffected
   * products do that day: the regressor of the conversion estimate, so a shop-wide change in
   * conversion (a promotion) is not counted as damage, and lost visitors are not counted twice.
   */
  static double[] expectedBuyers(DailyPanel panel, String product, List<String> controls) {
    double[] visitors = panel.series("visitors", product);
    double[] controlBuyers = panel.sum("buyers", controls);
    double[] controlVisitors = panel.sum("visitors", controls);
    double[] expected = new double[visitors.length];
    for (int t = 0; t < visitors.length; t++) {
      double rate = controlVisitors[t] == 0 ? 0 : controlBuyers[t] / controlVisitors[t];
      expected[t] = visitors[t] * rate;
    }
    return expected;
  }

  /** The unaffected products of a panel. */
  static List<String> controls(DailyPanel panel, Map<String, LocalDate> affected) {
    return panel.products().stream().filter(p -> !affected.containsKey(p)).toList();
  }

  /** One row per product and day with visitors, impressions and buyers (成交人数, else 成交订单数). */
  static Table dailyTraffic(Table traffic) {
    Table t =
        Views.columns(
                traffic,
                ColumnNames.PRODUCT_ID,
                ColumnNames.DATE,
                ColumnNames.VISITORS,
                ColumnNames.IMPRESSIONS,
                ColumnNames.BUYERS,
                ColumnNames.PAID_ORDERS)
            .copy();
    var buyers = t.intColumn(ColumnNames.BUYERS);
    var orders = t.intColumn(ColumnNames.PAID_ORDERS);
    for (int row = 0; row < t.rowCount(); row++) {
      if (buyers.isMissing(row) && !orders.isMissing(row)) {
        buyers.set(row, orders.get(row));
      }
    }
    return ProductDays.sums(t, "visitors", "impressions", "buyers");
  }

  /**
   * The deleted sub-orders that look like the fakes the rule punishes: those of a batch judged a
   * violation, or with a sign of a fake of their own (any {@link OrderEvidence.Flag}). The other
   * deleted orders were real, paid sales the platform took off the count: they stay in the GMV
   * series, or a system error's pre-period would be lowered and its loss read as none.
   */
  public static Set<String> fakeOrders(List<OrderEvidence> evidence) {
    Set<String> fake = new HashSet<>();
    for (OrderEvidence e : evidence) {
      if (!e.flags().isEmpty()) {
        fake.add(e.orderId());
      }
    }
    return fake;
  }

  /**
   * The GMV series per product and day, fake orders out of both periods: the traffic export's 成交金额
   * where it is uploaded (the platform's own daily figure), minus the fake orders' paid amounts;
   * else the paid orders of the orders export.
   */
  static Table dailyGmv(ShopData shop, Table deletedOrders, Set<String> fakeOrders) {
    if (shop.has(FileKind.TRAFFIC)
        && shop.table(FileKind.TRAFFIC).columnNames().contains(ColumnNames.GMV)
        && shop.table(FileKind.TRAFFIC).numberColumn(ColumnNames.GMV).countMissing()
            < shop.table(FileKind.TRAFFIC).rowCount()) {
      Table traffic =
          Views.columns(
                  shop.table(FileKind.TRAFFIC),
                  ColumnNames.PRODUCT_ID,
                  ColumnNames.DATE,
                  ColumnNames.GMV)
              .copy();
      Table fake =
          Views.columns(
                  deletedOrders,
                  ColumnNames.PRODUCT_ID,
                  ColumnNames.PAID_AT,
                  ColumnNames.PAYABLE_AMOUNT)
              .where(
                  deletedOrders
                      .stringColumn(ColumnNames.SUB_ORDER_ID)
                      .isIn(fakeOrders)
                      .and(deletedOrders.dateTimeColumn(ColumnNames.PAID_AT).isNotMissing()));
      DoubleColumn minus = DoubleColumn.create("gmv", fake.rowCount());
      for (int row = 0; row < fake.rowCount(); row++) {
        minus.set(row, -fake.doubleColumn(ColumnNames.PAYABLE_AMOUNT).getDouble(row));
      }
      Table removed =
          Table.create(
              fake.stringColumn(ColumnNames.PRODUCT_ID).copy(),
              fake.dateTimeColumn(ColumnNames.PAID_AT).date().setName(ColumnNames.DATE),
              minus);
      Table both =
          Table.create(
              traffic.stringColumn(ColumnNames.PRODUCT_ID),
              traffic.dateColumn(ColumnNames.DATE),
              traffic.numberColumn(ColumnNames.GMV).asDoubleColumn().setName("gmv"));
      both.append(removed);
      return ProductDays.sums(both, "gmv");
    }
    return dailySales(shop.orders(), fakeOrders);
  }

  /**
   * Paid money per product and day from the orders export, without closed orders and without the
   * given orders (the fakes: a violation's fake orders would otherwise inflate the days before the
   * deletion).
   */
  static Table dailySales(Table orders, Set<String> leftOut) {
    return PaidOrders.dailySales(PaidOrders.of(orders, leftOut));
  }
}
