package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.rebound.analysis.ImpactReport;
import java.time.LocalDate;
import java.util.List;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void a_deletion_near_the_plots_right_edge_has_its_label_left_of_the_line() {
    LocalDate first = LocalDate.of(2026, 8, 1);
    XYSeries series = new XYSeries("visitors");
    for (int d = 0; d < 100; d++) {
      series.add(Charts.x(first.plusDays(d)), 10 + d % 7);
    }
    XYPlot plot =
        new XYPlot(
            new XYSeriesCollection(series),
            new DateAxis(),
            new NumberAxis(),
            new XYLineAndShapeRenderer());
    Charts.markDeletions(plot, List.of(first.plusDays(20), first.plusDays(98)), Labels.of("zh"));
    List<Marker> markers = List.copyOf(plot.getDomainMarkers(Layer.FOREGROUND));
    assertEquals(TextAnchor.TOP_LEFT, markers.get(0).getLabelTextAnchor(), "room on the right");
    assertEquals(
        TextAnchor.TOP_RIGHT, markers.get(1).getLabelTextAnchor(), "the edge would clip it");
  }

  @Test
  void the_expected_line_and_its_band_are_not_drawn_below_zero() {
    LocalDate day = LocalDate.of(2026, 8, 1);
    ImpactReport.Daily daily =
        new ImpactReport.Daily(
            List.of(day, day.plusDays(1)),
            new double[] {3, 0},
            new double[] {2, -1},
            new double[] {-4, -6},
            new double[] {8, 4},
            new double[] {0, 0});
    var lines = CounterfactualChart.createDataset(daily, List.of(), Labels.of("zh")).lines();
    assertEquals(0.0, lines.getStartYValue(0, 0), "the band's low end is clipped at zero");
    assertEquals(8.0, lines.getEndYValue(0, 0));
    assertEquals(0.0, lines.getYValue(0, 1), "a negative expected count is drawn at zero");
    assertEquals(4.0, lines.getEndYValue(0, 1));
  }
}
