package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Daily series per product over one calendar window: a product-by-day matrix per metric, days
 * without a row counted as zero (exports list a product's day only when it had activity). Built
 * from a daily Tablesaw table with product_id, date and numeric metric columns.
 */
public final class DailyPanel {

  private final List<LocalDate> days;
  private final List<String> products;

  /** Each product's row in the metric matrices: series() is asked products × controls times. */
  private final Map<String, Integer> productIndex = new HashMap<>();

  private final Map<String, double[][]> metrics = new LinkedHashMap<>();

  private DailyPanel(List<LocalDate> days, List<String> products) {
    this.days = days;
    this.products = products;
    for (int i = 0; i < products.size(); i++) {
      productIndex.put(products.get(i), i);
    }
  }

  /**
   * @param daily one row per product and day (duplicates are summed), with the given metric columns
   */
  public static DailyPanel of(Table daily, String... metricColumns) {
    DateColumn dates = daily.dateColumn(ColumnNames.DATE);
    LocalDate first = dates.min();
    LocalDate last = dates.max();
    List<LocalDate> days =
        first == null
            ? List.of()
            : Stream.iterate(first, d -> !d.isAfter(last), d -> d.plusDays(1)).toList();
    List<String> products =
        daily.stringColumn(ColumnNames.PRODUCT_ID).unique().asList().stream().sorted().toList();
    DailyPanel panel = new DailyPanel(days, products);
    StringColumn ids = daily.stringColumn(ColumnNames.PRODUCT_ID);
    for (String metric : metricColumns) {
      double[][] values = new double[products.size()][days.size()];
      NumericColumn<?> column = daily.numberColumn(metric);
      for (int row = 0; row < daily.rowCount(); row++) {
        if (column.isMissing(row)) {
          continue;
        }
        int day = (int) (dates.get(row).toEpochDay() - first.toEpochDay());
        values[panel.productIndex.get(ids.get(row))][day] += column.getDouble(row);
      }
      panel.metrics.put(metric, values);
    }
    return panel;
  }

  public List<LocalDate> days() {
    return days;
  }

  public List<String> products() {
    return products;
  }

  public boolean has(String metric) {
    return metrics.containsKey(metric);
  }

  /** The product's series of a metric (zeros when the product is not in the panel). */
  public double[] series(String metric, String product) {
    Integer index = productIndex.get(product);
    return index == null ? new double[days.size()] : metrics.get(metric)[index];
  }

  /** The element-wise sum of a metric over the given products. */
  public double[] sum(String metric, List<String> over) {
    double[] total = new double[days.size()];
    for (String product : over) {
      double[] s = series(metric, product);
      for (int t = 0; t < total.length; t++) {
        total[t] += s[t];
      }
    }
    return total;
  }

  /**
   * The products with any positive value of the metric before the given day: usable as controls.
   */
  public List<String> activeBefore(String metric, LocalDate day, List<String> candidates) {
    int end = dayIndex(day);
    List<String> active = new ArrayList<>();
    for (String product : candidates) {
      double[] s = series(metric, product);
      for (int t = 0; t < Math.min(end, s.length); t++) {
        if (s[t] > 0) {
          active.add(product);
          break;
        }
      }
    }
    return active;
  }

  /**
   * The index of a day in the window (may be outside 0..days-1 when the day is outside the window).
   */
  public int dayIndex(LocalDate day) {
    return days.isEmpty() ? 0 : (int) (day.toEpochDay() - days.get(0).toEpochDay());
  }
}
