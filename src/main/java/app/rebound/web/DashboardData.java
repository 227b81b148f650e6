package app.rebound.web;

import app.rebound.PlatformTime;
import app.rebound.advice.Plan;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.Reason;
import app.rebound.report.AppealPackWriter;
import app.rebound.report.ChartId;
import app.rebound.report.ChartTable;
import app.rebound.service.Analyses;
import app.rebound.store.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.ConflictResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Gathers a dashboard's numbers for a request: the shop, its language, its cached analysis and,
 * once that is READY, the page's record from {@link Dashboards}. The page and the /api handler both
 * call this, so they render and answer the same record.
 */
final class DashboardData {

  static final String PRODUCT_PARAM = "product";
  static final String SORT_PARAM = "sort";
  static final String GROUP_PARAM = "group";

  /** A request's shop and language with the state of its analysis. */
  record Loaded(String shop, Lang lang, ReportCache.Analysis analysis, Period.Query query) {

    boolean ready() {
      return analysis.ready();
    }

    ImpactReport report() {
      return analysis.report();
    }

    /** The dashboard period the request asked for, checked against the report's days. */
    Period period() {
      return Dashboards.period(report(), query);
    }
  }

  private final Workspaces workspaces;
  private final ReportCache reports;
  private final ChartSource charts;

  DashboardData(Workspaces workspaces, ReportCache reports, ChartSource charts) {
    this.workspaces = workspaces;
    this.reports = reports;
    this.charts = charts;
  }

  Loaded load(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    Lang lang = Lang.of(ctx);
    Period.Query query =
        new Period.Query(
            ctx.queryParam(Period.PARAM), ctx.queryParam(Period.FROM), ctx.queryParam(Period.TO));
    return new Loaded(shop, lang, reports.get(shop, lang.code()), query);
  }

  /**
   * The shop's finished analysis, for what needs it whole (a download, a chart, a form that acts on
   * the plan); 409 saying where the analysis stands while it runs or why it failed.
   */
  Loaded loadReady(Context ctx) throws Exception {
    Loaded l = load(ctx);
    if (!l.ready()) {
      throw new ConflictResponse("the analysis is not finished yet: " + progress(l).text());
    }
    return l;
  }

  /** Where the shop's analysis stands, as the pages show it. */
  static Views.Progress progress(Loaded l) {
    ReportCache.Analysis a = l.analysis();
    return new Views.Progress(a.state().name().toLowerCase(Locale.ROOT), a.progress(), a.error());
  }

  Dashboards.Overview overview(Loaded l) {
    AppealViews.Deadline deadline =
        appealGroups(l).map(g -> AppealViews.deadline(g, now())).orElse(null);
    return Dashboards.overview(
        l.shop(), l.report(), draw(l), plan(l).actions(), deadline, l.period());
  }

  /**
   * The appeal workbench at this moment: the time left is counted from the request, not the
   * analysis.
   */
  AppealViews.Workbench appeal(Loaded l) {
    return AppealViews.workbench(appealOrConflict(l), now(), l.lang().code());
  }

  /** One submission group; 404 when the shop's current analysis has no such group. */
  AppealViews.GroupDetail appealGroup(Loaded l, Context ctx) {
    String group = ctx.pathParam(GROUP_PARAM);
    return AppealViews.group(appealOrConflict(l), group, now(), l.lang().code())
        .orElseThrow(() -> noGroup(l, group));
  }

  /** A group's appeal pack (ZIP); 409 once its window has closed, as nothing is offered then. */
  Pack appealPack(Loaded l, Context ctx) {
    AppealReport report = appealOrConflict(l);
    String id = ctx.pathParam(GROUP_PARAM);
    var group =
        report.groups().stream()
            .filter(g -> g.id().equals(id))
            .findFirst()
            .orElseThrow(() -> noGroup(l, id));
    if (group.closed(now())) {
      throw new ConflictResponse(
          "the appeal window of group "
              + id
              + " closed at "
              + group.deadline()
              + ": the platform accepts no appeal for it, so no pack is offered");
    }
    return new Pack(group.pack(), AppealPackWriter.zip(group, report, l.lang().code()));
  }

  record Pack(String fileName, byte[] zip) {}

  private static NotFoundResponse noGroup(Loaded l, String group) {
    return new NotFoundResponse("no appeal group \"" + group + "\" in shop " + l.shop());
  }

  /** appeal.json as the analyze command writes it, with the time left counted now. */
  JsonNode appealJson(Loaded l) {
    return appealOrConflict(l).toJson(l.lang().code(), now());
  }

  Optional<AppealReport> appealReport(Loaded l) {
    try {
      return reports.appeal(l.shop());
    } catch (Exception e) {
      throw new IllegalStateException(
          "the appeal workbench of shop " + l.shop() + " does not read back", e);
    }
  }

  /** The submission groups alone: the overview needs no order of the workbench. */
  private Optional<List<AppealGroup>> appealGroups(Loaded l) {
    try {
      return reports.appealGroups(l.shop());
    } catch (Exception e) {
      throw new IllegalStateException(
          "the appeal workbench of shop " + l.shop() + " does not read back", e);
    }
  }

  private AppealReport appealOrConflict(Loaded l) {
    return appealReport(l)
        .orElseThrow(
            () ->
                new ConflictResponse(
                    "the appeal workbench is being prepared; try again in a moment"));
  }

  /** Now on the platform's clock: notices, deadlines and exports are all in Beijing time. */
  LocalDateTime now() {
    return PlatformTime.now(workspaces.clock());
  }

  Dashboards.Traffic traffic(Loaded l) {
    return Dashboards.traffic(l.shop(), l.report(), draw(l), l.period());
  }

  Dashboards.Trust trust(Loaded l) {
    return Dashboards.trust(l.shop(), l.report(), draw(l), l.period());
  }

  Dashboards.Partners partners(Loaded l) {
    return Dashboards.partners(l.shop(), l.report(), draw(l), l.period());
  }

  /** The recovery plan: ranked actions, week-by-week steps, the assumptions used. */
  Plan plan(Loaded l) {
    return l.analysis().entry().plan();
  }

  Dashboards.Deletions deletions(Loaded l) {
    return Dashboards.deletions(l.shop(), l.report(), draw(l));
  }

  Dashboards.Products products(Loaded l, Context ctx) {
    return Dashboards.products(
        l.report(), Dashboards.Sort.of(ctx.queryParam(SORT_PARAM)), l.period());
  }

  /** The product of the path; 404 when the analysis has no such affected product. */
  Dashboards.Product product(Loaded l, Context ctx) {
    String product = ctx.pathParam(PRODUCT_PARAM);
    return Dashboards.product(l.shop(), l.report(), product, draw(l), l.period())
        .orElseThrow(
            () ->
                new NotFoundResponse(
                    "no affected product \"" + product + "\" in shop " + l.shop()));
  }

  /**
   * A chart for download: ".svg" or ".png" after a known chart id; 404 with the reason when absent.
   */
  Chart chart(Loaded l, String file, String productId) {
    int dot = file.lastIndexOf('.');
    Optional<ChartId> asked = ChartId.byCode(dot < 0 ? file : file.substring(0, dot));
    String type = dot < 0 ? "" : file.substring(dot + 1);
    if (asked.isEmpty() || !(type.equals("svg") || type.equals("png"))) {
      throw new NotFoundResponse(
          "no chart \"" + file + "\": use one of " + ChartId.codes() + " with .svg or .png");
    }
    ChartId id = asked.get();
    ImpactReport.ProductRow product =
        productId == null
            ? null
            : l.report().products().stream()
                .filter(p -> p.productId().equals(productId))
                .findFirst()
                .orElseThrow(
                    () ->
                        new NotFoundResponse(
                            "no affected product \"" + productId + "\" in shop " + l.shop()));
    Reason missing = Dashboards.whyMissing(id, l.report(), product);
    if (missing != null) {
      throw new NotFoundResponse(Messages.of(l.lang()).reason(missing));
    }
    if (type.equals("svg")) {
      Optional<String> svg = draw(l).svg(id, productId);
      return new Chart(
          "image/svg+xml",
          svg.map(s -> s.getBytes(StandardCharsets.UTF_8)).orElseThrow(() -> notDrawn(l)),
          id.code() + ".svg");
    }
    byte[] png =
        charts.png(id, l.report(), productId, l.lang().code()).orElseThrow(() -> notDrawn(l));
    return new Chart("image/png", png, id.code() + ".png");
  }

  record Chart(String contentType, byte[] bytes, String fileName) {}

  private static NotFoundResponse notDrawn(Loaded l) {
    return new NotFoundResponse(Messages.of(l.lang()).reason(Dashboards.CHART_NOT_DRAWN));
  }

  /** Charts drawn once per version of the report and kept beside it. */
  private Dashboards.Draw draw(Loaded l) {
    ReportCache.Entry entry = l.analysis().entry();
    String lang = l.lang().code();
    return new Dashboards.Draw() {
      @Override
      public Optional<String> svg(ChartId chartId, String productId) {
        return entry.svg(
            chartId.code() + "\n" + productId + "\n" + lang,
            () -> charts.svg(chartId, l.report(), productId, lang));
      }

      @Override
      public Optional<ChartTable> table(ChartId chartId, String productId) {
        return entry.table(
            chartId.code() + "\n" + productId + "\n" + lang,
            () -> charts.table(chartId, l.report(), productId, lang));
      }
    };
  }

  /** Whether the analysis failed or has no data: the states pages show instead of numbers. */
  static boolean failed(Loaded l) {
    return l.analysis().state() == Analyses.State.FAILED;
  }
}
