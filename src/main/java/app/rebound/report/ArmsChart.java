package app.rebound.report;

import app.rebound.analysis.Series;
import java.awt.BasicStroke;
import java.awt.Font;
import java.time.LocalDate;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * A trust or partnership series: the affected products beside the unaffected ones (or the whole
 * shop alone), the first deletion marked. A series that was not measured becomes an empty chart
 * whose subtitle says what to upload.
 */
final class ArmsChart {

  /** The lines, the first deletion date (null for none) and whether the points are weekly. */
  record Dataset(TimeSeriesCollection lines, LocalDate split, boolean weekly) {}

  private ArmsChart() {}

  static Dataset createDataset(Series series, Labels labels) {
    TimeSeriesCollection lines = new TimeSeriesCollection(Labels.ZONE);
    boolean shopOnly = series.points().stream().allMatch(p -> p.unaffected() == null);
    TimeSeries affected = new TimeSeries(labels.text(shopOnly ? Label.WHOLE_SHOP : Label.AFFECTED));
    TimeSeries unaffected = new TimeSeries(labels.text(Label.UNAFFECTED));
    for (Series.Point p : series.points()) {
      Day day = new Day(p.date().getDayOfMonth(), p.date().getMonthValue(), p.date().getYear());
      affected.addOrUpdate(day, p.affected());
      unaffected.addOrUpdate(day, p.unaffected());
    }
    if (series.measured()) {
      lines.addSeries(affected);
      if (!shopOnly) {
        lines.addSeries(unaffected);
      }
    }
    return new Dataset(lines, series.split(), "week".equals(series.period()));
  }

  static JFreeChart createChart(Dataset dataset, ChartText text, Labels labels) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, dataset.weekly());
    XYPlot plot = Charts.datePlot(dataset.lines(), renderer, text, labels);
    plot.setNoDataMessage(text.subtitle());
    JFreeChart chart = Charts.chart(plot, text, true);
    plot.setNoDataMessageFont(ChartFonts.font(Font.PLAIN, 13f));
    if (dataset.lines().getSeriesCount() == 0) {
      // Nothing measured: no made-up dates or values on the axes, only the reason.
      plot.getDomainAxis().setVisible(false);
      plot.getRangeAxis().setVisible(false);
    }
    renderer.setSeriesPaint(0, Charts.AFFECTED);
    renderer.setSeriesPaint(1, Charts.UNAFFECTED);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setSeriesStroke(1, new BasicStroke(1.6f));
    if (dataset.split() != null) {
      String label = labels.text(Label.FIRST_DELETION) + " " + labels.date(dataset.split());
      plot.addDomainMarker(Charts.marker(dataset.split(), label, 0), Layer.FOREGROUND);
    }
    return chart;
  }
}
