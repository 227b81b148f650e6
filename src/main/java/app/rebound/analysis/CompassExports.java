package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the 罗盘 exports beside the product cards add, read as they are (plain figures, no
 * counterfactual): the whole shop's daily exposure and clicks from 成交分析·成交概览 before and after the
 * first deletion; the product cards' channels from 商品卡流量来源 over the latest period uploaded; and
 * 成交分析·商品构成's money paid held against the orders export's on the same product-days. None of them
 * enters the impact engine.
 */
public final class CompassExports {

  public static final String DEAL_WORKBOOK = "抖音电商罗盘-成交分析-YYYYMMDD-YYYYMMDD.xlsx";
  public static final String SOURCES_FILE = "商品卡流量分析流量来源数据_YYYY_MM_DD~YYYY_MM_DD.xlsx";
  static final Reason NO_DAYS_BEFORE = Reason.of("compass_no_days_before");
  static final Reason NO_DAYS_AFTER = Reason.of("compass_no_days_after");

  /** Periods by their last day, then by their first. */
  private static final Comparator<List<LocalDate>> PERIOD_ORDER =
      Comparator.<List<LocalDate>, LocalDate>comparing(p -> p.get(1)).thenComparing(p -> p.get(0));

  private CompassExports() {}

  public record Result(ShopTraffic shopTraffic, Sources sources, DealProducts dealProducts) {}

  /**
   * The shop's exposure, clicks and GMV per day (成交概览 summed over 载体类型) in the {@link
   * Periods#BEFORE_DAYS} days before the first deletion and from it to the sheet's last day: a
   * plain before/after change, not a causal estimate. Days are those the sheet holds.
   *
   * @param beforeFrom first day of the before period held in the sheet (beforeTo its last, …)
   * @param rows impressions, visitors and gmv (when the sheet has 成交金额)
   */
  public record ShopTraffic(
      boolean measured,
      Reason reason,
      LocalDate split,
      LocalDate beforeFrom,
      LocalDate beforeTo,
      LocalDate afterFrom,
      LocalDate afterTo,
      int beforeDays,
      int afterDays,
      List<Change> rows) {}

  /**
   * One figure per day before and after, and after ÷ before − 1 (null when before is 0).
   *
   * @param id impressions, visitors or gmv
   */
  public record Change(String id, double before, double after, Double change) {}

  /**
   * The channels of the latest period uploaded (the one ending last; of two ending the same day,
   * the one starting last), as the file gives them: periods are never added up, so overlapping
   * uploads do not count a visitor twice.
   *
   * @param periods how many periods the shop uploaded
   */
  public record Sources(
      boolean measured,
      Reason reason,
      LocalDate from,
      LocalDate to,
      int periods,
      List<SourceRow> rows) {}

  /** One channel; null where the file has no such column. */
  public record SourceRow(
      String channel,
      String subChannel,
      long impressions,
      long visitors,
      Double clickRate,
      Double gmv,
      Integer buyers,
      Double conversionRate) {}

  /**
   * 商品构成's 用户支付金额 per product over the days it covers, beside the orders export's paid money on the
   * same product-days, and the product-days where 罗盘 has sales the orders lack.
   */
  public record DealProducts(
      boolean measured,
      Reason reason,
      LocalDate from,
      LocalDate to,
      double gmv,
      double ordersGmv,
      int daysOrdersLack,
      double gmvOrdersLack,
      List<DealProduct> rows) {}

  public record DealProduct(
      String productId,
      String name,
      double gmv,
      double refunds,
      double ordersGmv,
      int daysOrdersLack,
      double gmvOrdersLack) {}

  public static Result of(ShopData shop, LocalDate firstDeletion) {
    return new Result(
        shopTraffic(shop.table(FileKind.DEAL_OVERVIEW), firstDeletion),
        sources(shop.table(FileKind.TRAFFIC_SOURCES)),
        dealProducts(shop.table(FileKind.DEAL_PRODUCTS), shop.orders()));
  }

  static ShopTraffic shopTraffic(Table overview, LocalDate split) {
    if (overview.isEmpty()) {
      return notMeasured(Reason.of("upload", DEAL_WORKBOOK), split);
    }
    if (split == null) {
      return notMeasured(ImpactFrame.NO_DELETIONS, null);
    }
    boolean hasGmv = overview.doubleColumn(ColumnNames.GMV).countMissing() < overview.rowCount();
    // Day → impressions, visitors, gmv summed over 载体类型.
    TreeMap<LocalDate, double[]> days = new TreeMap<>();
    DateColumn dates = overview.dateColumn(ColumnNames.DATE);
    IntColumn impressions = overview.intColumn(ColumnNames.IMPRESSIONS);
    IntColumn visitors = overview.intColumn(ColumnNames.VISITORS);
    DoubleColumn gmv = overview.doubleColumn(ColumnNames.GMV);
    for (int row = 0; row < overview.rowCount(); row++) {
      double[] day = days.computeIfAbsent(dates.get(row), d -> new double[3]);
      day[0] += impressions.getInt(row);
      day[1] += visitors.getInt(row);
      day[2] += gmv.isMissing(row) ? 0 : gmv.getDouble(row);
    }
    LocalDate first = days.firstKey();
    LocalDate last = days.lastKey();
    Periods periods = Periods.of(split, first, last);
    double[][] sums = new double[2][3];
    List<List<LocalDate>> held = List.of(new ArrayList<>(), new ArrayList<>());
    for (var e : days.entrySet()) {
      int p = periods.period(e.getKey());
      if (p < 0) {
        continue;
      }
      held.get(p).add(e.getKey());
      for (int i = 0; i < 3; i++) {
        sums[p][i] += e.getValue()[i];
      }
    }
    List<LocalDate> before = held.get(0);
    List<LocalDate> after = held.get(1);
    if (before.isEmpty() || after.isEmpty()) {
      return notMeasured(before.isEmpty() ? NO_DAYS_BEFORE : NO_DAYS_AFTER, split);
    }
    List<Change> rows = new ArrayList<>();
    List<String> ids =
        hasGmv ? List.of("impressions", "visitors", "gmv") : List.of("impressions", "visitors");
    for (int i = 0; i < ids.size(); i++) {
      double b = sums[0][i] / before.size();
      double a = sums[1][i] / after.size();
      rows.add(
          new Change(
              ids.get(i),
              ImpactReport.round(b, 2),
              ImpactReport.round(a, 2),
              b == 0 ? null : ImpactReport.round(a / b - 1, 4)));
    }
    return new ShopTraffic(
        true,
        null,
        split,
        before.get(0),
        before.get(before.size() - 1),
        after.get(0),
        after.get(after.size() - 1),
        before.size(),
        after.size(),
        rows);
  }

  private static ShopTraffic notMeasured(Reason why, LocalDate split) {
    return new ShopTraffic(false, why, split, null, null, null, null, 0, 0, List.of());
  }

  static Sources sources(Table sources) {
    if (sources.isEmpty()) {
      return new Sources(false, Reason.of("upload", SOURCES_FILE), null, null, 0, List.of());
    }
    DateColumn starts = sources.dateColumn("period_start");
    DateColumn ends = sources.dateColumn("period_end");
    TreeSet<List<LocalDate>> periods = new TreeSet<>(PERIOD_ORDER);
    for (int row = 0; row < sources.rowCount(); row++) {
      periods.add(List.of(starts.get(row), ends.get(row)));
    }
    List<LocalDate> latest = periods.last();
    List<SourceRow> rows = new ArrayList<>();
    for (int row = 0; row < sources.rowCount(); row++) {
      if (starts.get(row).equals(latest.get(0)) && ends.get(row).equals(latest.get(1))) {
        rows.add(
            new SourceRow(
                sources.stringColumn(ColumnNames.CHANNEL).get(row),
                sources.stringColumn(ColumnNames.SUB_CHANNEL).get(row),
                sources.intColumn(ColumnNames.IMPRESSIONS).getInt(row),
                sources.intColumn(ColumnNames.VISITORS).getInt(row),
                orNull(sources.doubleColumn("click_rate"), row),
                orNull(sources.doubleColumn(ColumnNames.GMV), row),
                sources.intColumn(ColumnNames.BUYERS).isMissing(row)
                    ? null
                    : sources.intColumn(ColumnNames.BUYERS).getInt(row),
                orNull(sources.doubleColumn("conversion_rate"), row)));
      }
    }
    rows.sort(
        Comparator.comparingLong(SourceRow::impressions)
            .reversed()
            .thenComparing(SourceRow::channel)
            .thenComparing(SourceRow::subChannel));
    return new Sources(true, null, latest.get(0), latest.get(1), periods.size(), rows);
  }

  private static Double orNull(DoubleColumn column, int row) {
    return column.isMissing(row) ? null : column.getDouble(row);
  }

  static DealProducts dealProducts(Table deal, Table orders) {
    if (deal.isEmpty()) {
      return new DealProducts(
          false, Reason.of("upload", DEAL_WORKBOOK), null, null, 0, 0, 0, 0, List.of());
    }
    // Every paid order that was not closed, the deleted and the doubtful too: 罗盘 counts them.
    Table ordersDaily = TrafficImpact.dailySales(orders, Set.of());
    Map<String, Double> ordersByDay = new HashMap<>();
    for (int row = 0; row < ordersDaily.rowCount(); row++) {
      ordersByDay.merge(
          key(
              ordersDaily.stringColumn(ColumnNames.PRODUCT_ID).get(row),
              ordersDaily.dateColumn(ColumnNames.DATE).get(row)),
          ordersDaily.doubleColumn(ColumnNames.GMV).getDouble(row),
          Double::sum);
    }
    // Product → day → [罗盘 gmv summed over 载体类型, refunds]; names as the sheet writes them.
    Map<String, Map<LocalDate, double[]>> byProduct = new TreeMap<>();
    Map<String, String> names = new HashMap<>();
    StringColumn ids = deal.stringColumn(ColumnNames.PRODUCT_ID);
    DateColumn dates = deal.dateColumn(ColumnNames.DATE);
    DoubleColumn gmv = deal.doubleColumn(ColumnNames.GMV);
    DoubleColumn refunds = deal.doubleColumn(ColumnNames.REFUND_AMOUNT);
    for (int row = 0; row < deal.rowCount(); row++) {
      double[] day =
          byProduct
              .computeIfAbsent(ids.get(row), p -> new TreeMap<>())
              .computeIfAbsent(dates.get(row), d -> new double[2]);
      day[0] += gmv.getDouble(row);
      day[1] += refunds.isMissing(row) ? 0 : refunds.getDouble(row);
      String name = deal.stringColumn(ColumnNames.PRODUCT_NAME).get(row);
      if (!name.isEmpty()) {
        names.putIfAbsent(ids.get(row), name);
      }
    }
    List<DealProduct> rows = new ArrayList<>();
    for (var product : byProduct.entrySet()) {
      double compass = 0;
      double refunded = 0;
      double ordered = 0;
      int lacking = 0;
      double lackingGmv = 0;
      for (var day : product.getValue().entrySet()) {
        double paid = day.getValue()[0];
        double inOrders = ordersByDay.getOrDefault(key(product.getKey(), day.getKey()), 0.0);
        compass += paid;
        refunded += day.getValue()[1];
        ordered += inOrders;
        if (paid > 0 && inOrders == 0) {
          lacking++;
          lackingGmv += paid;
        }
      }
      rows.add(
          new DealProduct(
              product.getKey(),
              names.getOrDefault(product.getKey(), ""),
              ImpactReport.round(compass, 2),
              ImpactReport.round(refunded, 2),
              ImpactReport.round(ordered, 2),
              lacking,
              ImpactReport.round(lackingGmv, 2)));
    }
    rows.sort(
        Comparator.comparingDouble(DealProduct::gmv)
            .reversed()
            .thenComparing(DealProduct::productId));
    return new DealProducts(
        true,
        null,
        dates.min(),
        dates.max(),
        ImpactReport.round(rows.stream().mapToDouble(DealProduct::gmv).sum(), 2),
        ImpactReport.round(rows.stream().mapToDouble(DealProduct::ordersGmv).sum(), 2),
        rows.stream().mapToInt(DealProduct::daysOrdersLack).sum(),
        ImpactReport.round(rows.stream().mapToDouble(DealProduct::gmvOrdersLack).sum(), 2),
        rows);
  }

  private static String key(String product, LocalDate day) {
    return product + "|" + day;
  }
}
