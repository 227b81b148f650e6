package app.rebound.report;

import app.rebound.analysis.ImpactReport.Daily;
import java.awt.BasicStroke;
import java.time.LocalDate;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The loss accumulated since the first deletion (expected minus actual, summed day by day). */
final class CumulativeLossChart {

  record Dataset(XYSeriesCollection lines, List<LocalDate> deletions) {}

  private CumulativeLossChart() {}

  /**
   * The days from the first deletion on (all days when there is no deletion date inside the
   * series).
   */
  static Dataset createDataset(Daily daily, List<LocalDate> deletions, String seriesKey) {
    LocalDate first = deletions.stream().min(LocalDate::compareTo).orElse(null);
    boolean inside = first != null && daily.days().stream().anyMatch(d -> !d.isBefore(first));
    XYSeries lost = new XYSeries(seriesKey, false, false);
    for (int t = 0; t < daily.days().size(); t++) {
      LocalDate day = daily.days().get(t);
      if (!inside || !day.isBefore(first)) {
        lost.add(Charts.x(day), daily.cumulativeLoss()[t]);
      }
    }
    return new Dataset(new XYSeriesCollection(lost), List.copyOf(deletions));
  }

  static JFreeChart createChart(Dataset dataset, ChartText text, Labels labels) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    XYPlot plot = Charts.datePlot(dataset.lines(), renderer, text, labels);
    JFreeChart chart = Charts.chart(plot, text, true);
    renderer.setSeriesPaint(0, Charts.AFFECTED);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    Charts.markDeletions(plot, dataset.deletions(), labels);
    return chart;
  }
}
