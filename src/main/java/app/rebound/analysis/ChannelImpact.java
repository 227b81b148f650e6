package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The GMV loss and the before/after of paid orders split by the orders' 流量来源, 流量渠道 and 流量体裁: a
 * deletion of the sales count bites first where the count ranks products (search, recommendation).
 * Each channel is measured on its own with the impact engine (a counterfactual from the unaffected
 * products' sales in the same channel), so the channel losses are separate estimates and need not
 * add up to the shop's total loss: allocating the total by shares would hide exactly the channel
 * difference this view is for.
 */
public final class ChannelImpact {

  /**
   * Fewer paid orders of the affected or the unaffected products before the split: not measured.
   */
  static final int MIN_ORDERS = 20;

  /** Channel values beyond the largest few are pooled into {@link #OTHER}. */
  static final int MAX_VALUES = 6;

  public static final String OTHER = "*other";
  public static final Reason TOO_FEW = Reason.of("too_few_channel_orders", MIN_ORDERS);

  private static final Map<String, String> DIMENSIONS =
      Map.of(
          ColumnNames.TRAFFIC_SOURCE,
          "流量来源",
          ColumnNames.TRAFFIC_CHANNEL,
          "流量渠道",
          ColumnNames.TRAFFIC_FORMAT,
          "流量体裁");

  private ChannelImpact() {}

  /**
   * @param split the shop's first deletion; the before/after periods are the {@link
   *     Periods#BEFORE_DAYS} days before it and the days from it to the end of the orders
   */
  public record Result(
      boolean measured,
      Reason reason,
      LocalDate split,
      int beforeDays,
      int afterDays,
      List<Dimension> dimensions) {}

  /**
   * @param id the orders column: traffic_source, traffic_channel or traffic_format
   * @param label the export's heading
   */
  public record Dimension(String id, String label, List<Channel> channels) {}

  /**
   * One channel value ("" when the export left it blank, {@link #OTHER} for the pooled small ones).
   *
   * @param ordersPerDay paid orders per day: affected before/after, unaffected before/after
   * @param ratio (affected after ÷ before) ÷ (unaffected after ÷ before) of paid orders per day;
   *     null when the channel has too few orders
   * @param loss the counterfactual GMV loss of the affected products in this channel, yuan
   */
  public record Channel(
      String value,
      long affectedOrders,
      long unaffectedOrders,
      double[] ordersPerDay,
      Double ratio,
      ImpactReport.Loss loss) {}

  public static Result of(ShopData shop, Table deletedOrders, Set<String> fakeOrders) {
    ImpactFrame frame = ImpactFrame.of(shop, deletedOrders);
    Reason why = frame.whyNotMeasurable();
    if (why != null) {
      return new Result(false, why, frame.firstDeletion(), 0, 0, List.of());
    }
    Periods periods = Periods.of(frame.firstDeletion(), frame.windowStart(), frame.windowEnd());
    Table orders = shop.orders();
    List<String> columns =
        Stream.of(
                ColumnNames.TRAFFIC_SOURCE, ColumnNames.TRAFFIC_CHANNEL, ColumnNames.TRAFFIC_FORMAT)
            .filter(
                c ->
                    orders.columnNames().contains(c)
                        && orders.stringColumn(c).countMissing() < orders.rowCount())
            .toList();
    // The paid orders read once; each dimension sums the daily tables of all its channels in one
    // pass over this small table.
    Table paid = PaidOrders.of(orders, fakeOrders, columns.toArray(String[]::new));
    List<Dimension> dimensions = new ArrayList<>();
    for (String column : columns) {
      Map<String, Set<String>> groups = groups(orders.stringColumn(column));
      List<PaidOrders.Daily> daily =
          PaidOrders.daily(paid, groupOf(paid.stringColumn(column), groups), groups.size());
      List<Channel> channels = new ArrayList<>();
      int g = 0;
      for (String value : groups.keySet()) {
        channels.add(channel(value, daily.get(g++), frame, periods));
      }
      dimensions.add(new Dimension(column, DIMENSIONS.get(column), channels));
    }
    if (dimensions.isEmpty()) {
      return new Result(
          false,
          Reason.of("no_traffic_source_columns"),
          frame.firstDeletion(),
          periods.beforeDays(),
          periods.afterDays(),
          List.of());
    }
    return new Result(
        true, null, frame.firstDeletion(), periods.beforeDays(), periods.afterDays(), dimensions);
  }

  /**
   * Channel value → the raw values it stands for: the largest by orders one by one, the rest
   * pooled, so a long tail of labels does not become a table of unmeasurable rows.
   */
  static Map<String, Set<String>> groups(StringColumn values) {
    // Counted by raw value first (a few distinct labels, hashes cached), then by trimmed value.
    Map<String, Integer> raw = new HashMap<>();
    for (int row = 0; row < values.size(); row++) {
      raw.merge(values.get(row), 1, Integer::sum);
    }
    Map<String, Integer> counts = new TreeMap<>();
    raw.forEach((value, n) -> counts.merge(value.trim(), n, Integer::sum));
    List<String> bySize =
        counts.keySet().stream()
            .sorted(Comparator.comparing((String v) -> -counts.get(v)).thenComparing(v -> v))
            .toList();
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < bySize.size(); i++) {
      String value = bySize.get(i);
      if (i < MAX_VALUES || bySize.size() == MAX_VALUES + 1) {
        out.put(value, Set.of(value));
      } else {
        out.computeIfAbsent(OTHER, k -> new HashSet<>()).add(value);
      }
    }
    return out;
  }

  /** Each row's group, numbered in the groups' order (values trimmed, as the groups are). */
  private static int[] groupOf(StringColumn values, Map<String, Set<String>> groups) {
    Map<String, Integer> byValue = new HashMap<>();
    int g = 0;
    for (Set<String> group : groups.values()) {
      for (String value : group) {
        byValue.put(value, g);
      }
      g++;
    }
    Map<String, Integer> byRaw = new HashMap<>(); // a few distinct labels: each trimmed once
    int[] out = new int[values.size()];
    for (int row = 0; row < values.size(); row++) {
      out[row] = byRaw.computeIfAbsent(values.get(row), raw -> byValue.get(raw.trim()));
    }
    return out;
  }

  /**
   * @param tables the channel's daily tables of {@link PaidOrders}
   */
  private static Channel channel(
      String value, PaidOrders.Daily tables, ImpactFrame frame, Periods periods) {
    Table daily = tables.sales();
    Table counts = tables.counts();
    double[] a = periods.totals(counts, "paid", frame.splits().keySet());
    double[] u = periods.totals(counts, "paid", frame.unaffected());
    // At least one day each, so a deletion on the export's first or last day gives zeros, not NaN.
    int before = Math.max(1, periods.beforeDays());
    int after = Math.max(1, periods.afterDays());
    double[] perDay = {a[0] / before, a[1] / after, u[0] / before, u[1] / after};
    // A thin channel gets its counts but no ratio and no loss: a number from a handful of orders
    // would be read as a finding.
    Double ratio = null;
    ImpactReport.Loss loss;
    if (a[0] < MIN_ORDERS || u[0] < MIN_ORDERS || periods.afterDays() == 0) {
      loss = ImpactReport.neutralLoss(SeriesImpact.MetricImpact.notMeasured("gmv", TOO_FEW));
    } else {
      ratio = (perDay[1] / perDay[0]) / (perDay[3] / perDay[2]);
      loss = ImpactReport.neutralLoss(gmvLoss(daily, frame));
    }
    return new Channel(
        value, Math.round(a[0] + a[1]), Math.round(u[0] + u[1]), perDay, ratio, loss);
  }

  /**
   * The engine on one channel's daily GMV: the affected products that sold in it, against the
   * unaffected products that did. The window is pinned to the whole orders export so each product's
   * deletion day keeps its index.
   */
  static SeriesImpact.MetricImpact gmvLoss(Table daily, ImpactFrame frame) {
    Table pinned = daily.copy();
    if (pinned.rowCount() > 0) {
      String any = pinned.stringColumn(ColumnNames.PRODUCT_ID).get(0);
      for (LocalDate day : List.of(frame.windowStart(), frame.windowEnd())) {
        pinned.stringColumn(ColumnNames.PRODUCT_ID).append(any);
        pinned.dateColumn(ColumnNames.DATE).append(day);
        pinned.doubleColumn(ColumnNames.GMV).append(0.0);
      }
    }
    DailyPanel panel = DailyPanel.of(pinned, "gmv");
    Map<String, LocalDate> affected = new TreeMap<>();
    for (var e : frame.splits().entrySet()) {
      if (panel.products().contains(e.getKey())) {
        affected.put(e.getKey(), e.getValue());
      }
    }
    if (affected.isEmpty()) {
      return SeriesImpact.MetricImpact.notMeasured("gmv", TOO_FEW);
    }
    return SeriesImpact.estimate(
        "gmv",
        panel,
        affected,
        TrafficImpact.controls(panel, affected),
        SeriesImpact.products("gmv"));
  }
}
