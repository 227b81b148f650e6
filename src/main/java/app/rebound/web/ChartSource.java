package app.rebound.web;

import app.rebound.analysis.ImpactReport;
import app.rebound.report.ChartId;
import app.rebound.report.ChartRenderer;
import app.rebound.report.ChartTable;
import app.rebound.report.ImpactCharts;
import java.util.Optional;

/**
 * Draws a dashboard chart from a report, as SVG for the pages and PNG for downloads; empty when the
 * chart cannot be drawn (its export was not uploaded). The app's charts are {@link
 * #impactCharts()}; tests may pass their own.
 */
@FunctionalInterface
public interface ChartSource {

  /** The chart as an SVG document; productId is null for shop charts. */
  Optional<String> svg(ChartId chartId, ImpactReport report, String productId, String lang);

  /** The chart as PNG bytes; none unless built with {@link #of(ChartSource, PngSource)}. */
  default Optional<byte[]> png(
      ChartId chartId, ImpactReport report, String productId, String lang) {
    return Optional.empty();
  }

  /** The chart's data as a table, for beneath the chart; none unless the source draws tables. */
  default Optional<ChartTable> table(
      ChartId chartId, ImpactReport report, String productId, String lang) {
    return Optional.empty();
  }

  @FunctionalInterface
  interface PngSource {
    Optional<byte[]> png(ChartId chartId, ImpactReport report, String productId, String lang);
  }

  /**
   * The dashboards' charts: JFreeChart from {@code app.rebound.report}, 720×360 SVG, 1440×720 PNG,
   * and each chart's data as a table.
   */
  static ChartSource impactCharts() {
    return new ChartSource() {
      @Override
      public Optional<String> svg(ChartId id, ImpactReport report, String product, String lang) {
        return ImpactCharts.byId(id, report, product, lang)
            .map(c -> ChartRenderer.svg(c, 720, 360));
      }

      @Override
      public Optional<byte[]> png(ChartId id, ImpactReport report, String product, String lang) {
        return ImpactCharts.byId(id, report, product, lang)
            .map(c -> ChartRenderer.png(c, 1440, 720));
      }

      @Override
      public Optional<ChartTable> table(
          ChartId id, ImpactReport report, String product, String lang) {
        return ImpactCharts.byId(id, report, product, lang).flatMap(ChartTable::of);
      }
    };
  }

  /** No charts: every chart slot says why it is empty. */
  static ChartSource none() {
    return (chartId, report, productId, lang) -> Optional.empty();
  }

  static ChartSource of(ChartSource svg, PngSource png) {
    return new ChartSource() {
      @Override
      public Optional<String> svg(
          ChartId chartId, ImpactReport report, String productId, String lang) {
        return svg.svg(chartId, report, productId, lang);
      }

      @Override
      public Optional<byte[]> png(
          ChartId chartId, ImpactReport report, String productId, String lang) {
        return png.png(chartId, report, productId, lang);
      }
    };
  }
}
