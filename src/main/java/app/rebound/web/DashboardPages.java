package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.advice.ActionId;
import app.rebound.advice.Plan;
import app.rebound.advice.RankedAction;
import app.rebound.analysis.ImpactReport;
import app.rebound.report.PlanWriters;
import app.rebound.report.Table;
import app.rebound.service.ActionsTaken;
import app.rebound.store.Workspaces;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.ServiceUnavailableResponse;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The dashboard pages of a shop: each gathers its record through {@link DashboardData} (the same
 * one its /api twin answers) and hands it to a template. While the analysis runs a page shows the
 * progress and reloads itself every {@value #REFRESH_SECONDS} seconds; when it failed the page says
 * why.
 */
final class DashboardPages {

  static final int REFRESH_SECONDS = 2;

  /** Documents rendered at once, across shops: two, as the cores of the machine it was sized on. */
  static final int MAX_RENDERS = 2;

  static final Duration RENDER_WAIT = Duration.ofSeconds(60);

  /** The pages with tables to download, as paths under the shop with their parameters. */
  static final List<String> TABLE_PAGES =
      List.of(
          "traffic",
          "trust",
          "partners",
          "products",
          "plan",
          "appeal",
          "products/{product}",
          "appeal/{group}");

  private final Semaphore renders = new Semaphore(MAX_RENDERS, true);
  private final Workspaces workspaces;
  private final DashboardData data;
  private final Templates templates;
  private final List<NavEntry> nav;

  DashboardPages(
      Workspaces workspaces, DashboardData data, Templates templates, List<NavEntry> nav) {
    this.workspaces = workspaces;
    this.data = data;
    this.templates = templates;
    this.nav = nav;
  }

  /** GET /shops/{shop}: the tiles, then the uploads. */
  void overview(Context ctx) throws Exception {
    DashboardData.Loaded l = data.load(ctx);
    Messages msg = Messages.of(l.lang());
    String here = ShopPages.shopPath(l.shop());
    Chrome chrome = chrome(ctx, msg, l, msg.format("overview.title", l.shop()), here);
    templates.respond(
        ctx,
        "overview.jte",
        new Views.Overview(
            chrome,
            l.shop(),
            DashboardData.progress(l),
            l.ready() ? data.overview(l) : null,
            workspaces.summary(l.shop()),
            workspaces.database(l.shop()).uploads()));
  }

  /** GET /shops/{shop}/traffic */
  void traffic(Context ctx) throws Exception {
    page(ctx, "traffic", "traffic.jte", data::traffic);
  }

  /** GET /shops/{shop}/trust */
  void trust(Context ctx) throws Exception {
    page(ctx, "trust", "trust.jte", data::trust);
  }

  /** GET /shops/{shop}/partners */
  void partners(Context ctx) throws Exception {
    page(ctx, "partners", "partners.jte", data::partners);
  }

  /** GET /shops/{shop}/plan */
  void plan(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    var taken = ActionsTaken.measure(workspaces.database(shop));
    page(ctx, "plan", "plan.jte", l -> new Views.PlanView(data.plan(l), taken));
  }

  /**
   * POST /shops/{shop}/actions (form: action, started_on): the merchant started a planned action.
   */
  void recordAction(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    DashboardData.Loaded l = data.loadReady(ctx);
    String asked = ctx.formParam("action");
    RankedAction planned =
        ActionId.byCode(asked)
            .flatMap(data.plan(l)::action)
            .orElseThrow(() -> new BadInputException("the plan has no action '" + asked + "'"));
    LocalDate startedOn;
    try {
      startedOn = LocalDate.parse(String.valueOf(ctx.formParam("started_on")));
    } catch (DateTimeParseException e) {
      throw new BadInputException("started_on must be a date like 2026-06-20");
    }
    ActionsTaken.start(workspaces, shop, planned.id(), startedOn, planned.products());
    ctx.redirect(ShopPages.shopPath(shop) + "/plan", HttpStatus.SEE_OTHER);
  }

  /** GET /shops/{shop}/plan.pdf, plan.md, actions.csv: 409 while the analysis runs. */
  void planDownload(Context ctx, String file) throws Exception {
    DashboardData.Loaded l = data.loadReady(ctx);
    String type =
        switch (file) {
          case "plan.pdf" -> "application/pdf";
          case "plan.md" -> "text/markdown; charset=utf-8";
          case "actions.csv" -> "text/csv; charset=utf-8";
          default -> throw new NotFoundResponse(file);
        };
    Plan plan = data.plan(l);
    byte[] document = l.analysis().entry().document(file, () -> boundedRender(file, plan, l));
    ctx.contentType(type).result(new ByteArrayInputStream(document));
    ctx.header("Content-Disposition", "attachment; filename=\"" + l.shop() + "-" + file + "\"");
  }

  /**
   * Renders one document while holding one of the {@link #MAX_RENDERS} permits: a PDF holds its
   * fonts and charts in memory, so many at once would exhaust the heap. Waits at most {@link
   * #RENDER_WAIT} for a permit, then answers 503.
   */
  private byte[] boundedRender(String file, Plan plan, DashboardData.Loaded l) {
    boolean permitted;
    try {
      permitted = renders.tryAcquire(RENDER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      permitted = false;
    }
    if (!permitted) {
      throw new ServiceUnavailableResponse(
          "the server is busy rendering other documents; try again in a moment");
    }
    try {
      return switch (file) {
        case "plan.pdf" -> PlanWriters.pdf(plan, l.report(), l.shop());
        case "plan.md" ->
            PlanWriters.markdown(plan, l.report(), l.shop()).getBytes(StandardCharsets.UTF_8);
        default -> PlanWriters.csv(plan);
      };
    } finally {
      renders.release();
    }
  }

  /**
   * GET /shops/{shop}/appeal: the submission groups, most urgent first, and the orders not to
   * appeal.
   */
  void appeal(Context ctx) throws Exception {
    page(ctx, "appeal", "appeal.jte", data::appeal);
  }

  /** GET /shops/{shop}/appeal/{group}: one group's deadline, evidence and orders. */
  void appealGroup(Context ctx) throws Exception {
    DashboardData.Loaded l = data.load(ctx);
    Messages msg = Messages.of(l.lang());
    AppealViews.GroupDetail group = l.ready() ? data.appealGroup(l, ctx) : null;
    String id = ctx.pathParam(DashboardData.GROUP_PARAM);
    String title =
        msg.format("appeal.group.title", group == null ? id : group.row().group().productName());
    String here = itemPath(l, "appeal", id);
    respond(ctx, "appeal_group.jte", chrome(ctx, msg, l, title, here), l, group);
  }

  /** GET /shops/{shop}/appeal/{group}/pack.zip?lang= */
  void appealPack(Context ctx) throws Exception {
    DashboardData.Loaded l = data.loadReady(ctx);
    DashboardData.Pack pack = data.appealPack(l, ctx);
    ctx.contentType("application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + pack.fileName() + "\"")
        .result(pack.zip());
  }

  /** GET /shops/{shop}/deletions */
  void deletions(Context ctx) throws Exception {
    page(ctx, "deletions", "deletions.jte", data::deletions);
  }

  /** GET /shops/{shop}/products?sort= */
  void products(Context ctx) throws Exception {
    page(ctx, "products", "products.jte", l -> data.products(l, ctx));
  }

  /** GET /shops/{shop}/products/{product}: 404 for a product the analysis does not know. */
  void product(Context ctx) throws Exception {
    DashboardData.Loaded l = data.load(ctx);
    Messages msg = Messages.of(l.lang());
    Dashboards.Product product = l.ready() ? data.product(l, ctx) : null;
    String id = ctx.pathParam(DashboardData.PRODUCT_PARAM);
    String title =
        msg.format(
            "product.title", product == null || product.name().isBlank() ? id : product.name());
    String here = itemPath(l, "products", id);
    respond(ctx, "product.jte", chrome(ctx, msg, l, title, here), l, product);
  }

  /** GET /shops/{shop}/charts/{chart}.svg|.png?product=&lang= */
  void chart(Context ctx) throws Exception {
    DashboardData.Loaded l = data.loadReady(ctx);
    DashboardData.Chart chart =
        data.chart(l, ctx.pathParam("chart"), ctx.queryParam(DashboardData.PRODUCT_PARAM));
    ctx.contentType(chart.contentType())
        .header(
            "Content-Disposition", "inline; filename=\"" + l.shop() + "-" + chart.fileName() + "\"")
        .result(chart.bytes());
  }

  /**
   * GET /shops/{shop}/{page}/tables/{table}.xlsx, page being a path with its params ("trust",
   * "products/{product}", "appeal/{group}"): one table of the page as a workbook, from the same
   * record the page renders, in the page's language.
   */
  void table(Context ctx, String page) throws Exception {
    DashboardData.Loaded l = data.loadReady(ctx);
    Messages msg = Messages.of(l.lang());
    String scope = page;
    Map<String, Table> tables;
    switch (page) {
      case "traffic" -> tables = PageTables.traffic(msg, data.traffic(l));
      case "trust" -> tables = PageTables.trust(msg, data.trust(l));
      case "partners" -> tables = PageTables.partners(msg, data.partners(l));
      case "products" -> tables = PageTables.products(msg, data.products(l, ctx));
      case "plan" -> {
        var taken = ActionsTaken.measure(workspaces.database(l.shop()));
        tables = PageTables.plan(msg, new Views.PlanView(data.plan(l), taken));
      }
      case "appeal" -> tables = PageTables.appeal(msg, data.appeal(l));
      case "products/{product}" -> {
        tables = PageTables.product(msg, data.product(l, ctx));
        scope = "product-" + ctx.pathParam(DashboardData.PRODUCT_PARAM);
      }
      case "appeal/{group}" -> {
        tables = PageTables.appealGroup(msg, data.appealGroup(l, ctx));
        scope = "appeal-" + ctx.pathParam(DashboardData.GROUP_PARAM);
      }
      default -> throw new IllegalStateException("no tables for page " + page);
    }
    PageTables.send(ctx, tables, l.shop() + "-" + scope, period(l.report()));
  }

  /** The days the shop's orders cover, "2026-05-01_2026-06-30"; empty without orders. */
  private static String period(ImpactReport r) {
    List<LocalDate> days =
        r.series() == null || r.series().gmv() == null ? null : r.series().gmv().days();
    return days == null || days.isEmpty() ? "" : days.get(0) + "_" + days.get(days.size() - 1);
  }

  private <T> void page(
      Context ctx, String name, String template, Function<DashboardData.Loaded, T> build)
      throws Exception {
    DashboardData.Loaded l = data.load(ctx);
    Messages msg = Messages.of(l.lang());
    String here = ShopPages.shopPath(l.shop()) + "/" + name;
    Chrome chrome = chrome(ctx, msg, l, msg.get(name + ".title"), here);
    respond(ctx, template, chrome, l, l.ready() ? build.apply(l) : null);
  }

  /** The page of one item of a list (a product, an appeal group), its id URL-encoded. */
  private static String itemPath(DashboardData.Loaded l, String list, String id) {
    String encoded = URLEncoder.encode(id, StandardCharsets.UTF_8);
    return ShopPages.shopPath(l.shop()) + "/" + list + "/" + encoded;
  }

  /** What every dashboard page gets: its chrome, the analysis's progress, and its content. */
  private <T> void respond(
      Context ctx, String template, Chrome chrome, DashboardData.Loaded l, T content) {
    templates.respond(
        ctx, template, new Views.Page<>(chrome, l.shop(), DashboardData.progress(l), content));
  }

  private Chrome chrome(
      Context ctx, Messages msg, DashboardData.Loaded l, String title, String here) {
    int refresh = l.ready() || DashboardData.failed(l) ? 0 : REFRESH_SECONDS;
    return Chrome.of(ctx, msg, nav, title, here, l.shop(), refresh);
  }
}
