package app.rebound.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.jfree.data.xy.XYDataset;

/**
 * What the charts share: x values of dates, the date and value axes, deletion markers, the theme.
 */
final class Charts {

  static final Color ACTUAL = new Color(0x1F5FA8);
  static final Color EXPECTED = new Color(0x888888);
  static final Color AFFECTED = new Color(0xD0461F);
  static final Color UNAFFECTED = new Color(0x4A8C5C);
  static final Color MARKER = new Color(0xB03030);

  /** Markers get a label each up to this many; beyond, only the first is labelled. */
  static final int LABELLED_MARKERS = 4;

  private Charts() {}

  /** A date as an x value: its first millisecond in UTC (the date axes read UTC). */
  static double x(LocalDate date) {
    return date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
  }

  static DateAxis dateAxis(Labels labels) {
    DateAxis axis = new DateAxis(labels.text(Label.DATE), Labels.ZONE, labels.locale());
    axis.setDateFormatOverride(labels.dateFormat());
    axis.setLowerMargin(0.01);
    axis.setUpperMargin(0.01);
    return axis;
  }

  static NumberAxis valueAxis(ChartText text) {
    NumberAxis axis = new NumberAxis(text.rangeAxis());
    axis.setNumberFormatOverride(text.format());
    axis.setAutoRangeIncludesZero(true);
    return axis;
  }

  /** A plot of values by day: the date axis below, the value axis from zero beside it. */
  static XYPlot datePlot(XYDataset data, XYItemRenderer renderer, ChartText text, Labels labels) {
    return new XYPlot(data, dateAxis(labels), valueAxis(text), renderer);
  }

  /** The chart with its title and subtitle, the theme applied (the bundled font everywhere). */
  static JFreeChart chart(XYPlot plot, ChartText text, boolean legend) {
    JFreeChart chart = new JFreeChart(text.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
    if (text.subtitle() != null) {
      chart.addSubtitle(new TextTitle(text.subtitle()));
    }
    ChartFonts.theme().apply(chart);
    return chart;
  }

  /**
   * Vertical lines at the deletion dates, labelled "删除 6月7日" (the first only when there are many).
   * Call after the theme: markers are outside it, so they are given the bundled font here.
   */
  static void markDeletions(XYPlot plot, List<LocalDate> dates, Labels labels) {
    List<LocalDate> sorted = dates.stream().distinct().sorted().toList();
    for (int i = 0; i < sorted.size(); i++) {
      String label = null;
      if (sorted.size() <= LABELLED_MARKERS) {
        label = labels.text(Label.DELETION) + " " + labels.date(sorted.get(i));
      } else if (i == 0) {
        label = labels.text(Label.FIRST_DELETION) + " " + labels.date(sorted.get(i));
      }
      plot.addDomainMarker(
          marker(sorted.get(i), label, i, inLastQuarter(plot, sorted.get(i))), Layer.FOREGROUND);
    }
  }

  /**
   * A marker this far right has its label on the line's left, so the plot's edge cannot clip it.
   */
  static boolean inLastQuarter(XYPlot plot, LocalDate date) {
    Range range = plot.getDataRange(plot.getDomainAxis());
    return range != null && x(date) > range.getLowerBound() + 0.75 * range.getLength();
  }

  static ValueMarker marker(LocalDate date, String label, int index) {
    return marker(date, label, index, false);
  }

  static ValueMarker marker(LocalDate date, String label, int index, boolean leftOfLine) {
    ValueMarker marker =
        new ValueMarker(
            x(date),
            MARKER,
            new BasicStroke(
                1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
    if (label != null) {
      marker.setLabel(label);
      marker.setLabelFont(ChartFonts.font(Font.PLAIN, 11f));
      marker.setLabelPaint(MARKER);
      marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
      marker.setLabelAnchor(leftOfLine ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
      marker.setLabelTextAnchor(leftOfLine ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
      marker.setLabelOffset(new RectangleInsets(4 + 14 * (index % 2), 2, 2, 2));
    }
    return marker;
  }
}
