package app.rebound.cli;

import app.rebound.PlatformTime;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.service.Alerts;
import app.rebound.service.Analyses;
import app.rebound.service.AppealCases;
import app.rebound.sim.GroundTruth;
import app.rebound.store.CaseStatus;
import app.rebound.store.UploadRefusedException;
import app.rebound.store.Workspaces;
import app.rebound.web.Lang;
import app.rebound.web.WebApp;
import app.rebound.web.WebConfig;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Starts the web app over a data folder, loading the demo shop on first start. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Starts the web app.")
public final class ServeCommand implements Callable<Integer> {

  /** The demo shop, simulated relative to today on the first start of a data folder. */
  static final String DEMO_SHOP = "demo";

  /** How long the demo's first analysis may take before its appeal case is left unopened. */
  static final Duration DEMO_ANALYSIS_WAIT = Duration.ofMinutes(5);

  static final String SHOP_TOKENS_ENV = "REBOUND_SHOP_TOKENS";
  static final String LOCK_FILE = "rebound.lock";

  static final String ALERT_WEBHOOKS_ENV = "REBOUND_ALERT_WEBHOOKS";

  /** How often open appeal windows are checked for the under-48-hours alert. */
  static final Duration DEADLINE_CHECK = Duration.ofMinutes(10);

  @Option(
      names = "--port",
      defaultValue = "7070",
      description = "Port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to bind (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(
      names = "--data",
      defaultValue = "data",
      paramLabel = "DIR",
      description = "Data folder holding the shops (default: ${DEFAULT-VALUE}).")
  Path data;

  @Option(
      names = "--max-upload-mb",
      defaultValue = "512",
      description =
          "Largest upload accepted, all files together, in MiB (default: ${DEFAULT-VALUE}).")
  long maxUploadMb;

  @Option(
      names = "--token",
      defaultValue = "${env:REBOUND_TOKEN}",
      paramLabel = "TOKEN",
      description =
          "Access token that sees every shop; every page and API call must then carry a token"
              + " (Authorization: Bearer, or ?token= once). Default: the REBOUND_TOKEN environment variable.")
  String token;

  @Option(
      names = "--shop-token",
      paramLabel = "TOKEN=SHOP[,SHOP...]",
      description =
          "Access token that sees only the listed shops (repeatable). More can be given in the"
              + " REBOUND_SHOP_TOKENS environment variable, entries separated by ';'. Serving on an address other than"
              + " loopback needs at least one token of either kind.")
  List<String> shopTokens;

  @Option(
      names = "--max-rows",
      defaultValue = "20000000",
      paramLabel = "N",
      description =
          "Data rows one uploaded file may hold; a file over it is refused whole (default: ${DEFAULT-VALUE}).")
  long maxRows;

  @Option(
      names = "--request-timeout-s",
      defaultValue = "60",
      paramLabel = "SECONDS",
      description =
          "A request that stalls this long (no bytes read or written) is dropped (default: ${DEFAULT-VALUE}).")
  long requestTimeoutS;

  @Option(
      names = "--alert-webhook",
      paramLabel = "URL",
      description =
          "A group robot's webhook (企业微信, 钉钉 or 飞书; repeatable; more in REBOUND_ALERT_WEBHOOKS,"
              + " separated by spaces or ';'): told of a new deletion batch, an appeal window with under"
              + " 48 hours left and a failed analysis, each once.")
  List<String> alertWebhooks;

  @Option(
      names = "--alert-lang",
      defaultValue = "zh",
      paramLabel = "zh|en",
      converter = LangConverter.class,
      description = "Language of the alerts (default: ${DEFAULT-VALUE}).")
  Lang alertLang;

  @Option(
      names = "--analysis-threads",
      defaultValue = "1",
      description =
          "Analyses run at once, at least 1; each holds one shop's tables in memory (default: ${DEFAULT-VALUE}).")
  int analysisThreads;

  @Spec CommandSpec spec;

  private FileLock dataLock;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    WebConfig config;
    try {
      config = webConfig(System.getenv(SHOP_TOKENS_ENV));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    try {
      dataLock = lockDataFolder(data); // held, through this field, for the process's life
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return 2;
    }
    Workspaces workspaces = new Workspaces(data, Clock.systemDefaultZone(), maxRows);
    boolean demoCreated = loadDemoShop(workspaces, data, Clock.systemDefaultZone());
    Analyses analyses = new Analyses(workspaces, Clock.systemDefaultZone(), analysisThreads);
    List<URI> webhooks;
    try {
      webhooks = alertWebhooks(System.getenv(ALERT_WEBHOOKS_ENV));
    } catch (IllegalArgumentException e) {
      err.println(e.getMessage());
      return 2;
    }
    Alerts alerts =
        new Alerts(
            workspaces,
            webhooks,
            Clock.systemDefaultZone(),
            alertLang.code(),
            Alerts.Retry.DEFAULT);
    // Alerts are listed on the alerts page whether or not a group robot is told too.
    analyses.listen(alerts);
    alerts.resumePending();
    alerts.checkDeadlinesEvery(DEADLINE_CHECK, shop -> appealOf(analyses, shop));
    analyses.submitStale(); // shops whose data changed since their last analysis, e.g. the new demo
    if (demoCreated) {
      submitDemoCase(workspaces, analyses);
    }
    WebApp.warmUp();
    Javalin app = WebApp.create(workspaces, analyses, config, WebApp.Options.defaults());
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  try {
                    alerts.close();
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
    System.out.printf(
        "Rebound is serving %s on http://%s:%d/%n", data.toAbsolutePath(), host, port);
    Thread.currentThread().join(); // serve until the process is stopped; the hook above cleans up
    return 0;
  }

  /** The webhooks of --alert-webhook and {@code env} (REBOUND_ALERT_WEBHOOKS), each checked. */
  List<URI> alertWebhooks(String env) {
    List<String> given = new ArrayList<>(alertWebhooks == null ? List.of() : alertWebhooks);
    if (env != null) {
      given.addAll(Arrays.asList(env.split("[;\\s]+")));
    }
    return given.stream().filter(v -> !v.isBlank()).map(Alerts::webhook).distinct().toList();
  }

  private static Optional<AppealReport> appealOf(Analyses analyses, String shop) {
    try {
      return analyses.appeal(shop);
    } catch (Exception e) {
      return Optional.empty();
    }
  }

  /**
   * The web app's settings from the options, checked: a limit below 1, a malformed token entry, or
   * an address beyond this machine without any token is refused with a message saying which. {@code
   * shopTokensEnv} is REBOUND_SHOP_TOKENS, entries separated by ';'.
   */
  WebConfig webConfig(String shopTokensEnv) {
    if (maxUploadMb < 1 || maxRows < 1 || requestTimeoutS < 1 || analysisThreads < 1) {
      throw new IllegalArgumentException(
          "--max-upload-mb, --max-rows, --request-timeout-s and --analysis-threads"
              + " must each be at least 1 (got "
              + maxUploadMb
              + ", "
              + maxRows
              + ", "
              + requestTimeoutS
              + ", "
              + analysisThreads
              + ")");
    }
    WebConfig config =
        WebConfig.defaults()
            .withMaxUploadBytes(maxUploadMb * 1024 * 1024)
            .withAccessToken(token)
            .withRequestTimeout(Duration.ofSeconds(requestTimeoutS))
            .withAllowedHosts(servedHosts(host));
    List<String> entries = new ArrayList<>(shopTokens == null ? List.of() : shopTokens);
    if (shopTokensEnv != null) {
      entries.addAll(Arrays.asList(shopTokensEnv.split(";")));
    }
    for (String entry : entries) {
      if (entry.isBlank()) {
        continue; // a trailing ';' in the environment variable
      }
      // Split at the last '=': a token may end in '=' (base64), a shop id never holds one.
      int eq = entry.lastIndexOf('=');
      List<String> shops =
          eq < 0
              ? List.of()
              : Arrays.stream(entry.substring(eq + 1).split(","))
                  .map(String::strip)
                  .filter(x -> !x.isEmpty())
                  .toList();
      if (eq <= 0 || shops.isEmpty()) {
        throw new IllegalArgumentException(
            "a shop token is TOKEN=SHOP[,SHOP...], e.g. k3y=shop1,shop2"
                + " (got an entry with "
                + (eq <= 0 ? "no token" : "no shop")
                + ")");
      }
      for (String shop : shops) {
        if (!Workspaces.isValidShopId(shop)) {
          throw new IllegalArgumentException(
              "a shop token lists \""
                  + shop
                  + "\", which is not a shop id"
                  + " (1-64 letters, digits, - or _)");
        }
      }
      config = config.withShopToken(entry.substring(0, eq).strip(), shops);
    }
    if (!isLoopback(host) && config.accessToken() == null && config.shopTokens().isEmpty()) {
      throw new IllegalArgumentException(
          "refusing to serve on "
              + host
              + " without an access token: anyone who can"
              + " reach it would see and change the shops' data. Pass --token or --shop-token (or set REBOUND_TOKEN or"
              + " REBOUND_SHOP_TOKENS), or serve on 127.0.0.1.");
    }
    return config;
  }

  /**
   * Whether an address only this machine can reach: localhost, or an IP literal in 127.0.0.0/8 or
   * ::1. A name is never resolved, so "127.example.com" is not loopback.
   */
  static boolean isLoopback(String host) {
    String h = host.strip().toLowerCase(Locale.ROOT);
    if (h.equals("localhost")) {
      return true;
    }
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (!IPV4.matcher(h).matches() && !(h.contains(":") && h.matches("[0-9a-f:.]+"))) {
      return false; // a name: never looked up
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress(); // a literal: parsed, no lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * The Host names a request may carry: loopback's, and what --host names; served on every address
   * (0.0.0.0 or ::), also this machine's own addresses and name.
   */
  static List<String> servedHosts(String host) {
    List<String> hosts = new ArrayList<>(List.of(host));
    try {
      InetAddress bound = isLiteral(host) ? InetAddress.getByName(stripBrackets(host)) : null;
      if (bound != null && bound.isAnyLocalAddress()) {
        hosts.add(InetAddress.getLocalHost().getHostName());
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InetAddress address : Collections.list(nic.getInetAddresses())) {
            String text = address.getHostAddress();
            int zone = text.indexOf('%'); // fe80::1%eth0: a Host header carries no zone
            hosts.add(zone < 0 ? text : text.substring(0, zone));
          }
        }
      }
    } catch (IOException e) {
      // No interface list: the names above still serve.
    }
    return hosts;
  }

  private static boolean isLiteral(String host) {
    String h = stripBrackets(host.strip());
    return IPV4.matcher(h).matches() || h.contains(":");
  }

  private static String stripBrackets(String h) {
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  /**
   * Takes the data folder for this process: a second server on the same folder would analyse and
   * write the same shops behind the first one's back. The lock goes when the process does, even
   * killed.
   */
  static FileLock lockDataFolder(Path data) throws IOException {
    Files.createDirectories(data);
    Path lockFile = data.resolve(LOCK_FILE);
    FileChannel channel =
        FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this process holds it already
    }
    if (lock == null) {
      channel.close();
      throw new IllegalStateException(
          "another Rebound server is already serving "
              + data.toAbsolutePath()
              + " (it holds "
              + lockFile.getFileName()
              + "); stop it first, or serve another --data folder");
    }
    return lock;
  }

  /**
   * A merchant sees a shop before uploading anything: the demo exports simulated relative to today
   * (DemoShop), uploaded as shop "demo" with the action its merchant started. Returns whether the
   * shop was created now.
   */
  static boolean loadDemoShop(Workspaces workspaces, Path data, Clock clock)
      throws IOException, SQLException {
    if (workspaces.exists(DEMO_SHOP)) {
      return false;
    }
    Files.createDirectories(data);
    Path build = Files.createTempDirectory(data, ".demo-");
    try {
      GroundTruth truth = DemoShop.write(build, PlatformTime.now(clock).toLocalDate());
      var report = workspaces.upload(DEMO_SHOP, ShopRun.exportsIn(build), stage -> {});
      DemoShop.StartedAction action = DemoShop.startedAction(truth);
      workspaces
          .database(DEMO_SHOP)
          .recordAction(
              action.action().code(),
              action.startedOn(),
              action.products(),
              LocalDateTime.now(clock));
      System.out.printf("Loaded the demo shop: %d orders%n", report.ordersDistinct());
      return true;
    } catch (UploadRefusedException e) {
      System.err.println("the demo shop's exports could not be read: " + e.getMessage());
      return false;
    } finally {
      PathUtils.deleteDirectory(build);
    }
  }

  /**
   * Once the new demo's first analysis is ready, opens a case for its newest open group and marks
   * it submitted, so the case tracking shows without clicking through; in the background, so the
   * server starts at once.
   */
  static void submitDemoCase(Workspaces workspaces, Analyses analyses) {
    Thread thread =
        new Thread(
            () -> {
              try {
                AppealCases cases = new AppealCases(workspaces, analyses);
                Optional<AppealGroup> group =
                    DemoShop.groupToSubmit(
                        awaitAppeal(analyses), PlatformTime.now(workspaces.clock()));
                if (group.isPresent()) {
                  long id = cases.open(DEMO_SHOP, group.get().id()).appealCase().id();
                  cases.change(
                      DEMO_SHOP,
                      id,
                      new AppealCases.Request(CaseStatus.SUBMITTED.code(), null, null, null, null));
                }
              } catch (Exception e) {
                System.err.println("the demo shop's appeal case was not opened: " + e.getMessage());
              }
            },
            "demo-case");
    thread.setDaemon(true);
    thread.start();
  }

  private static AppealReport awaitAppeal(Analyses analyses) throws Exception {
    long until = System.nanoTime() + DEMO_ANALYSIS_WAIT.toNanos();
    while (System.nanoTime() < until) {
      Optional<AppealReport> appeal = analyses.appeal(DEMO_SHOP);
      if (appeal.isPresent()) {
        return appeal.get();
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "its analysis was not ready within " + DEMO_ANALYSIS_WAIT.toMinutes() + " minutes");
  }
}
