package app.rebound.report;

import app.rebound.analysis.ImpactReport.Daily;
import java.awt.BasicStroke;
import java.awt.Color;
import java.time.LocalDate;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Actual against the counterfactual ("expected without the deletion") with its 95% band, the
 * deletion dates marked: the shop's affected products (visitors, impressions, buyers, gmv) or one
 * product.
 */
final class CounterfactualChart {

  /** Series 0 is the expected line with its band, series 1 the actual line (a band of no width). */
  record Dataset(YIntervalSeriesCollection lines, List<LocalDate> deletions) {}

  private CounterfactualChart() {}

  static Dataset createDataset(Daily daily, List<LocalDate> deletions, Labels labels) {
    YIntervalSeries expected = new YIntervalSeries(labels.text(Label.EXPECTED), false, false);
    YIntervalSeries actual = new YIntervalSeries(labels.text(Label.ACTUAL), false, false);
    for (int t = 0; t < daily.days().size(); t++) {
      double x = Charts.x(daily.days().get(t));
      // Visitors, buyers and GMV cannot fall below zero, so neither is the line nor its band drawn
      // there (the figures in impact.json keep the model's values).
      double low = Math.max(0, Math.min(daily.low()[t], daily.high()[t]));
      double high = Math.max(0, Math.max(daily.low()[t], daily.high()[t]));
      expected.add(x, Math.max(0, daily.expected()[t]), low, high);
      actual.add(x, daily.actual()[t], daily.actual()[t], daily.actual()[t]);
    }
    YIntervalSeriesCollection lines = new YIntervalSeriesCollection();
    lines.addSeries(expected);
    lines.addSeries(actual);
    return new Dataset(lines, List.copyOf(deletions));
  }

  static JFreeChart createChart(Dataset dataset, ChartText text, Labels labels) {
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    XYPlot plot = Charts.datePlot(dataset.lines(), renderer, text, labels);
    JFreeChart chart = Charts.chart(plot, text, true);
    renderer.setSeriesPaint(0, Charts.EXPECTED);
    renderer.setSeriesFillPaint(0, new Color(0xBBBBBB));
    renderer.setSeriesStroke(
        0,
        new BasicStroke(
            1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {6f, 4f}, 0f));
    renderer.setSeriesPaint(1, Charts.ACTUAL);
    renderer.setSeriesFillPaint(1, Charts.ACTUAL);
    renderer.setSeriesStroke(1, new BasicStroke(2f));
    renderer.setAlpha(0.35f);
    Charts.markDeletions(plot, dataset.deletions(), labels);
    return chart;
  }
}
