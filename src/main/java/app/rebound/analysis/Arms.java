package app.rebound.analysis;

import app.rebound.analysis.Did.Stats;
import app.rebound.analysis.Measure.Arm;
import app.rebound.analysis.Measure.Effect;
import app.rebound.ingest.ColumnNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds measures from the two shapes of data the impact stages produce: unit rows (one review, one
 * paid order: product_id, date, value) and product-day series (one value per product per day of the
 * window).
 */
final class Arms {

  private Arms() {}

  /** The four cells of a DiD: affected and unaffected, before and after. */
  record Cells(Stats a0, Stats a1, Stats u0, Stats u1) {

    /**
     * Why the first cell with fewer than min units is too thin (too_few_reviews_affected_before:
     * its count and the minimum); null when all have enough.
     *
     * @param noun what the cells count: reviews or paid_orders
     */
    Reason shortOf(int min, String noun) {
      String[] names = {
        "affected_before", "affected_after", "unaffected_before", "unaffected_after"
      };
      Stats[] cells = {a0, a1, u0, u1};
      for (int i = 0; i < cells.length; i++) {
        if (cells[i].n() < min) {
          return Reason.of("too_few_" + noun + "_" + names[i], cells[i].n(), min);
        }
      }
      return null;
    }
  }

  /**
   * Stage: unit rows (product_id, date, value) summed per product and day into count, sum and sum
   * of squares, so the cells of every product are sorted from a few rows per product-day instead of
   * every order or review again.
   */
  static Daily daily(Table units) {
    return daily(units, "value");
  }

  /** The same from any numeric column of rows with product_id and date. */
  static Daily daily(Table rows, String column) {
    return new Daily(ProductDays.moments(rows, column));
  }

  /**
   * Daily unit sums (product_id, date, n, sum, sum_sq) with the two lookups that let cells() be
   * asked once per product without reading every row each time: each product's rows, and the
   * per-day totals of the comparison products (the same set for every product of a shop). A
   * catalogue of 2,000 products over a year is otherwise billions of row visits.
   */
  static final class Daily {
    private final Table table;
    private final Map<String, List<Integer>> rowsByProduct = new HashMap<>();
    private Set<String> totalsOf;
    private NavigableMap<LocalDate, double[]> totals;

    Daily(Table table) {
      this.table = table;
      StringColumn products = table.stringColumn(ColumnNames.PRODUCT_ID);
      for (int row = 0; row < table.rowCount(); row++) {
        rowsByProduct.computeIfAbsent(products.get(row), p -> new ArrayList<>()).add(row);
      }
    }

    /** n, sum and sum of squares per day over the products. */
    NavigableMap<LocalDate, double[]> totals(Set<String> products) {
      if (products != totalsOf) { // asked with the same set object for every product of a shop
        NavigableMap<LocalDate, double[]> out = new TreeMap<>();
        DateColumn dates = table.dateColumn(ColumnNames.DATE);
        NumericColumn<?> counts = table.numberColumn("n");
        NumericColumn<?> sums = table.numberColumn("sum");
        NumericColumn<?> squares = table.numberColumn("sum_sq");
        for (String product : products) {
          for (int row : rowsByProduct.getOrDefault(product, List.of())) {
            double[] t = out.computeIfAbsent(dates.get(row), d -> new double[3]);
            t[0] += counts.getDouble(row);
            t[1] += sums.getDouble(row);
            t[2] += squares.getDouble(row);
          }
        }
        totalsOf = products;
        totals = out;
      }
      return totals;
    }
  }

  /**
   * Sorts daily unit sums (see {@link #daily}) into the four cells. An affected product is split at
   * its own date; unaffected products at unaffectedSplit. Days in the excludeDays before a split
   * count in neither period. Products in neither set are ignored; a product in both counts as
   * affected. The values are counts, ratings and 0/1 flags, so the sums are exact whatever order
   * they are added in.
   */
  static Cells cells(
      Daily daily,
      Map<String, LocalDate> affected,
      Set<String> unaffected,
      LocalDate unaffectedSplit,
      int excludeDays) {
    Stats[] a = {Stats.EMPTY, Stats.EMPTY};
    Stats[] u = {Stats.EMPTY, Stats.EMPTY};
    Table t = daily.table;
    DateColumn dates = t.dateColumn(ColumnNames.DATE);
    NumericColumn<?> counts = t.numberColumn("n");
    NumericColumn<?> sums = t.numberColumn("sum");
    NumericColumn<?> squares = t.numberColumn("sum_sq");
    for (var entry : affected.entrySet()) {
      LocalDate split = entry.getValue();
      for (int row : daily.rowsByProduct.getOrDefault(entry.getKey(), List.of())) {
        int period = period(dates.get(row), split, excludeDays);
        if (period >= 0) {
          a[period] =
              a[period].plus(
                  Math.round(counts.getDouble(row)), sums.getDouble(row), squares.getDouble(row));
        }
      }
    }
    Set<String> comparison = unaffected;
    if (!Collections.disjoint(affected.keySet(), unaffected)) {
      comparison = new HashSet<>(unaffected);
      comparison.removeAll(affected.keySet());
    }
    for (var day : daily.totals(comparison).entrySet()) {
      int period = period(day.getKey(), unaffectedSplit, excludeDays);
      if (period >= 0) {
        double[] v = day.getValue();
        u[period] = u[period].plus(Math.round(v[0]), v[1], v[2]);
      }
    }
    return new Cells(a[0], a[1], u[0], u[1]);
  }

  /**
   * 1 on or after the split, 0 before it (outside the excluded days just before it), -1 in them.
   */
  private static int period(LocalDate date, LocalDate split, int excludeDays) {
    if (!date.isBefore(split)) {
      return 1;
    }
    return date.isBefore(split.minusDays(excludeDays)) ? 0 : -1;
  }

  /** A share measure (values 0/1) from four cells. */
  static Measure share(String id, String scope, String needs, Cells c, int min, String noun) {
    Arm a =
        Arm.of(c.a0().n(), c.a1().n(), c.a0().hits(), c.a1().hits(), c.a0().mean(), c.a1().mean());
    Arm u =
        Arm.of(c.u0().n(), c.u1().n(), c.u0().hits(), c.u1().hits(), c.u0().mean(), c.u1().mean());
    Reason whyNot = c.shortOf(min, noun);
    Effect effect = whyNot == null ? Did.proportions(c.a0(), c.a1(), c.u0(), c.u1()) : null;
    return Measure.of(id, scope, "share", needs, a, u, effect, whyNot);
  }

  /** A mean measure (average rating) from four cells. */
  static Measure mean(
      String id, String scope, String unit, String needs, Cells c, int min, String noun) {
    Arm a = Arm.of(c.a0().n(), c.a1().n(), null, null, c.a0().mean(), c.a1().mean());
    Arm u = Arm.of(c.u0().n(), c.u1().n(), null, null, c.u0().mean(), c.u1().mean());
    Reason whyNot = c.shortOf(min, noun);
    Effect effect = whyNot == null ? Did.means(c.a0(), c.a1(), c.u0(), c.u1()) : null;
    return Measure.of(id, scope, unit, needs, a, u, effect, whyNot);
  }

  /**
   * A measure over product-day series: each product's mean per day before and after its split
   * (times scale, e.g. 30 for "per 30 days"), the products as units. Products whose split leaves no
   * day before or after inside the window are left out.
   */
  static Measure perProductDay(
      String id,
      String scope,
      String unit,
      String needs,
      Map<String, double[]> daily,
      Map<String, LocalDate> affected,
      Set<String> unaffected,
      LocalDate unaffectedSplit,
      ImpactFrame frame,
      double scale) {
    List<double[]> a = new ArrayList<>();
    for (var entry : affected.entrySet()) {
      double[] pair = beforeAfter(daily.get(entry.getKey()), frame.index(entry.getValue()), scale);
      if (pair != null) {
        a.add(pair);
      }
    }
    List<double[]> u = new ArrayList<>();
    for (String product : unaffected) {
      double[] pair = beforeAfter(daily.get(product), frame.index(unaffectedSplit), scale);
      if (pair != null) {
        u.add(pair);
      }
    }
    Arm armA = productArm(a);
    Arm armU = productArm(u);
    Reason whyNot = null;
    if (a.isEmpty()) {
      whyNot = Reason.of("no_affected_days_around_deletion");
    } else if (u.size() < 2) {
      whyNot = Reason.of("few_unaffected", u.size(), 2);
    }
    Effect effect = whyNot == null ? Did.unitChanges(changes(a), changes(u)) : null;
    return Measure.of(id, scope, unit, needs, armA, armU, effect, whyNot);
  }

  private static double[] beforeAfter(double[] series, int split, double scale) {
    if (series == null || split <= 0 || split >= series.length) {
      return null;
    }
    double before = 0;
    for (int d = 0; d < split; d++) {
      before += series[d];
    }
    double after = 0;
    for (int d = split; d < series.length; d++) {
      after += series[d];
    }
    return new double[] {scale * before / split, scale * after / (series.length - split)};
  }

  private static Arm productArm(List<double[]> pairs) {
    if (pairs.isEmpty()) {
      return Arm.of(0, 0, null, null, null, null);
    }
    double before = 0;
    double after = 0;
    for (double[] p : pairs) {
      before += p[0];
      after += p[1];
    }
    return Arm.of(
        pairs.size(), pairs.size(), null, null, before / pairs.size(), after / pairs.size());
  }

  private static double[] changes(List<double[]> pairs) {
    return pairs.stream().mapToDouble(p -> p[1] - p[0]).toArray();
  }

  /** An empty unit table (product_id, date, value) to fill. */
  static Table unitTable(String name) {
    return Table.create(
        name,
        StringColumn.create(ColumnNames.PRODUCT_ID),
        DateColumn.create(ColumnNames.DATE),
        DoubleColumn.create("value"));
  }

  /**
   * Stage to series: unit rows (product_id, date, value) per calendar day or per week (dated by its
   * Monday), affected beside unaffected, from the first to the last row's date. With mean, a period
   * without rows is null; otherwise values are summed and an empty period is 0.
   */
  static List<Series.Point> points(
      Table units, Set<String> affected, Set<String> unaffected, boolean weekly, boolean mean) {
    TreeMap<LocalDate, Stats[]> cells = new TreeMap<>();
    StringColumn products = units.stringColumn(ColumnNames.PRODUCT_ID);
    DateColumn dates = units.dateColumn(ColumnNames.DATE);
    DoubleColumn values = units.doubleColumn("value");
    LocalDate first = null;
    LocalDate last = null;
    for (int row = 0; row < units.rowCount(); row++) {
      String product = products.get(row);
      int arm = affected.contains(product) ? 0 : unaffected.contains(product) ? 1 : -1;
      if (arm < 0) {
        continue;
      }
      LocalDate key = periodOf(dates.get(row), weekly);
      first = first == null || key.isBefore(first) ? key : first;
      last = last == null || key.isAfter(last) ? key : last;
      Stats[] pair = cells.computeIfAbsent(key, k -> new Stats[] {Stats.EMPTY, Stats.EMPTY});
      pair[arm] = pair[arm].add(values.get(row));
    }
    List<Series.Point> out = new ArrayList<>();
    if (first == null) {
      return out;
    }
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(weekly ? 7 : 1)) {
      Stats[] pair = cells.getOrDefault(d, new Stats[] {Stats.EMPTY, Stats.EMPTY});
      out.add(new Series.Point(d, value(pair[0], mean), value(pair[1], mean)));
    }
    return out;
  }

  static LocalDate periodOf(LocalDate date, boolean weekly) {
    return weekly ? date.minusDays(date.getDayOfWeek().getValue() - 1L) : date;
  }

  private static Double value(Stats s, boolean mean) {
    return mean ? s.mean() : Double.valueOf(s.sum());
  }
}
