package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.Json;
import app.rebound.ingest.NoticeRefusedException;
import app.rebound.service.Analyses;
import app.rebound.service.AppealCases;
import app.rebound.service.ShopChanges;
import app.rebound.service.UploadProgress;
import app.rebound.store.CaseConflictException;
import app.rebound.store.CaseNotFoundException;
import app.rebound.store.UploadNotDeletableException;
import app.rebound.store.UploadNotFoundException;
import app.rebound.store.UploadRefusedException;
import app.rebound.store.Workspaces;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds Rebound's web app from its parts, not started: every route and every error mapping is
 * here. Paths under /api answer JSON; the others answer HTML pages.
 */
public final class WebApp {

  private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
  private static final int MAX_IN_MEMORY_PART_BYTES = 1024 * 1024;
  private static final long MIN_DRAIN_BYTES = 64L * 1024 * 1024;

  /**
   * Every path under one shop, pages and API: the routes below with a {shop} all fall under these.
   */
  private static final List<String> SHOP_PATHS =
      List.of("/shops/{shop}", "/shops/{shop}/*", "/api/shops/{shop}", "/api/shops/{shop}/*");

  private WebApp() {}

  /**
   * Loads, on a background thread, what the first page needs whatever the shop ({@link Warmup}):
   * for whoever starts a server, beside Javalin's own start on the other core. Creating an app
   * starts nothing.
   */
  public static void warmUp() {
    Warmup.start();
  }

  /**
   * What an app is built with beside its data, its analyses and its limits: the dashboards' charts,
   * the header navigation and where the analyses' status is read. {@link #defaults()} is what
   * {@code serve} runs; a test swaps one part.
   */
  public static final class Options {
    private final ChartSource charts;
    private final List<NavEntry> nav;
    private final ReportCache.StatusSource status; // null: the analyses' own

    private Options(ChartSource charts, List<NavEntry> nav, ReportCache.StatusSource status) {
      this.charts = charts;
      this.nav = nav;
      this.status = status;
    }

    /** The app's charts, its navigation, and the status the analyses report. */
    public static Options defaults() {
      return new Options(ChartSource.impactCharts(), Nav.ENTRIES, null);
    }

    /** The dashboards' charts drawn by {@code charts}. */
    public Options withCharts(ChartSource charts) {
      return new Options(charts, nav, status);
    }

    /** The header navigation given. */
    public Options withNav(List<NavEntry> nav) {
      return new Options(charts, nav, status);
    }

    /** The analyses' status read from {@code status} (tests hold it RUNNING or FAILED). */
    Options withStatus(ReportCache.StatusSource status) {
      return new Options(charts, nav, status);
    }
  }

  /**
   * With its own background analyses (one at a time) and the {@linkplain Options#defaults() default
   * options}: for tests and single-shop use.
   */
  public static Javalin create(Workspaces workspaces, WebConfig config) {
    return create(
        workspaces,
        new Analyses(workspaces, Clock.systemDefaultZone(), 1),
        config,
        Options.defaults());
  }

  /** The app over {@code workspaces}, analysed by {@code analyses}, within {@code config}. */
  public static Javalin create(
      Workspaces workspaces, Analyses analyses, WebConfig config, Options options) {
    ReportCache.StatusSource status = options.status != null ? options.status : analyses::status;
    ChartSource charts = options.charts;
    List<NavEntry> nav = options.nav;
    UploadProgress progress = new UploadProgress();
    ShopChanges changes = new ShopChanges(workspaces, analyses, progress);
    ShopApi api = new ShopApi(workspaces, analyses, progress, changes, config);
    Templates templates = new Templates();
    ShopPages pages = new ShopPages(workspaces, changes, config, templates, nav);
    DashboardData data = new DashboardData(workspaces, new ReportCache(status), charts);
    DashboardApi dashboardApi = new DashboardApi(data);
    DashboardPages dashboards = new DashboardPages(workspaces, data, templates, nav);
    AppealCases appealCases = new AppealCases(workspaces, analyses);
    CasesApi casesApi = new CasesApi(workspaces, appealCases);
    CasePages casePages = new CasePages(workspaces, appealCases, templates, nav);
    AlertPages alertPages = new AlertPages(workspaces, templates, nav);
    RowPages rowPages = new RowPages(workspaces, templates, nav);
    long drainCap = Math.max(2 * config.maxUploadBytes(), MIN_DRAIN_BYTES);
    Access access = Access.of(config);
    RequestGuard guard = new RequestGuard(config);

    return Javalin.create(
        javalin -> {
          javalin.jsonMapper(new JavalinJackson(Json.MAPPER, false));
          limitUploads(javalin, config.maxUploadBytes());
          javalin.jetty.multipartConfig.cacheDirectory(workspaces.uploadTemp().toString());
          // Jetty applies this idle timeout to each request's reads and writes: a stalled client is
          // dropped, not waited for.
          long timeoutMillis = config.requestTimeout().toMillis();
          javalin.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(timeoutMillis));
          javalin.jetty.modifyServer(server -> SlowClients.limit(server, config.requestTimeout()));
          javalin.staticFiles.add(
              assets -> {
                assets.hostedPath = "/assets";
                assets.directory = "/web/assets";
                assets.location = Location.CLASSPATH;
              });

          // Every request: who is asking (401 without a valid token). Every path about one shop:
          // may they (403), before its handler reads or writes anything. Path patterns, as
          // beforeMatched sees no path params.
          javalin.routes.before(guard::checkHost);
          javalin.routes.before(access::authenticate);
          // A notice's body is bounded by its own, smaller limit before the guard reads its form.
          for (String noticePath : List.of("/shops/{shop}/notices", "/api/shops/{shop}/notices")) {
            javalin.routes.before(noticePath, NoticeForm::limitBody);
          }
          javalin.routes.before(guard::checkChange);
          for (String shopPath : SHOP_PATHS) {
            javalin.routes.before(
                shopPath, ctx -> Access.requireShop(ctx, ctx.pathParam(ShopIds.PATH_PARAM)));
          }
          // Shops, uploads and pasted notices: each store changes the shop, then it is analysed.
          javalin.routes.get("/", pages::shops);
          javalin.routes.post("/shops", pages::create);
          javalin.routes.get("/shops/{shop}/uploads", pages::shop);
          javalin.routes.post("/shops/{shop}/uploads", pages::upload);
          javalin.routes.post("/shops/{shop}/notices", pages::notice);
          javalin.routes.post("/shops/{shop}/uploads/{upload}/delete", pages::deleteUpload);
          javalin.routes.post("/shops/{shop}/delete", pages::deleteShop);
          javalin.routes.get("/api/shops", api::list);
          javalin.routes.post("/api/shops/{shop}/uploads", api::upload);
          javalin.routes.get("/api/shops/{shop}/uploads", api::uploads);
          javalin.routes.post("/api/shops/{shop}/notices", api::notice);
          javalin.routes.delete("/api/shops/{shop}/uploads/{upload}", api::deleteUpload);
          javalin.routes.delete("/api/shops/{shop}", api::deleteShop);
          javalin.routes.get("/api/shops/{shop}/ingest", api::latestReport);
          javalin.routes.get("/api/shops/{shop}/impact", api::impact);
          javalin.routes.get("/api/shops/{shop}/progress", api::progress);

          // The dashboards, each page with its JSON twin, its charts and its tables as .xlsx.
          javalin.routes.get("/shops/{shop}", dashboards::overview);
          javalin.routes.get("/shops/{shop}/traffic", dashboards::traffic);
          javalin.routes.get("/shops/{shop}/trust", dashboards::trust);
          javalin.routes.get("/shops/{shop}/partners", dashboards::partners);
          javalin.routes.get("/shops/{shop}/deletions", dashboards::deletions);
          javalin.routes.get("/shops/{shop}/products", dashboards::products);
          javalin.routes.get("/shops/{shop}/products/{product}", dashboards::product);
          javalin.routes.get("/shops/{shop}/charts/{chart}", dashboards::chart);
          for (String page : DashboardPages.TABLE_PAGES) {
            javalin.routes.get(
                "/shops/{shop}/" + page + "/tables/{table}", ctx -> dashboards.table(ctx, page));
          }
          javalin.routes.get("/api/shops/{shop}/overview", dashboardApi::overview);
          javalin.routes.get("/api/shops/{shop}/traffic", dashboardApi::traffic);
          javalin.routes.get("/api/shops/{shop}/trust", dashboardApi::trust);
          javalin.routes.get("/api/shops/{shop}/partners", dashboardApi::partners);
          javalin.routes.get("/api/shops/{shop}/deletions", dashboardApi::deletions);
          javalin.routes.get("/api/shops/{shop}/products", dashboardApi::products);
          javalin.routes.get("/api/shops/{shop}/products/{product}", dashboardApi::product);

          // The recovery plan, its downloads and the actions the merchant started.
          javalin.routes.get("/shops/{shop}/plan", dashboards::plan);
          javalin.routes.post("/shops/{shop}/actions", dashboards::recordAction);
          javalin.routes.get(
              "/shops/{shop}/plan.pdf", ctx -> dashboards.planDownload(ctx, "plan.pdf"));
          javalin.routes.get(
              "/shops/{shop}/plan.md", ctx -> dashboards.planDownload(ctx, "plan.md"));
          javalin.routes.get(
              "/shops/{shop}/actions.csv", ctx -> dashboards.planDownload(ctx, "actions.csv"));
          javalin.routes.get("/api/shops/{shop}/plan", dashboardApi::plan);
          javalin.routes.post("/api/shops/{shop}/actions", api::recordAction);
          javalin.routes.get("/api/shops/{shop}/actions", api::actions);

          // The appeal workbench and the cases followed to their outcome.
          javalin.routes.get("/shops/{shop}/appeal", dashboards::appeal);
          javalin.routes.get("/shops/{shop}/appeal/{group}", dashboards::appealGroup);
          javalin.routes.get("/shops/{shop}/appeal/{group}/pack.zip", dashboards::appealPack);
          javalin.routes.post("/shops/{shop}/appeal/{group}/case", casePages::open);
          javalin.routes.get("/shops/{shop}/cases", casePages::list);
          javalin.routes.get("/shops/{shop}/cases/{id}", casePages::detail);
          javalin.routes.post("/shops/{shop}/cases/{id}/events", casePages::change);
          javalin.routes.get("/shops/{shop}/cases/tables/{table}", casePages::table);
          javalin.routes.get("/api/shops/{shop}/appeal", dashboardApi::appeal);
          javalin.routes.get("/api/shops/{shop}/appeal/{group}", dashboardApi::appealGroup);
          javalin.routes.post("/api/shops/{shop}/cases", casesApi::open);
          javalin.routes.get("/api/shops/{shop}/cases", casesApi::list);
          javalin.routes.get(
              "/api/shops/{shop}/cases/due", casesApi::dueInShop); // before {id}: "due" is no id
          javalin.routes.get("/api/shops/{shop}/cases/{id}", casesApi::get);
          javalin.routes.post("/api/shops/{shop}/cases/{id}/events", casesApi::change);
          javalin.routes.get("/api/cases/due", casesApi::due);

          // Alerts and the stored rows behind every figure.
          javalin.routes.get("/shops/{shop}/alerts", alertPages::list);
          javalin.routes.get("/shops/{shop}/alerts/tables/{table}", alertPages::table);
          javalin.routes.get("/api/shops/{shop}/alerts", alertPages::api);
          javalin.routes.get("/shops/{shop}/rows/{kind}", rowPages::page);
          javalin.routes.get("/shops/{shop}/rows/{kind}/tables/{table}", rowPages::table);
          javalin.routes.get("/api/shops/{shop}/rows/{kind}", rowPages::api);

          javalin.routes.exception(
              UploadRefusedException.class,
              (e, ctx) -> {
                if (isApi(ctx)) {
                  ctx.status(400).json(e.report());
                } else {
                  try {
                    pages.refused(ctx, e.report());
                  } catch (Exception failed) {
                    internalError(ctx, pages, drainCap, failed);
                  }
                }
              });
          javalin.routes.exception(
              NoticeRefusedException.class,
              (e, ctx) -> {
                if (isApi(ctx)) {
                  ctx.status(400).json(new NoticeRefusal(e.getMessage(), 400, e.problems()));
                } else {
                  try {
                    pages.noticeRefused(ctx, e);
                  } catch (Exception failed) {
                    internalError(ctx, pages, drainCap, failed);
                  }
                }
              });
          mapToStatus(javalin, Access.Missing.class, 401, pages, drainCap);
          mapToStatus(javalin, RequestGuard.Refused.class, 403, pages, drainCap);
          mapToStatus(javalin, Access.Forbidden.class, 403, pages, drainCap);
          mapToStatus(javalin, ShopNotFoundException.class, 404, pages, drainCap);
          mapToStatus(javalin, UploadNotFoundException.class, 404, pages, drainCap);
          mapToStatus(javalin, UploadNotDeletableException.class, 409, pages, drainCap);
          mapToStatus(javalin, CaseNotFoundException.class, 404, pages, drainCap);
          mapToStatus(javalin, CaseConflictException.class, 409, pages, drainCap);
          // The sender's mistake only: any other IllegalArgumentException is ours, a 500.
          mapToStatus(javalin, BadInputException.class, 400, pages, drainCap);
          mapToStatus(javalin, UploadTooLargeException.class, 413, pages, drainCap);
          javalin.routes.exception(
              HttpResponseException.class,
              (e, ctx) -> respond(ctx, pages, drainCap, e.getStatus(), e.getMessage()));
          javalin.routes.exception(
              Exception.class, (e, ctx) -> internalError(ctx, pages, drainCap, e));
        });
  }

  /** Jetty's multipart limits and Javalin's request size all follow the one upload limit. */
  private static void limitUploads(JavalinConfig javalin, long maxBytes) {
    javalin.http.maxRequestSize = maxBytes;
    javalin.jetty.multipartConfig.maxFileSize(maxBytes, SizeUnit.BYTES);
    javalin.jetty.multipartConfig.maxTotalRequestSize(maxBytes, SizeUnit.BYTES);
    javalin.jetty.multipartConfig.maxInMemoryFileSize(
        (int) Math.min(maxBytes, MAX_IN_MEMORY_PART_BYTES), SizeUnit.BYTES);
  }

  /** Logged with its stack trace; the merchant sees only that it happened. */
  private static void internalError(Context ctx, ShopPages pages, long drainCap, Exception e) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    respond(ctx, pages, drainCap, 500, "internal error: the server log has the details");
  }

  private static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/") || ctx.path().equals("/api");
  }

  /** An exception of this type answers with this status and its message, as a page or JSON. */
  private static <E extends Exception> void mapToStatus(
      JavalinConfig javalin, Class<E> type, int status, ShopPages pages, long drainCap) {
    javalin.routes.exception(
        type, (e, ctx) -> respond(ctx, pages, drainCap, status, e.getMessage()));
  }

  /** An error as JSON under /api, else as a page; the unread rest of an upload is dropped first. */
  private static void respond(
      Context ctx, ShopPages pages, long drainCap, int status, String message) {
    if (ctx.method() == HandlerType.POST) {
      UploadParts.discardUnread(ctx, drainCap);
    }
    if (isApi(ctx)) {
      ctx.status(status).json(new ApiError(message, status));
    } else {
      pages.error(ctx, status, message);
    }
  }
}
