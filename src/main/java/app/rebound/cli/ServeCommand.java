package app.rebound.cli;

import app.rebound.service.Analyses;
import app.rebound.store.UploadRefusedException;
import app.rebound.store.Workspaces;
import app.rebound.web.WebApp;
import app.rebound.web.WebConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the web app over a data folder, loading the demo shop on first start. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Starts the web app.")
public final class ServeCommand implements Callable<Integer> {

  /** The demo shop's exports, shipped in the repository and loaded as shop "demo" when it is missing. */
  static final String DEMO_FOLDER = "demo";
  static final String DEMO_SHOP = "demo";

  @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--data", defaultValue = "data", paramLabel = "DIR",
      description = "Data folder holding the shops (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(names = "--max-upload-mb", defaultValue = "512",
      description = "Largest upload accepted, all files together, in MiB (default: ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Option(names = "--token", defaultValue = "${env:REBOUND_TOKEN}", paramLabel = "TOKEN",
      description = "Access token every page and API call must carry (Authorization: Bearer, or ?token= once)."
          + " Required when --host is not a loopback address. Default: the REBOUND_TOKEN environment variable.")
  String token;

  @Option(names = "--analysis-threads", defaultValue = "1",
      description = "Analyses run at once; each holds one shop's tables in memory (default: ${DEFAULT-VALUE}).")
  int analysisThreads;

  @Override
  public Integer call() throws Exception {
    if (!isLoopback(host) && (token == null || token.isBlank())) {
      System.err.println("refusing to serve on " + host + " without an access token: anyone who can reach it would"
          + " see and change the shops' data. Pass --token (or set REBOUND_TOKEN), or serve on 127.0.0.1.");
      return 2;
    }
    Workspaces workspaces = new Workspaces(data, Clock.systemDefaultZone());
    loadDemoShop(workspaces, data.resolve(DEMO_FOLDER));
    Analyses analyses = new Analyses(workspaces, Clock.systemDefaultZone(), analysisThreads);
    analyses.submitStale(); // shops whose data changed since their last analysis, e.g. the new demo shop
    Javalin app = WebApp.create(workspaces, analyses,
        WebConfig.defaults().withMaxUploadBytes(maxUploadMb * 1024 * 1024).withAccessToken(token));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.stop();
      try {
        analyses.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        workspaces.close();
      } catch (SQLException e) {
        System.err.println("closing the data folder: " + e.getMessage());
      }
    }));
    app.start(host, port);
    System.out.printf("Rebound is serving %s on http://%s:%d/%n", data.toAbsolutePath(), host, port);
    Thread.currentThread().join(); // serve until the process is stopped; the hook above cleans up
    return 0;
  }

  /** Whether an address only this machine can reach: 127.0.0.0/8, ::1 or localhost. */
  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }

  /** A merchant sees a shop before uploading anything: the shipped demo exports, read once. */
  static void loadDemoShop(Workspaces workspaces, Path demo) throws IOException, SQLException {
    if (workspaces.exists(DEMO_SHOP) || !Files.isDirectory(demo)) {
      return;
    }
    try {
      var report = workspaces.upload(DEMO_SHOP, AnalyzeCommand.exportsIn(demo), stage -> { });
      System.out.printf("Loaded the demo shop: %d orders%n", report.ordersDistinct());
    } catch (UploadRefusedException e) {
      System.err.println("the demo shop's exports could not be read: " + e.getMessage());
    }
  }
}
