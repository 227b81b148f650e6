package app.rebound.report;

import java.awt.geom.Rectangle2D;
import java.text.DateFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;

/**
 * A chart's data as a table, one row per date and one column per series, the values written as the
 * chart's axes write them (so in the chart's language). The page shows it beneath the chart for
 * readers who cannot see the lines, and the SVG's hover titles are its rows, so the two never
 * disagree.
 *
 * @param x the date axis' label, the first column's header
 * @param series the series' names, in the legend's order
 */
public record ChartTable(String x, List<String> series, List<Row> rows) {

  /**
   * A date's values; a value is "" where its series has no point that day, and a series drawn with
   * a band carries it as "12 (8–15)".
   */
  public record Row(String x, List<String> values) {}

  private static final double DAY = 24 * 60 * 60 * 1000.0;

  /** One row with where it sits on the x axis, for the hover areas. */
  private record Column(double x, double start, double end, String label, String[] values) {}

  /** The table of an XY chart; empty for any other plot or a chart without points. */
  public static Optional<ChartTable> of(JFreeChart chart) {
    if (!(chart.getPlot() instanceof XYPlot plot)) {
      return Optional.empty();
    }
    List<Column> columns = columns(plot);
    if (columns.isEmpty()) {
      return Optional.empty();
    }
    List<Row> rows = columns.stream().map(c -> new Row(c.label(), List.of(c.values()))).toList();
    return Optional.of(new ChartTable(plot.getDomainAxis().getLabel(), seriesNames(plot), rows));
  }

  /**
   * Invisible full-height areas over the plot, one per row, each with a {@code <title>} naming the
   * date and every series' value there: hovering anywhere above a date shows its numbers.
   */
  static String hoverAreas(JFreeChart chart, Rectangle2D dataArea) {
    if (!(chart.getPlot() instanceof XYPlot plot) || dataArea == null) {
      return "";
    }
    List<Column> columns = columns(plot);
    if (columns.isEmpty()) {
      return "";
    }
    List<String> names = seriesNames(plot);
    ValueAxis axis = plot.getDomainAxis();
    StringBuilder svg = new StringBuilder("<g class=\"chart-points\">");
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      // A bar's own span, else halfway to the neighbouring dates.
      double from = c.start() < c.end() ? c.start() : mid(columns, i - 1, i);
      double to = c.start() < c.end() ? c.end() : mid(columns, i, i + 1);
      double left = axis.valueToJava2D(from, dataArea, plot.getDomainAxisEdge());
      double right = axis.valueToJava2D(to, dataArea, plot.getDomainAxisEdge());
      left = Math.max(dataArea.getMinX(), Math.min(left, right));
      right = Math.min(dataArea.getMaxX(), Math.max(left, right));
      if (right <= left) {
        continue;
      }
      StringBuilder title = new StringBuilder(c.label());
      for (int s = 0; s < names.size(); s++) {
        if (!c.values()[s].isEmpty()) {
          title.append(" · ").append(names.get(s)).append(' ').append(c.values()[s]);
        }
      }
      svg.append(
          String.format(
              Locale.ROOT,
              "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#000\""
                  + " fill-opacity=\"0\"><title>%s</title></rect>",
              left,
              dataArea.getMinY(),
              right - left,
              dataArea.getHeight(),
              escape(title.toString())));
    }
    return svg.append("</g>").toString();
  }

  /** Halfway between two rows' dates; past either end, half the first or last gap outwards. */
  private static double mid(List<Column> columns, int a, int b) {
    int n = columns.size();
    if (n == 1) {
      return columns.get(0).x() + (a < 0 ? -1 : 1) * DAY / 2;
    }
    if (a < 0) {
      return columns.get(0).x() - (columns.get(1).x() - columns.get(0).x()) / 2;
    }
    if (b >= n) {
      return columns.get(n - 1).x() + (columns.get(n - 1).x() - columns.get(n - 2).x()) / 2;
    }
    return (columns.get(a).x() + columns.get(b).x()) / 2;
  }

  private static List<String> seriesNames(XYPlot plot) {
    List<String> names = new ArrayList<>();
    for (int d = 0; d < plot.getDatasetCount(); d++) {
      XYDataset dataset = plot.getDataset(d);
      for (int s = 0; dataset != null && s < dataset.getSeriesCount(); s++) {
        names.add(String.valueOf(dataset.getSeriesKey(s)));
      }
    }
    return names;
  }

  /** Every x of every series, in date order, with each series' value written out. */
  private static List<Column> columns(XYPlot plot) {
    int width = seriesNames(plot).size();
    Map<Double, Column> byX = new TreeMap<>();
    int column = 0;
    for (int d = 0; d < plot.getDatasetCount(); d++) {
      XYDataset dataset = plot.getDataset(d);
      if (dataset == null) {
        continue;
      }
      NumberFormat values = valueFormat(plot.getRangeAxisForDataset(d));
      for (int s = 0; s < dataset.getSeriesCount(); s++, column++) {
        for (int i = 0; i < dataset.getItemCount(s); i++) {
          double x = dataset.getXValue(s, i);
          double y = dataset.getYValue(s, i);
          if (Double.isNaN(x) || Double.isNaN(y)) {
            continue;
          }
          double start = x;
          double end = x;
          String value = values.format(y);
          if (dataset instanceof IntervalXYDataset band) {
            if (plot.getRendererForDataset(dataset) instanceof XYBarRenderer) {
              start = band.getStartXValue(s, i);
              end = band.getEndXValue(s, i);
            }
            double low = band.getStartYValue(s, i);
            double high = band.getEndYValue(s, i);
            if (!Double.isNaN(low) && !Double.isNaN(high) && low != high) {
              value += " (" + values.format(low) + "–" + values.format(high) + ")";
            }
          }
          double from = start;
          double to = end;
          Column c =
              byX.computeIfAbsent(
                  x, k -> new Column(k, from, to, xLabel(plot.getDomainAxis(), k), blanks(width)));
          c.values()[column] = value;
        }
      }
    }
    return List.copyOf(byX.values());
  }

  private static String[] blanks(int n) {
    String[] values = new String[n];
    Arrays.fill(values, "");
    return values;
  }

  private static NumberFormat valueFormat(ValueAxis axis) {
    if (axis instanceof NumberAxis numbers && numbers.getNumberFormatOverride() != null) {
      return numbers.getNumberFormatOverride();
    }
    return NumberFormat.getNumberInstance(Locale.ROOT);
  }

  private static String xLabel(ValueAxis axis, double x) {
    if (axis instanceof DateAxis dates) {
      DateFormat format =
          dates.getDateFormatOverride() != null
              ? dates.getDateFormatOverride()
              : DateFormat.getDateInstance(DateFormat.MEDIUM);
      return format.format(new Date((long) x));
    }
    return valueFormat(axis).format(x);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
