package app.rebound.report;

import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.ImpactReport.BatchRow;
import app.rebound.analysis.ImpactReport.Daily;
import app.rebound.analysis.ImpactReport.ProductRow;
import app.rebound.analysis.Reason;
import app.rebound.analysis.Series;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;

/**
 * The charts of an impact result by id, for the web pages and the PDF. Each is a dataset built from
 * the report, then a chart drawn from it, every word in the asked language. No id, a product not in
 * the report, or data that is absent (traffic not measured, no deletion batches) gives empty, so
 * the page can say why instead; trust and partnership series that were not measured give a chart
 * whose subtitle names the export to upload.
 */
public final class ImpactCharts {

  /** A trust or partnership chart: where its series is and what it says. */
  private record ArmsSpec(boolean trust, String seriesId, Label title, Label axis, Kind kind) {}

  private enum Kind {
    COUNT,
    MONEY,
    PERCENT
  }

  private static final Map<ChartId, ArmsSpec> ARMS = new EnumMap<>(ChartId.class);

  static {
    ARMS.put(
        ChartId.TRUST_RATING,
        new ArmsSpec(
            true,
            "average_rating_per_week",
            Label.TRUST_RATING_TITLE,
            Label.TRUST_RATING_AXIS,
            Kind.COUNT));
    ARMS.put(
        ChartId.TRUST_DOUBTFUL,
        new ArmsSpec(
            true,
            "doubtful_reviews_per_day",
            Label.TRUST_DOUBTFUL_TITLE,
            Label.TRUST_DOUBTFUL_AXIS,
            Kind.COUNT));
    ARMS.put(
        ChartId.TRUST_REFUND,
        new ArmsSpec(
            true,
            "refund_rate_per_week",
            Label.TRUST_REFUND_TITLE,
            Label.TRUST_REFUND_AXIS,
            Kind.PERCENT));
    ARMS.put(
        ChartId.SHOP_SCORE,
        new ArmsSpec(
            true,
            "shop_experience_score_per_day",
            Label.SHOP_SCORE_TITLE,
            Label.SHOP_SCORE_AXIS,
            Kind.COUNT));
    ARMS.put(
        ChartId.COMPLAINTS,
        new ArmsSpec(
            true, "complaints_per_day", Label.COMPLAINTS_TITLE, Label.COMPLAINTS_AXIS, Kind.COUNT));
    ARMS.put(
        ChartId.PARTNERS_ACTIVE,
        new ArmsSpec(
            false,
            "active_affiliates_per_day",
            Label.PARTNERS_ACTIVE_TITLE,
            Label.PARTNERS_ACTIVE_AXIS,
            Kind.COUNT));
    ARMS.put(
        ChartId.PARTNERS_CANCELLED,
        new ArmsSpec(
            false,
            "affiliate_cancellations_per_day",
            Label.PARTNERS_CANCELLED_TITLE,
            Label.PARTNERS_CANCELLED_AXIS,
            Kind.COUNT));
    ARMS.put(
        ChartId.AFFILIATE_GMV,
        new ArmsSpec(
            false, "affiliate_gmv_per_day", Label.AFFILIATE_GMV_TITLE, Label.GMV_AXIS, Kind.MONEY));
  }

  private ImpactCharts() {}

  /**
   * @param productId the product of {@link ChartId#PRODUCT_VISITORS} and {@link
   *     ChartId#PRODUCT_GMV}; null for shop charts
   * @param lang "zh" or "en"; null takes the report's language
   */
  public static Optional<JFreeChart> byId(
      ChartId chartId, ImpactReport report, String productId, String lang) {
    if (chartId == null || report == null) {
      return Optional.empty();
    }
    Labels labels = Labels.of(lang != null ? lang : report.lang());
    ImpactReport.Charts series = report.series();
    List<LocalDate> deletions = series == null ? List.of() : series.deletionDates();
    switch (chartId) {
      case VISITORS:
        return shop(
            series,
            ImpactReport.Charts::visitors,
            deletions,
            labels,
            Label.VISITORS_TITLE,
            Label.VISITORS_AXIS,
            Kind.COUNT);
      case IMPRESSIONS:
        return shop(
            series,
            ImpactReport.Charts::impressions,
            deletions,
            labels,
            Label.IMPRESSIONS_TITLE,
            Label.IMPRESSIONS_AXIS,
            Kind.COUNT);
      case BUYERS:
        return shop(
            series,
            ImpactReport.Charts::buyers,
            deletions,
            labels,
            Label.BUYERS_TITLE,
            Label.BUYERS_AXIS,
            Kind.COUNT);
      case GMV:
        return shop(
            series,
            ImpactReport.Charts::gmv,
            deletions,
            labels,
            Label.GMV_TITLE,
            Label.GMV_AXIS,
            Kind.MONEY);
      case VISITORS_CUMULATIVE:
        return cumulative(
            series == null ? null : series.visitors(),
            deletions,
            labels,
            Label.VISITORS_CUMULATIVE_TITLE,
            Label.LOST_VISITORS,
            Label.LOST_VISITORS_AXIS,
            Kind.COUNT);
      case GMV_CUMULATIVE:
        return cumulative(
            series == null ? null : series.gmv(),
            deletions,
            labels,
            Label.GMV_CUMULATIVE_TITLE,
            Label.LOST_GMV,
            Label.LOST_GMV_AXIS,
            Kind.MONEY);
      case PRODUCT_VISITORS:
        return product(
            report,
            productId,
            ProductRow::visitorsDaily,
            labels,
            Label.PRODUCT_VISITORS_TITLE,
            Label.VISITORS_AXIS,
            Kind.COUNT);
      case PRODUCT_GMV:
        return product(
            report,
            productId,
            ProductRow::gmvDaily,
            labels,
            Label.PRODUCT_GMV_TITLE,
            Label.GMV_AXIS,
            Kind.MONEY);
      case DELETIONS_TIMELINE:
        return deletions(report, labels);
      default: // the trust and partnership charts
        return arms(report, ARMS.get(chartId), labels);
    }
  }

  private static Optional<JFreeChart> shop(
      ImpactReport.Charts series,
      Function<ImpactReport.Charts, Daily> pick,
      List<LocalDate> deletions,
      Labels labels,
      Label title,
      Label axis,
      Kind kind) {
    Daily daily = series == null ? null : pick.apply(series);
    if (daily == null || daily.days().isEmpty()) {
      return Optional.empty();
    }
    ChartText text = text(labels.text(title), labels.text(Label.BAND_NOTE), axis, kind, labels);
    return Optional.of(
        CounterfactualChart.createChart(
            CounterfactualChart.createDataset(daily, deletions, labels), text, labels));
  }

  private static Optional<JFreeChart> cumulative(
      Daily daily,
      List<LocalDate> deletions,
      Labels labels,
      Label title,
      Label key,
      Label axis,
      Kind kind) {
    if (daily == null || daily.days().isEmpty()) {
      return Optional.empty();
    }
    ChartText text =
        text(labels.text(title), labels.text(Label.CUMULATIVE_NOTE), axis, kind, labels);
    return Optional.of(
        CumulativeLossChart.createChart(
            CumulativeLossChart.createDataset(daily, deletions, labels.text(key)), text, labels));
  }

  private static Optional<JFreeChart> product(
      ImpactReport report,
      String productId,
      Function<ProductRow, Daily> pick,
      Labels labels,
      Label title,
      Label axis,
      Kind kind) {
    if (productId == null || report.products() == null) {
      return Optional.empty();
    }
    Optional<ProductRow> row =
        report.products().stream().filter(p -> productId.equals(p.productId())).findFirst();
    Daily daily = row.map(pick).orElse(null);
    if (daily == null || daily.days().isEmpty()) {
      return Optional.empty();
    }
    ProductRow p = row.get();
    List<LocalDate> dates = new ArrayList<>();
    if (report.deletions() != null) {
      for (BatchRow b : report.deletions().batches()) {
        if (b.products() != null && b.products().contains(productId)) {
          dates.add(b.date());
        }
      }
    }
    if (dates.isEmpty() && p.deletedSince() != null) {
      dates.add(p.deletedSince());
    }
    String name = p.name() == null || p.name().isBlank() ? p.productId() : p.name();
    ChartText text =
        text(labels.text(title, name), labels.text(Label.PRODUCT_BAND_NOTE), axis, kind, labels);
    return Optional.of(
        CounterfactualChart.createChart(
            CounterfactualChart.createDataset(daily, dates, labels), text, labels));
  }

  private static Optional<JFreeChart> arms(ImpactReport report, ArmsSpec spec, Labels labels) {
    List<Series> all =
        spec.trust()
            ? report.trust() == null ? null : report.trust().series()
            : report.partnerships() == null ? null : report.partnerships().series();
    if (all == null) {
      return Optional.empty();
    }
    Optional<Series> found = all.stream().filter(s -> spec.seriesId().equals(s.id())).findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Series series = found.get();
    String subtitle = series.measured() ? null : notMeasured(series, labels);
    ChartText text = text(labels.text(spec.title()), subtitle, spec.axis(), spec.kind(), labels);
    return Optional.of(
        ArmsChart.createChart(ArmsChart.createDataset(series, labels), text, labels));
  }

  private static Optional<JFreeChart> deletions(ImpactReport report, Labels labels) {
    if (report.deletions() == null || report.deletions().batches() == null) {
      return Optional.empty();
    }
    DeletionsChart.Dataset dataset =
        DeletionsChart.createDataset(report.deletions().batches(), labels);
    if (dataset == null) {
      return Optional.empty();
    }
    ChartText text =
        text(
            labels.text(Label.DELETIONS_TITLE),
            labels.text(Label.DELETIONS_NOTE),
            Label.DELETIONS_AXIS,
            Kind.COUNT,
            labels);
    return Optional.of(DeletionsChart.createChart(dataset, text, labels));
  }

  /** Why a series was not measured, in the chart's language; without a reason, its export. */
  static String notMeasured(Series series, Labels labels) {
    Reason reason = series.reason();
    if (reason == null) {
      reason =
          series.needs() == null ? Reason.of("not_measured") : Reason.of("upload", series.needs());
    }
    return reason.text(labels.zh());
  }

  /** A chart's words: its title and note as given, its value axis named and formatted by kind. */
  private static ChartText text(String title, String note, Label axis, Kind kind, Labels labels) {
    return new ChartText(title, note, labels.text(axis), format(kind, labels));
  }

  private static NumberFormat format(Kind kind, Labels labels) {
    return switch (kind) {
      case MONEY -> labels.money();
      case PERCENT -> labels.percent();
      case COUNT -> labels.count();
    };
  }
}
