package app.rebound.analysis;

import app.rebound.PlatformTime;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * impact.json: what was deleted and why, and what it cost, as one immutable record. The same JSON
 * is written by {@code analyze} and answered by {@code GET /api/shops/{shop}/impact};
 * docs/formats.md documents every field. Sentences (signals, consequences) are in the report's
 * language; why something was not measured is a {@link Reason}, put into words where the JSON is
 * written.
 */
public record ImpactReport(
    String lang,
    Deletions deletions,
    Traffic traffic,
    Loss conversion,
    Loss gmv,
    MeasuredEffects trust,
    MeasuredEffects partnerships,
    List<ProductRow> products,
    Charts series,
    ChannelImpact.Result channels,
    Funnel.Result funnel,
    CompassExports.Result compass,
    Settlements.Result settlement) {

  /** Deleted orders, units and money, per batch with its likely cause, and per product. */
  public record Deletions(
      long orders,
      long units,
      double money,
      List<BatchRow> batches,
      List<DeletionSummary.Product> products) {}

  /**
   * One deletion batch as impact.json lists it.
   *
   * @param noticeAt when the platform first processed the batch (the earliest 处理时间 of its notice),
   *     from which its appeal window runs; null when no deletions export gives the time
   */
  public record BatchRow(
      String id,
      LocalDate date,
      LocalDateTime noticeAt,
      int orders,
      long units,
      double money,
      List<String> products,
      String likelyCause,
      double confidence,
      boolean thinEvidence,
      List<String> signals,
      List<SignalValue> signalValues,
      List<ConsequenceRow> consequences,
      Map<String, Double> probabilities,
      boolean undecided,
      String settle,
      List<String> drivers) {

    /**
     * The end of the batch's appeal window, the platform's rule counted as the appeal workbench
     * counts it: from the notice's time, or from the start of its day when no time is known.
     */
    public LocalDateTime appealDeadline(int windowDays) {
      return PlatformTime.appealDeadline(
          noticeAt != null ? noticeAt : date.atStartOfDay(), windowDays);
    }

    /** Whether an appeal can still be submitted on that day (its window ends after it starts). */
    public boolean appealOpenOn(LocalDate day, int windowDays) {
      return date != null && !day.isAfter(appealDeadline(windowDays).minusMinutes(1).toLocalDate());
    }
  }

  /**
   * A signal's code and measured value beside the sentence; when not measured the value is null and
   * the reason says why.
   */
  public record SignalValue(String code, Double value, Reason reason) {}

  public record ConsequenceRow(String text, String source) {}

  public record Traffic(Loss visitors, Loss impressions) {}

  /**
   * A measured loss over the affected products' days after their deletion. Positive means lost.
   *
   * @param reason why not measured; for a measured total, null or how many products it leaves out
   * @param unit what the numbers count: visitors, impressions, buyers, yuan
   * @param needs the export the measure needs
   * @param fit the pre-period fit, per product in product rows (null for shop totals)
   */
  public record Loss(
      boolean measured,
      Reason reason,
      String needs,
      String unit,
      double loss,
      double lossLow,
      double lossHigh,
      boolean significant,
      Double expected,
      Counterfactual.Fit fit,
      String calibration) {

    /** A measured loss's verdict: its 95% range above zero, below it, or holding it. */
    public static final String LOSS = "loss";

    public static final String NO_MEASURABLE_LOSS = "no_measurable_loss";
    public static final String ABOVE_EXPECTED = "above_expected";
    public static final String NOT_MEASURED = "not_measured";

    /**
     * Never a loss when the range holds zero: the merchant reads "no measurable loss", not the
     * point estimate as damage. Derived from the range, written into impact.json beside it.
     */
    @JsonProperty("verdict")
    public String verdict() {
      if (!measured) {
        return NOT_MEASURED;
      }
      return lossLow > 0 ? LOSS : lossHigh < 0 ? ABOVE_EXPECTED : NO_MEASURABLE_LOSS;
    }
  }

  public record ProductRow(
      String productId,
      String name,
      LocalDate deletedSince,
      long deletedOrders,
      long deletedUnits,
      double deletedMoney,
      double deletedShare,
      Loss visitors,
      Loss impressions,
      Loss conversion,
      Loss gmv,
      Daily visitorsDaily,
      Daily gmvDaily) {}

  /**
   * A daily series: actual against the counterfactual with its 95% band, and the loss accumulated
   * so far.
   */
  public record Daily(
      List<LocalDate> days,
      double[] actual,
      double[] expected,
      double[] low,
      double[] high,
      double[] cumulativeLoss) {

    /** The same series with every figure rounded to cents, as impact.json and the pages show it. */
    Daily rounded() {
      return new Daily(
          days,
          ImpactReport.rounded(actual),
          ImpactReport.rounded(expected),
          ImpactReport.rounded(low),
          ImpactReport.rounded(high),
          ImpactReport.rounded(cumulativeLoss));
    }
  }

  public record Charts(
      List<LocalDate> deletionDates, Daily visitors, Daily impressions, Daily buyers, Daily gmv) {}

  /** The last day of the shop's daily series, null without one: the end of every "删除后 N 天". */
  public LocalDate seriesEnd() {
    Daily d = series == null ? null : series.gmv() != null ? series.gmv() : series.visitors();
    return d == null || d.days().isEmpty() ? null : d.days().get(d.days().size() - 1);
  }

  /**
   * Days a loss since {@code since} spans, both ends counted, to the end of the series; 0 when
   * either end is unknown. The one count of "删除后 N 天" that pages and files name.
   */
  public long daysSince(LocalDate since) {
    LocalDate end = seriesEnd();
    if (since == null || end == null) {
      return 0;
    }
    return Math.max(0, ChronoUnit.DAYS.between(since, end) + 1);
  }

  /** The first deletion's day, null without one: where the shop's own loss starts. */
  public LocalDate firstDeletion() {
    return series == null || series.deletionDates() == null || series.deletionDates().isEmpty()
        ? null
        : series.deletionDates().get(0);
  }

  /** Builds the report from the stages' results, in the given language ("zh" or "en"). */
  public static ImpactReport of(
      String lang,
      List<BatchCause> causes,
      DeletionSummary.Result deleted,
      TrafficImpact.Result traffic,
      MeasuredEffects trust,
      MeasuredEffects partnerships,
      Map<String, LocalDateTime> noticeTimes,
      ChannelImpact.Result channels,
      Funnel.Result funnel,
      CompassExports.Result compass,
      Settlements.Result settlement) {
    boolean zh = !"en".equals(lang);
    List<BatchRow> batches =
        causes.stream()
            .map(
                c ->
                    new BatchRow(
                        c.id(),
                        c.date(),
                        noticeTimes.get(c.id()),
                        c.orders(),
                        c.units(),
                        round(c.money(), 2),
                        c.products(),
                        c.likelyCause(),
                        round(c.confidence(), 2),
                        c.thinEvidence(),
                        c.signals().stream().map(s -> s.text(zh)).toList(),
                        c.signals().stream()
                            .map(
                                s ->
                                    new SignalValue(
                                        s.code(),
                                        s.measured() ? round(s.value(), 4) : null,
                                        s.reason()))
                            .toList(),
                        c.consequences().stream()
                            .map(q -> new ConsequenceRow(q.text(zh), q.source()))
                            .toList(),
                        c.odds().probabilities(),
                        c.undecided(),
                        c.undecided() ? c.odds().settle(zh) : null,
                        c.odds().drivers().stream().map(d -> d.text(zh)).toList()))
            .toList();
    Deletions deletions =
        new Deletions(
            deleted.orders(),
            deleted.units(),
            round(deleted.money(), 2),
            batches,
            deleted.products());

    Map<String, SeriesImpact.ProductEstimate> visitors = byProduct(traffic.visitors());
    Map<String, SeriesImpact.ProductEstimate> impressions = byProduct(traffic.impressions());
    Map<String, SeriesImpact.ProductEstimate> buyers = byProduct(traffic.conversion());
    Map<String, SeriesImpact.ProductEstimate> gmv = byProduct(traffic.gmv());
    List<ProductRow> products = new ArrayList<>();
    for (DeletionSummary.Product p : deleted.products()) {
      SeriesImpact.ProductEstimate v = visitors.get(p.productId());
      SeriesImpact.ProductEstimate g = gmv.get(p.productId());
      LocalDate since = v != null ? v.since() : g != null ? g.since() : null;
      products.add(
          new ProductRow(
              p.productId(),
              p.name(),
              since,
              p.orders(),
              p.units(),
              round(p.money(), 2),
              round(p.deletedShare(), 4),
              productLoss(traffic.visitors(), v, TrafficImpact.NEEDS_TRAFFIC, "visitors", 0, zh),
              productLoss(
                  traffic.impressions(),
                  impressions.get(p.productId()),
                  TrafficImpact.NEEDS_TRAFFIC,
                  "impressions",
                  0,
                  zh),
              productLoss(
                  traffic.conversion(),
                  buyers.get(p.productId()),
                  TrafficImpact.NEEDS_TRAFFIC,
                  "buyers",
                  1,
                  zh),
              productLoss(traffic.gmv(), g, TrafficImpact.NEEDS_ORDERS, "yuan", 2, zh),
              daily(v),
              daily(g)));
    }
    Charts charts =
        new Charts(
            causes.stream().map(BatchCause::date).distinct().sorted().toList(),
            shopDaily(traffic.visitors()),
            shopDaily(traffic.impressions()),
            shopDaily(traffic.conversion()),
            shopDaily(traffic.gmv()));
    return new ImpactReport(
        zh ? "zh" : "en",
        deletions,
        new Traffic(
            shopLoss(traffic.visitors(), TrafficImpact.NEEDS_TRAFFIC, "visitors", 0, zh),
            shopLoss(traffic.impressions(), TrafficImpact.NEEDS_TRAFFIC, "impressions", 0, zh)),
        shopLoss(traffic.conversion(), TrafficImpact.NEEDS_TRAFFIC, "buyers", 1, zh),
        shopLoss(traffic.gmv(), TrafficImpact.NEEDS_ORDERS, "yuan", 2, zh),
        trust,
        partnerships,
        products,
        charts,
        channels,
        funnel,
        compass,
        settlement);
  }

  private static Map<String, SeriesImpact.ProductEstimate> byProduct(
      SeriesImpact.MetricImpact impact) {
    return impact.products().stream()
        .collect(
            Collectors.toMap(
                SeriesImpact.ProductEstimate::productId, Function.identity(), (a, b) -> a));
  }

  private static Loss shopLoss(
      SeriesImpact.MetricImpact m, String needs, String unit, int decimals, boolean zh) {
    if (!m.measured()) {
      return new Loss(false, m.reason(), needs, unit, 0, 0, 0, false, null, null, null);
    }
    double expected = 0;
    for (SeriesImpact.ProductEstimate p : m.products()) {
      if (p.result().measured()) {
        expected += p.result().estimate().counterfactualTotal();
      }
    }
    return new Loss(
        true,
        m.reason(),
        needs,
        unit,
        round(m.loss(), decimals),
        round(m.lossLow(), decimals),
        round(m.lossHigh(), decimals),
        m.significant(),
        round(expected, decimals),
        null,
        m.calibration().sentence(zh));
  }

  /**
   * A shop-level loss without the calibration sentence, so one result serves both languages (the
   * channel losses).
   */
  static Loss neutralLoss(SeriesImpact.MetricImpact m) {
    Loss l = shopLoss(m, TrafficImpact.NEEDS_ORDERS, "yuan", 2, true);
    return new Loss(
        l.measured(),
        l.reason(),
        l.needs(),
        l.unit(),
        l.loss(),
        l.lossLow(),
        l.lossHigh(),
        l.significant(),
        l.expected(),
        null,
        null);
  }

  private static Loss productLoss(
      SeriesImpact.MetricImpact m,
      SeriesImpact.ProductEstimate p,
      String needs,
      String unit,
      int decimals,
      boolean zh) {
    if (p == null) {
      return new Loss(
          false,
          m.measured() ? Reason.of("no_data_for_product") : m.reason(),
          needs,
          unit,
          0,
          0,
          0,
          false,
          null,
          null,
          null);
    }
    if (!p.result().measured()) {
      return new Loss(false, p.result().refusal(), needs, unit, 0, 0, 0, false, null, null, null);
    }
    Counterfactual.Estimate e = p.result().estimate();
    Counterfactual.Fit f = e.fit();
    return new Loss(
        true,
        null,
        needs,
        unit,
        round(e.loss(), decimals),
        round(e.lossLow(), decimals),
        round(e.lossHigh(), decimals),
        e.significant(),
        round(e.counterfactualTotal(), decimals),
        new Counterfactual.Fit(
            f.preDays(),
            f.postDays(),
            f.controls(),
            round(f.rSquared(), 3),
            round(f.residualSd(), 2),
            f.mape() == null ? null : round(f.mape(), 3),
            f.weak(),
            new Counterfactual.Calibration(
                f.calibration().dates(),
                f.calibration().held(),
                round(f.calibration().widening(), 3))),
        f.calibration().sentence(zh));
  }

  private static Daily daily(SeriesImpact.ProductEstimate p) {
    if (p == null || !p.result().measured()) {
      return null;
    }
    Counterfactual.Estimate e = p.result().estimate();
    double[] cumulative = new double[e.actual().length];
    double running = 0;
    for (int t = 0; t < cumulative.length; t++) {
      if (t >= e.firstPostDay()) {
        running += e.predicted()[t] - e.actual()[t];
      }
      cumulative[t] = running;
    }
    return new Daily(e.days(), e.actual(), e.predicted(), e.low(), e.high(), cumulative).rounded();
  }

  private static Daily shopDaily(SeriesImpact.MetricImpact m) {
    return m.measured() ? m.daily().rounded() : null;
  }

  private static double[] rounded(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = round(values[i], 2);
    }
    return out;
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
