package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.advice.RankedAction;
import app.rebound.analysis.ChannelImpact;
import app.rebound.analysis.CompassExports;
import app.rebound.analysis.Counterfactual;
import app.rebound.analysis.Funnel;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.Measure;
import app.rebound.analysis.MeasuredEffects;
import app.rebound.analysis.ProductImpact;
import app.rebound.analysis.Reason;
import app.rebound.analysis.Settlements;
import app.rebound.report.ChartId;
import app.rebound.report.ChartTable;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The numbers of each dashboard page, built from an {@link ImpactReport}: the page template renders
 * these records and the same records are the JSON under /api, so a page and its JSON cannot
 * disagree. Numbers stay numbers here (null when not measured, never a zero); the templates format
 * them per language.
 */
public final class Dashboards {

  /** A measure the report lacks (analysed before it existed). */
  static final Reason NOT_MEASURED = Reason.of("not_measured");

  private Dashboards() {}

  /** Draws a chart for a slot: (chart id, product id or null) → SVG, or empty. */
  @FunctionalInterface
  interface Draw {
    Optional<String> svg(ChartId chartId, String productId);

    /** The same chart's data as a table; none by default. */
    default Optional<ChartTable> table(ChartId chartId, String productId) {
      return Optional.empty();
    }
  }

  // ---- shared pieces ----

  /**
   * A measured loss (positive = lost) with its 95% range; loss, low, high and expected are null
   * when not measured, and reason then says why.
   */
  public record LossView(
      String unit,
      boolean measured,
      Reason reason,
      String needs,
      Double loss,
      Double low,
      Double high,
      boolean significant,
      Double expected,
      Counterfactual.Fit fit,
      String verdict,
      String calibration,
      PeriodFigures.Change change) {

    static LossView of(ImpactReport.Loss loss) {
      return of(loss, null);
    }

    /** With the 环比 of the tile's period beside the loss (null: none). */
    static LossView of(ImpactReport.Loss loss, PeriodFigures.Change change) {
      if (loss == null) {
        return notMeasured(null, NOT_MEASURED, null, change);
      }
      if (!loss.measured()) {
        return notMeasured(loss.unit(), loss.reason(), loss.needs(), change);
      }
      return new LossView(
          loss.unit(),
          true,
          null,
          loss.needs(),
          loss.loss(),
          loss.lossLow(),
          loss.lossHigh(),
          loss.significant(),
          loss.expected(),
          loss.fit(),
          loss.verdict(),
          loss.calibration(),
          change);
    }

    /** A tile that measured nothing: only why not, and the 环比 beside it when there is one. */
    private static LossView notMeasured(
        String unit, Reason reason, String needs, PeriodFigures.Change change) {
      return new LossView(
          unit, false, reason, needs, null, null, null, false, null, null, null, null, change);
    }

    /** The 95% range holds zero: the page says "no measurable loss", not the point as damage. */
    public boolean noMeasurableLoss() {
      return ImpactReport.Loss.NO_MEASURABLE_LOSS.equals(verdict);
    }

    public boolean aboveExpected() {
      return ImpactReport.Loss.ABOVE_EXPECTED.equals(verdict);
    }
  }

  /**
   * One trust or partnership measure: the affected side before and after the deletion, and the
   * effect (difference in differences, or the plain change for shop-level measures) with its 95%
   * interval.
   */
  public record MeasureView(
      String id,
      String scope,
      String unit,
      String needs,
      boolean measured,
      Reason reason,
      Double before,
      Double after,
      Double estimate,
      Double low,
      Double high,
      boolean excludesZero,
      Double unaffectedBefore,
      Double unaffectedAfter) {

    static MeasureView of(Measure m) {
      Measure.Arm arm = m.affected();
      // the other half of a difference in differences: shown so the change reads from its figures
      Measure.Arm other = m.unaffected();
      Measure.Effect e = m.effect();
      return new MeasureView(
          m.id(),
          m.scope(),
          m.unit(),
          m.needs(),
          m.measured(),
          m.reason(),
          arm == null ? null : arm.before(),
          arm == null ? null : arm.after(),
          e == null ? null : e.estimate(),
          e == null ? null : e.low(),
          e == null ? null : e.high(),
          e != null && e.excludesZero(),
          other == null ? null : other.before(),
          other == null ? null : other.after());
    }

    static MeasureView missing(String id, Reason reason) {
      return new MeasureView(
          id, null, null, null, false, reason, null, null, null, null, null, false, null, null);
    }

    /** Whether the change is relative to the unaffected products' own before → after. */
    public boolean relative() {
      return unaffectedBefore != null && unaffectedAfter != null;
    }
  }

  /**
   * A chart on a page: where to download it, and why it is missing when it is. The SVG itself and
   * its data table (null when the chart has no points) are for the page only, not the JSON.
   */
  public record ChartSlot(
      ChartId id,
      boolean available,
      Reason reason,
      String svgHref,
      String pngHref,
      @JsonIgnore String svg,
      @JsonIgnore ChartTable table) {}

  /** Something a later stage computes; shown as a slot saying so, never with invented numbers. */
  public record Pending(String id, String status) {
    static final String NOT_COMPUTED = "not_computed";
  }

  public record DeletionTotals(
      long orders, long units, double money, int batches, LocalDate first, LocalDate last) {

    static DeletionTotals of(ImpactReport.Deletions d) {
      List<ImpactReport.BatchRow> b = d.batches();
      return new DeletionTotals(
          d.orders(),
          d.units(),
          d.money(),
          b.size(),
          b.stream().map(ImpactReport.BatchRow::date).min(Comparator.naturalOrder()).orElse(null),
          b.stream().map(ImpactReport.BatchRow::date).max(Comparator.naturalOrder()).orElse(null));
    }
  }

  /**
   * The settled money (结算账单) beside GMV, over the settlement export's own period. Figures are null
   * when not measured; reason then names the export to upload.
   *
   * @param settledShare the share of the period's paid GMV whose sub-orders have settled; null when
   *     the orders export has no order paid in the period
   */
  public record SettlementView(
      boolean measured,
      Reason reason,
      String needs,
      LocalDate from,
      LocalDate to,
      Double settled,
      Long settledOrders,
      long deletedOrders,
      Long deletedOrdersSettled,
      Double deletedSettled,
      Double paidGmv,
      Double settledShare) {

    /** A report from before settlements were read has none: not measured, as without the file. */
    static SettlementView of(Settlements.Result s, long deletedOrders) {
      if (s == null) {
        s = Settlements.Result.notMeasured(deletedOrders);
      }
      if (!s.measured()) {
        return new SettlementView(
            false,
            s.reason(),
            s.needs(),
            null,
            null,
            null,
            null,
            s.deletedOrders(),
            null,
            null,
            null,
            null);
      }
      return new SettlementView(
          true,
          null,
          s.needs(),
          s.from(),
          s.to(),
          s.settled(),
          s.settledOrders(),
          s.deletedOrders(),
          s.deletedOrdersSettled(),
          s.deletedSettled(),
          s.paidGmv(),
          s.settledShare());
    }
  }

  public record ProductRef(String productId, String name) {}

  public record ProductMeasures(
      String productId, String name, LocalDate deletedOn, List<MeasureView> measures) {}

  // ---- the pages ----

  /** GET /shops/{shop} and /api/shops/{shop}/overview. */
  public record Overview(
      DeletionTotals deletions,
      LossView visitors,
      LossView gmv,
      SettlementView settlement,
      MeasureView doubtfulReviews,
      MeasureView rating,
      MeasureView cancellations,
      MeasureView activeAffiliates,
      List<RankedAction> topActions,
      AppealViews.Deadline appealDeadline,
      List<ChartSlot> charts,
      Period period) {}

  /** /traffic: visitors, impressions and GMV lost; the split by channel; the funnel. */
  public record Traffic(
      LossView visitors,
      LossView impressions,
      LossView gmv,
      List<ChartSlot> charts,
      ChannelsView channels,
      FunnelView funnel,
      Period period,
      CompassExports.Result compass) {}

  /** /trust: conversion (buyers lost) and the trust measures, shop-wide and per product. */
  public record Trust(
      LossView conversion,
      List<MeasureView> shop,
      List<ProductMeasures> products,
      List<ChartSlot> charts,
      Period period) {}

  /** /partners: the affiliate measures, shop-wide and per product. */
  public record Partners(
      List<MeasureView> shop,
      List<ProductMeasures> products,
      List<ChartSlot> charts,
      Period period) {}

  /** /deletions: the batches, oldest first. */
  public record Deletions(DeletionTotals totals, List<Batch> batches, List<ChartSlot> charts) {}

  public record Batch(
      String id,
      LocalDate date,
      int orders,
      long units,
      double money,
      String likelyCause,
      double confidence,
      boolean thinEvidence,
      List<String> signals,
      List<ImpactReport.ConsequenceRow> consequences,
      List<ProductRef> products,
      Map<String, Double> probabilities,
      boolean undecided,
      String settle,
      List<String> drivers) {}

  /** /products: one line per affected product, sorted by {@code sort}. */
  public record Products(String sort, List<ProductLine> rows, Period period) {}

  /**
   * @param trust the product's change in the share of reviews doubting its sales (null when not
   *     measured)
   */
  public record ProductLine(
      String productId,
      String name,
      LocalDate deletedSince,
      long deletedOrders,
      double deletedShare,
      LossView visitors,
      LossView gmv,
      MeasureView trust) {}

  /**
   * /products/{product}: its losses with their pre-period fits (over the whole run since its
   * deletion), the visitors and GMV tiles over the chosen period with their 环比, its trust and
   * partnership measures.
   */
  public record Product(
      String productId,
      String name,
      LocalDate deletedSince,
      long deletedOrders,
      long deletedUnits,
      double deletedMoney,
      double deletedShare,
      LossView visitors,
      LossView impressions,
      LossView conversion,
      LossView gmv,
      List<MeasureView> trust,
      List<MeasureView> partnerships,
      List<String> batches,
      List<ChartSlot> charts,
      LossView visitorsInPeriod,
      LossView gmvInPeriod,
      Period period) {}

  /** How the products table can be sorted: {@code ?sort=} one of these; numbers largest first. */
  public enum Sort {
    NAME("name"),
    SHARE("share"),
    VISITORS("visitors"),
    GMV("gmv"),
    TRUST("trust");

    public static final Sort DEFAULT = GMV;
    private final String param;

    Sort(String param) {
      this.param = param;
    }

    public String param() {
      return param;
    }

    static Sort of(String param) {
      if (param == null || param.isBlank()) {
        return DEFAULT;
      }
      for (Sort s : values()) {
        if (s.param.equals(param.trim())) {
          return s;
        }
      }
      throw new BadInputException(
          "unknown sort \""
              + param
              + "\": use one of "
              + Arrays.stream(values()).map(Sort::param).collect(Collectors.joining(", ")));
    }
  }

  public static final String DOUBTFUL = "doubtful_review_share";

  // ---- builders ----

  /** The overview with the plan's first three actions. */
  /**
   * @param appealDeadline null while the appeal workbench is being prepared
   */
  static Overview overview(
      String shop,
      ImpactReport r,
      Draw draw,
      List<RankedAction> actions,
      AppealViews.Deadline appealDeadline,
      Period period) {
    ImpactReport.Charts s = r.series();
    return new Overview(
        DeletionTotals.of(r.deletions()),
        shopLoss(r, r.traffic().visitors(), s == null ? null : s.visitors(), period),
        shopLoss(r, r.gmv(), s == null ? null : s.gmv(), period),
        SettlementView.of(r.settlement(), r.deletions().orders()),
        shopMeasure(r.trust().shop(), DOUBTFUL),
        shopMeasure(r.trust().shop(), "average_rating"),
        shopMeasure(r.partnerships().shop(), "affiliate_cancellations"),
        shopMeasure(r.partnerships().shop(), "active_affiliates"),
        actions.subList(0, Math.min(3, actions.size())),
        appealDeadline,
        charts(
            shop,
            r,
            null,
            draw,
            ChartId.DELETIONS_TIMELINE,
            ChartId.VISITORS_CUMULATIVE,
            ChartId.GMV_CUMULATIVE),
        period);
  }

  static Traffic traffic(String shop, ImpactReport r, Draw draw, Period period) {
    ImpactReport.Charts s = r.series();
    return new Traffic(
        shopLoss(r, r.traffic().visitors(), s == null ? null : s.visitors(), period),
        shopLoss(r, r.traffic().impressions(), s == null ? null : s.impressions(), period),
        shopLoss(r, r.gmv(), s == null ? null : s.gmv(), period),
        charts(
            shop,
            r,
            null,
            draw,
            ChartId.VISITORS,
            ChartId.VISITORS_CUMULATIVE,
            ChartId.IMPRESSIONS,
            ChartId.GMV,
            ChartId.GMV_CUMULATIVE),
        ChannelsView.of(r.channels()),
        FunnelView.of(r.funnel()),
        period,
        r.compass() != null ? r.compass() : NOT_ANALYSED_COMPASS);
  }

  /** A report analysed before the 罗盘 成交分析 and 流量来源 exports were read. */
  static final CompassExports.Result NOT_ANALYSED_COMPASS =
      new CompassExports.Result(
          new CompassExports.ShopTraffic(
              false, NOT_MEASURED, null, null, null, null, null, 0, 0, List.of()),
          new CompassExports.Sources(false, NOT_MEASURED, null, null, 0, List.of()),
          new CompassExports.DealProducts(false, NOT_MEASURED, null, null, 0, 0, 0, 0, List.of()));

  static Trust trust(String shop, ImpactReport r, Draw draw, Period period) {
    MeasuredEffects t = r.trust();
    ImpactReport.Charts s = r.series();
    return new Trust(
        shopLoss(r, r.conversion(), s == null ? null : s.buyers(), period),
        measures(t.shop()),
        productMeasures(t.products()),
        charts(
            shop,
            r,
            null,
            draw,
            ChartId.BUYERS,
            ChartId.TRUST_RATING,
            ChartId.TRUST_DOUBTFUL,
            ChartId.TRUST_REFUND,
            ChartId.SHOP_SCORE,
            ChartId.COMPLAINTS),
        period);
  }

  static Partners partners(String shop, ImpactReport r, Draw draw, Period period) {
    MeasuredEffects p = r.partnerships();
    return new Partners(
        measures(p.shop()),
        productMeasures(p.products()),
        charts(
            shop,
            r,
            null,
            draw,
            ChartId.PARTNERS_ACTIVE,
            ChartId.PARTNERS_CANCELLED,
            ChartId.AFFILIATE_GMV),
        period);
  }

  static Deletions deletions(String shop, ImpactReport r, Draw draw) {
    Map<String, String> names = names(r);
    List<Batch> batches =
        r.deletions().batches().stream()
            .sorted(
                Comparator.comparing(ImpactReport.BatchRow::date)
                    .thenComparing(ImpactReport.BatchRow::id))
            .map(
                b ->
                    new Batch(
                        b.id(),
                        b.date(),
                        b.orders(),
                        b.units(),
                        b.money(),
                        b.likelyCause(),
                        b.confidence(),
                        b.thinEvidence(),
                        b.signals(),
                        b.consequences(),
                        b.products().stream()
                            .map(id -> new ProductRef(id, names.getOrDefault(id, "")))
                            .toList(),
                        b.probabilities(),
                        b.undecided(),
                        b.settle(),
                        b.drivers()))
            .toList();
    return new Deletions(
        DeletionTotals.of(r.deletions()),
        batches,
        charts(shop, r, null, draw, ChartId.DELETIONS_TIMELINE));
  }

  static Products products(ImpactReport r, Sort sort, Period period) {
    Map<String, MeasureView> trust =
        r.trust().products().stream()
            .collect(
                Collectors.toMap(
                    ProductImpact::productId,
                    p ->
                        p.measures().stream()
                            .filter(m -> m.id().equals(DOUBTFUL))
                            .findFirst()
                            .map(MeasureView::of)
                            .orElse(MeasureView.missing(DOUBTFUL, NOT_MEASURED)),
                    (a, b) -> a));
    List<ProductLine> rows = new ArrayList<>();
    for (ImpactReport.ProductRow p : r.products()) {
      rows.add(
          new ProductLine(
              p.productId(),
              p.name(),
              p.deletedSince(),
              p.deletedOrders(),
              p.deletedShare(),
              productLoss(p.visitors(), p.visitorsDaily(), p.deletedSince(), period),
              productLoss(p.gmv(), p.gmvDaily(), p.deletedSince(), period),
              trust.getOrDefault(p.productId(), MeasureView.missing(DOUBTFUL, NOT_MEASURED))));
    }
    rows.sort(order(sort));
    return new Products(sort.param(), List.copyOf(rows), period);
  }

  static Optional<Product> product(
      String shop, ImpactReport r, String productId, Draw draw, Period period) {
    Optional<ImpactReport.ProductRow> found =
        r.products().stream().filter(p -> p.productId().equals(productId)).findFirst();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ImpactReport.ProductRow p = found.get();
    return Optional.of(
        new Product(
            p.productId(),
            p.name(),
            p.deletedSince(),
            p.deletedOrders(),
            p.deletedUnits(),
            p.deletedMoney(),
            p.deletedShare(),
            LossView.of(p.visitors()),
            LossView.of(p.impressions()),
            LossView.of(p.conversion()),
            LossView.of(p.gmv()),
            productMeasureList(r.trust().products(), productId),
            productMeasureList(r.partnerships().products(), productId),
            r.deletions().batches().stream()
                .filter(b -> b.products().contains(productId))
                .map(ImpactReport.BatchRow::id)
                .toList(),
            charts(shop, r, productId, draw, ChartId.PRODUCT_VISITORS, ChartId.PRODUCT_GMV),
            productLoss(p.visitors(), p.visitorsDaily(), p.deletedSince(), period),
            productLoss(p.gmv(), p.gmvDaily(), p.deletedSince(), period),
            period));
  }

  // ---- helpers ----

  /**
   * The period asked for, inside the days the report's series cover; the default (since the first
   * deletion) when the request asks for none or for one the data cannot give.
   */
  static Period period(ImpactReport r, Period.Query query) {
    List<LocalDate> days = seriesDays(r);
    LocalDate deletion =
        r.deletions().batches().stream()
            .map(ImpactReport.BatchRow::date)
            .min(Comparator.naturalOrder())
            .orElse(null);
    return Period.resolve(
        query,
        days.isEmpty() ? null : days.get(0),
        days.isEmpty() ? null : days.get(days.size() - 1),
        deletion);
  }

  private static List<LocalDate> seriesDays(ImpactReport r) {
    ImpactReport.Charts s = r.series();
    if (s == null) {
      return List.of();
    }
    for (ImpactReport.Daily d : Arrays.asList(s.gmv(), s.visitors(), s.impressions(), s.buyers())) {
      if (d != null && !d.days().isEmpty()) {
        return d.days();
      }
    }
    return List.of();
  }

  /** A shop loss over the period, with its 环比 from the same daily series. */
  private static LossView shopLoss(
      ImpactReport r, ImpactReport.Loss full, ImpactReport.Daily daily, Period period) {
    LocalDate deletion =
        r.series() == null || r.series().deletionDates().isEmpty()
            ? null
            : r.series().deletionDates().get(0);
    return periodLoss(full, daily, deletion, period);
  }

  private static LossView productLoss(
      ImpactReport.Loss full, ImpactReport.Daily daily, LocalDate since, Period period) {
    return periodLoss(full, daily, since, period);
  }

  private static LossView periodLoss(
      ImpactReport.Loss full, ImpactReport.Daily daily, LocalDate deletion, Period period) {
    return LossView.of(
        PeriodFigures.loss(full, daily, period, deletion),
        PeriodFigures.change(daily, full == null ? null : full.unit(), period));
  }

  private static Comparator<ProductLine> order(Sort sort) {
    Comparator<ProductLine> byName =
        Comparator.comparing(ProductLine::name).thenComparing(ProductLine::productId);
    Function<ProductLine, Double> key =
        switch (sort) {
          case GMV -> l -> l.gmv().loss();
          case VISITORS -> l -> l.visitors().loss();
          case SHARE -> ProductLine::deletedShare;
          case TRUST -> l -> l.trust().estimate();
          case NAME -> l -> null;
        };
    if (sort == Sort.NAME) {
      return byName;
    }
    // Largest first; the not measured last.
    return Comparator.comparing(key, Comparator.nullsLast(Comparator.<Double>reverseOrder()))
        .thenComparing(byName);
  }

  private static List<MeasureView> measures(List<Measure> measures) {
    return measures.stream().map(MeasureView::of).toList();
  }

  private static MeasureView shopMeasure(List<Measure> measures, String id) {
    return measures.stream()
        .filter(m -> m.id().equals(id))
        .findFirst()
        .map(MeasureView::of)
        .orElse(MeasureView.missing(id, NOT_MEASURED));
  }

  private static List<ProductMeasures> productMeasures(List<ProductImpact> products) {
    return products.stream()
        .map(
            p ->
                new ProductMeasures(
                    p.productId(), p.productName(), p.deletedOn(), measures(p.measures())))
        .toList();
  }

  private static List<MeasureView> productMeasureList(
      List<ProductImpact> products, String productId) {
    return products.stream()
        .filter(p -> p.productId().equals(productId))
        .findFirst()
        .map(p -> measures(p.measures()))
        .orElse(List.of());
  }

  private static Map<String, String> names(ImpactReport r) {
    return r.products().stream()
        .collect(
            Collectors.toMap(
                ImpactReport.ProductRow::productId, ImpactReport.ProductRow::name, (a, b) -> a));
  }

  static final Reason CHART_NOT_DRAWN = Reason.of("chart_not_drawn");

  private static final Reason NO_SUCH_PRODUCT = Reason.of("no_such_product");

  private static List<ChartSlot> charts(
      String shop, ImpactReport r, String productId, Draw draw, ChartId... ids) {
    ImpactReport.ProductRow product =
        productId == null
            ? null
            : r.products().stream()
                .filter(p -> p.productId().equals(productId))
                .findFirst()
                .orElse(null);
    List<ChartSlot> slots = new ArrayList<>();
    for (ChartId id : ids) {
      String href = "/shops/" + shop + "/charts/" + id.code();
      String query =
          productId == null
              ? ""
              : "?product=" + URLEncoder.encode(productId, StandardCharsets.UTF_8);
      Reason reason = whyMissing(id, r, product);
      Optional<String> svg = reason == null ? draw.svg(id, productId) : Optional.empty();
      slots.add(
          new ChartSlot(
              id,
              svg.isPresent(),
              svg.isPresent() ? null : reason == null ? CHART_NOT_DRAWN : reason,
              href + ".svg" + query,
              href + ".png" + query,
              svg.orElse(null),
              svg.isPresent() ? draw.table(id, productId).orElse(null) : null));
    }
    return slots;
  }

  /** Why a chart has nothing to draw: its measure's reason; null when its data is there. */
  static Reason whyMissing(ChartId chartId, ImpactReport r, ImpactReport.ProductRow product) {
    return switch (chartId) {
      case VISITORS, VISITORS_CUMULATIVE -> reason(r.traffic().visitors());
      case IMPRESSIONS -> reason(r.traffic().impressions());
      case BUYERS -> reason(r.conversion());
      case GMV, GMV_CUMULATIVE -> reason(r.gmv());
      case PRODUCT_VISITORS -> product == null ? NO_SUCH_PRODUCT : reason(product.visitors());
      case PRODUCT_GMV -> product == null ? NO_SUCH_PRODUCT : reason(product.gmv());
      case TRUST_RATING -> reason(r.trust().shop(), "average_rating");
      case TRUST_DOUBTFUL -> reason(r.trust().shop(), DOUBTFUL);
      case TRUST_REFUND -> reason(r.trust().shop(), "refund_rate");
      case SHOP_SCORE -> reason(r.trust().shop(), "shop_experience_score");
      case COMPLAINTS -> reason(r.trust().shop(), "complaints_per_day");
      case PARTNERS_ACTIVE -> reason(r.partnerships().shop(), "active_affiliates");
      case PARTNERS_CANCELLED -> reason(r.partnerships().shop(), "affiliate_cancellations");
      case AFFILIATE_GMV -> reason(r.partnerships().shop(), "affiliate_gmv");
      case DELETIONS_TIMELINE ->
          r.deletions().batches().isEmpty() ? Reason.of("no_deletions") : null;
    };
  }

  private static Reason reason(ImpactReport.Loss loss) {
    return loss == null ? NOT_MEASURED : loss.measured() ? null : loss.reason();
  }

  private static Reason reason(List<Measure> measures, String id) {
    Optional<Measure> m = measures.stream().filter(x -> x.id().equals(id)).findFirst();
    if (m.isEmpty()) {
      return NOT_MEASURED;
    }
    return m.get().measured() || m.get().affected() != null ? null : m.get().reason();
  }

  // ---- /traffic: channels and funnel (issue 19) ----

  /**
   * The loss and the before/after by 流量来源, 流量渠道 and 流量体裁; reason says why when not measured (null
   * report field: analysed before channels existed).
   */
  public record ChannelsView(
      boolean measured,
      Reason reason,
      LocalDate split,
      int beforeDays,
      int afterDays,
      List<ChannelDimension> dimensions) {

    static ChannelsView of(ChannelImpact.Result c) {
      if (c == null) {
        return new ChannelsView(false, NOT_MEASURED, null, 0, 0, List.of());
      }
      return new ChannelsView(
          c.measured(),
          c.reason(),
          c.split(),
          c.beforeDays(),
          c.afterDays(),
          c.dimensions().stream()
              .map(
                  d ->
                      new ChannelDimension(
                          d.id(), d.label(), d.channels().stream().map(ChannelRow::of).toList()))
              .toList());
    }
  }

  public record ChannelDimension(String id, String label, List<ChannelRow> channels) {}

  /**
   * One channel: paid orders per day of the affected and the unaffected products before and after,
   * their ratio of ratios (1 = moved alike), and the affected products' GMV loss in it.
   */
  public record ChannelRow(
      String value,
      double affectedBefore,
      double affectedAfter,
      double unaffectedBefore,
      double unaffectedAfter,
      Double ratio,
      LossView loss) {

    static ChannelRow of(ChannelImpact.Channel c) {
      double[] d = c.ordersPerDay();
      return new ChannelRow(c.value(), d[0], d[1], d[2], d[3], c.ratio(), LossView.of(c.loss()));
    }
  }

  /** The funnel of the affected products pooled and of each affected product. */
  public record FunnelView(
      boolean measured,
      Reason reason,
      LocalDate split,
      int beforeDays,
      int afterDays,
      List<FunnelStep> shop,
      List<ProductFunnel> products) {

    static FunnelView of(Funnel.Result f) {
      if (f == null) {
        return new FunnelView(false, NOT_MEASURED, null, 0, 0, List.of(), List.of());
      }
      return new FunnelView(
          f.measured(),
          f.reason(),
          f.split(),
          f.beforeDays(),
          f.afterDays(),
          f.shop().stream().map(FunnelStep::of).toList(),
          f.products().stream()
              .map(
                  p ->
                      new ProductFunnel(
                          p.productId(),
                          p.name(),
                          p.since(),
                          p.beforeDays(),
                          p.afterDays(),
                          p.steps().stream().map(FunnelStep::of).toList()))
              .toList());
    }

    /** A stage's count per day (impressions, visitors, paid, completed, refunded) of one arm. */
    public Double perDay(String stage, boolean affected, boolean after) {
      String step =
          switch (stage) {
            case "impressions", "visitors" -> "click_rate";
            case "paid", "completed" -> "completion_rate";
            default -> "refund_rate";
          };
      boolean ofDenominator = stage.equals("impressions") || stage.equals("paid");
      for (FunnelStep s : shop) {
        Measure.Arm arm = affected ? s.affected() : s.unaffected();
        if (s.id().equals(step) && arm != null) {
          int days = after ? afterDays : beforeDays;
          long n =
              ofDenominator
                  ? (after ? arm.nAfter() : arm.nBefore())
                  : (after ? arm.countAfter() : arm.countBefore());
          return days == 0 ? null : (double) n / days;
        }
      }
      return null;
    }
  }

  public record ProductFunnel(
      String productId,
      String name,
      LocalDate since,
      int beforeDays,
      int afterDays,
      List<FunnelStep> steps) {}

  /** One rate of the funnel: both arms before and after, and the difference in differences. */
  public record FunnelStep(
      String id,
      String needs,
      boolean measured,
      Reason reason,
      Measure.Arm affected,
      Measure.Arm unaffected,
      Double estimate,
      Double low,
      Double high,
      boolean excludesZero) {

    static FunnelStep of(Measure m) {
      Measure.Effect e = m.effect();
      return new FunnelStep(
          m.id(),
          m.needs(),
          m.measured(),
          m.reason(),
          m.affected(),
          m.unaffected(),
          e == null ? null : e.estimate(),
          e == null ? null : e.low(),
          e == null ? null : e.high(),
          e != null && e.excludesZero());
    }
  }
}
