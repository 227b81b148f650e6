package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tech.tablesaw.aggregate.AggregateFunctions.count;
import static tech.tablesaw.aggregate.AggregateFunctions.median;
import static tech.tablesaw.aggregate.AggregateFunctions.sum;
import static tech.tablesaw.aggregate.AggregateFunctions.sumOfSquares;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * The hand-written groupings (CodeGroups through ProductDays and ByProduct) exist only because
 * summarize().by() is slow over a million rows: on random tables with missing values they must give
 * Tablesaw's figures, in Tablesaw's group order; so must the paid orders' daily tables of each
 * channel, summed in one pass. Did's statistics are checked against Commons Math.
 */
class StandInsMatchTablesawTest {

  private static Table randomRows(long seed) {
    Random random = new Random(seed);
    int rows = 1 + random.nextInt(400);
    int products = 1 + random.nextInt(12);
    StringColumn product = StringColumn.create("product_id");
    DateColumn date = DateColumn.create("date");
    DoubleColumn value = DoubleColumn.create("value");
    DoubleColumn other = DoubleColumn.create("other");
    for (int i = 0; i < rows; i++) {
      product.append("p" + random.nextInt(products));
      if (random.nextInt(20) == 0) {
        date.appendMissing();
      } else {
        date.append(LocalDate.of(2026, 5, 1).plusDays(random.nextInt(9)));
      }
      if (random.nextInt(10) == 0) {
        value.appendMissing();
      } else {
        value.append(Math.round(random.nextGaussian() * 1000) / 10.0);
      }
      other.append(random.nextInt(5));
    }
    return Table.create("rows", product, date, value, other);
  }

  /** Tablesaw drops rows whose group key is missing; so does CodeGroups by day. */
  private static Table withDates(Table rows) {
    return rows.where(rows.dateColumn("date").isNotMissing());
  }

  /**
   * Each of our columns against Tablesaw's column of the same figure (Tablesaw names them "Sum
   * [value]" and so on; the key columns share their names), row by row in the same order.
   */
  private static void assertSameTable(Table tablesaw, Table ours, String... pairs) {
    assertEquals(tablesaw.rowCount(), ours.rowCount(), "groups");
    for (int p = 0; p < pairs.length; p += 2) {
      var expected = tablesaw.column(pairs[p]);
      var actual = ours.column(pairs[p + 1]);
      for (int r = 0; r < tablesaw.rowCount(); r++) {
        Object e = expected.get(r);
        Object a = actual.get(r);
        if (e instanceof Double d) {
          assertEquals(d, ((Number) a).doubleValue(), 1e-9, pairs[p] + " row " + r);
        } else {
          assertEquals(e, a, pairs[p] + " row " + r);
        }
      }
    }
  }

  @RepeatedTest(25)
  void product_day_sums_equal_summarize_by_product_and_date(RepetitionInfo run) {
    Table rows = randomRows(run.getCurrentRepetition());
    Table tablesaw = withDates(rows).summarize("value", "other", sum).by("product_id", "date");
    Table ours = ProductDays.sums(rows, "value", "other");
    assertSameTable(
        tablesaw,
        ours,
        "product_id",
        "product_id",
        "date",
        "date",
        "Sum [value]",
        "value",
        "Sum [other]",
        "other");
  }

  @RepeatedTest(25)
  void product_day_moments_equal_summarize_count_sum_and_squares(RepetitionInfo run) {
    Table rows = randomRows(100 + run.getCurrentRepetition());
    Table tablesaw =
        withDates(rows).summarize("value", count, sum, sumOfSquares).by("product_id", "date");
    Table ours = ProductDays.moments(rows, "value");
    assertSameTable(
        tablesaw,
        ours,
        "product_id",
        "product_id",
        "date",
        "date",
        "Count [value]",
        "n",
        "Sum [value]",
        "sum",
        "Sum of Squares [value]",
        "sum_sq");
  }

  @RepeatedTest(25)
  void product_sums_and_medians_equal_summarize_by_product(RepetitionInfo run) {
    Table rows = randomRows(200 + run.getCurrentRepetition());
    assertSameTable(rows.summarize("value", sum).by("product_id"), ByProduct.sums(rows, "value"));
    assertSameTable(
        rows.summarize("value", median).by("product_id"), ByProduct.medians(rows, "value"));
  }

  @RepeatedTest(25)
  void each_groups_paid_order_days_equal_summarize_of_that_groups_rows(RepetitionInfo run) {
    Random random = new Random(300 + run.getCurrentRepetition());
    Table rows = randomRows(300 + run.getCurrentRepetition());
    rows.column("value").setName("payable_amount");
    BooleanColumn closed = BooleanColumn.create("closed");
    DoubleColumn completed = DoubleColumn.create("completed");
    int groups = 1 + random.nextInt(4);
    int[] groupOf = new int[rows.rowCount()];
    for (int row = 0; row < rows.rowCount(); row++) {
      closed.append(random.nextInt(6) == 0);
      completed.append(random.nextInt(2));
      groupOf[row] = random.nextInt(groups);
    }
    rows.addColumns(
        closed,
        DoubleColumn.create("paid", rows.rowCount()).fillWith(1.0),
        completed,
        rows.doubleColumn("other").copy().setName("refunded"));
    List<PaidOrders.Daily> daily = PaidOrders.daily(rows, groupOf, groups);
    for (int g = 0; g < groups; g++) {
      int group = g;
      Table mine =
          withDates(
              rows.where(
                  Selection.with(
                      IntStream.range(0, rows.rowCount())
                          .filter(r -> groupOf[r] == group)
                          .toArray())));
      assertSameTable(
          mine.where(mine.booleanColumn("closed").isFalse())
              .summarize("payable_amount", sum)
              .by("product_id", "date"),
          daily.get(g).sales(),
          "product_id",
          "product_id",
          "date",
          "date",
          "Sum [payable_amount]",
          "gmv");
      assertSameTable(
          mine.summarize("paid", "completed", "refunded", sum).by("product_id", "date"),
          daily.get(g).counts(),
          "product_id",
          "product_id",
          "date",
          "date",
          "Sum [paid]",
          "paid",
          "Sum [completed]",
          "completed",
          "Sum [refunded]",
          "refunded");
    }
  }

  /** Commons Math's own Welch–Satterthwaite degrees of freedom (protected in TTest). */
  private static final class WelchDf extends TTest {
    double of(double[] a, double[] b) {
      return df(new Variance().evaluate(a), new Variance().evaluate(b), a.length, b.length);
    }
  }

  @Test
  void did_welch_interval_equals_commons_math_mean_variance_and_degrees_of_freedom() {
    Random random = new Random(7);
    for (int round = 0; round < 50; round++) {
      double[] a = random.doubles(2 + random.nextInt(30), -5, 20).toArray();
      double[] u = random.doubles(2 + random.nextInt(30), -5, 20).toArray();
      assertEquals(new Variance().evaluate(a), Did.stats(a).variance(), 1e-9);
      Measure.Effect welch = Did.unitChanges(a, u);
      assertEquals(StatUtils.mean(a) - StatUtils.mean(u), welch.estimate(), 1e-9);
      double se =
          Math.sqrt(new Variance().evaluate(a) / a.length + new Variance().evaluate(u) / u.length);
      double half =
          new TDistribution(new WelchDf().of(a, u)).inverseCumulativeProbability(0.975) * se;
      assertEquals(half, welch.high() - welch.estimate(), 1e-9);
      assertEquals(half, welch.estimate() - welch.low(), 1e-9);
    }
  }
}
