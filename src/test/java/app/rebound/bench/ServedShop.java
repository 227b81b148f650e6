package app.rebound.bench;

import app.rebound.service.Analyses;
import app.rebound.store.Workspaces;
import app.rebound.web.WebApp;
import app.rebound.web.WebConfig;
import io.javalin.Javalin;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A stored shop served by the web app on loopback, started once the shop's analysis is finished
 * (computed here and stored if it was not yet), as the page and load benchmarks request it.
 */
final class ServedShop implements AutoCloseable {

  final String shop;
  final long orders;

  /** How long the analysis took to be ready; near 0 when it was already stored. */
  final double analysisSeconds;

  private final Workspaces workspaces;
  private final Analyses analyses;
  private final Javalin app;

  private ServedShop(
      String shop,
      long orders,
      double analysisSeconds,
      Workspaces workspaces,
      Analyses analyses,
      Javalin app) {
    this.shop = shop;
    this.orders = orders;
    this.analysisSeconds = analysisSeconds;
    this.workspaces = workspaces;
    this.analyses = analyses;
    this.app = app;
  }

  static ServedShop start(Path data, String shop) throws Exception {
    Workspaces workspaces = new Workspaces(data, Clock.systemDefaultZone());
    long orders = workspaces.summary(shop).ordersDistinct();
    Analyses analyses = new Analyses(workspaces, Clock.systemDefaultZone(), 1);
    long start = System.nanoTime();
    Analyses.Status status = analyses.status(shop, "zh");
    while (status.state() == Analyses.State.RUNNING) {
      Thread.sleep(200);
      status = analyses.status(shop, "zh");
    }
    if (status.state() != Analyses.State.READY) {
      throw new IllegalStateException(
          "the analysis of " + shop + " is " + status.state() + ": " + status.error());
    }
    double analysisSeconds = (System.nanoTime() - start) / 1e9;
    Javalin app =
        WebApp.create(workspaces, analyses, WebConfig.defaults(), WebApp.Options.defaults())
            .start("127.0.0.1", 0);
    return new ServedShop(shop, orders, analysisSeconds, workspaces, analyses, app);
  }

  int port() {
    return app.port();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  @Override
  public void close() throws Exception {
    app.stop();
    analyses.close();
    workspaces.close();
  }
}
