package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.ImpactReport.BatchRow;
import app.rebound.analysis.ImpactReport.Daily;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chart's table and hover titles hold the report's own numbers, a row per date. */
class ChartTableTest {

  private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

  @TempDir static Path tmp;
  static ImpactReport simulated;

  @BeforeAll
  static void report() {
    simulated = ImpactReports.simulated(tmp.resolve("shop"), "zh");
  }

  @Test
  void the_visitors_table_has_each_day_with_expected_its_range_and_actual_as_the_report_has_them() {
    for (String lang : List.of("zh", "en")) {
      Labels labels = Labels.of(lang);
      JFreeChart chart = ImpactChartsTest.chart(ChartId.VISITORS, simulated, null, lang);
      ChartTable table = ChartTable.of(chart).orElseThrow();
      Daily daily = simulated.series().visitors();

      assertEquals(labels.text(Label.DATE), table.x(), "the date column's header, in " + lang);
      assertEquals(
          List.of(labels.text(Label.EXPECTED), labels.text(Label.ACTUAL)), table.series(), lang);
      assertEquals(expectedRows(daily, labels), table.rows(), lang);
    }
  }

  @Test
  void each_day_of_the_svg_has_a_title_with_the_values_of_its_table_row() {
    JFreeChart chart = ImpactChartsTest.chart(ChartId.VISITORS, simulated, null, "en");
    String svg = ChartRenderer.svg(chart, 720, 360);
    ChartTable table = ChartTable.of(chart).orElseThrow();
    List<String> titles = titles(svg);

    assertEquals(table.rows().size(), titles.size(), "one hover area per day");
    ChartTable.Row first = table.rows().get(0);
    assertEquals(
        first.x()
            + " · Expected without the deletion "
            + first.values().get(0)
            + " · Actual "
            + first.values().get(1),
        titles.get(0));
  }

  @Test
  void the_deletions_table_has_the_orders_deleted_on_each_batch_date() {
    Labels labels = Labels.of("en");
    JFreeChart chart = ImpactChartsTest.chart(ChartId.DELETIONS_TIMELINE, simulated, null, "en");
    ChartTable table = ChartTable.of(chart).orElseThrow();

    Map<LocalDate, Integer> orders = new TreeMap<>();
    for (BatchRow b : simulated.deletions().batches()) {
      orders.merge(b.date(), b.orders(), Integer::sum);
    }
    assertEquals(orders.size(), table.rows().size(), "a row per batch date: " + table.rows());
    int i = 0;
    for (Map.Entry<LocalDate, Integer> day : orders.entrySet()) {
      ChartTable.Row row = table.rows().get(i++);
      assertEquals(labels.date(day.getKey()), row.x());
      // The causes' bars stack to the day's orders.
      int sum = row.values().stream().mapToInt(v -> v.isEmpty() ? 0 : Integer.parseInt(v)).sum();
      assertEquals(day.getValue(), sum, row.toString());
    }
    assertEquals(
        table.rows().size(),
        titles(ChartRenderer.svg(chart, 720, 360)).size(),
        "one hover area per bar");
  }

  private static List<ChartTable.Row> expectedRows(Daily daily, Labels labels) {
    NumberFormat count = labels.count();
    List<ChartTable.Row> rows = new ArrayList<>();
    for (int t = 0; t < daily.days().size(); t++) {
      double low = Math.min(daily.low()[t], daily.high()[t]);
      double high = Math.max(daily.low()[t], daily.high()[t]);
      String expected =
          count.format(daily.expected()[t])
              + (low == high ? "" : " (" + count.format(low) + "–" + count.format(high) + ")");
      rows.add(
          new ChartTable.Row(
              labels.date(daily.days().get(t)),
              List.of(expected, count.format(daily.actual()[t]))));
    }
    return rows;
  }

  /** The hover titles; the chart's own SVG has no other {@code <title>}. */
  private static List<String> titles(String svg) {
    List<String> titles = new ArrayList<>();
    Matcher m = TITLE.matcher(svg);
    while (m.find()) {
      titles.add(m.group(1));
    }
    return titles;
  }
}
