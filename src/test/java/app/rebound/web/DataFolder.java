package app.rebound.web;

import app.rebound.service.Analyses;
import app.rebound.store.Workspaces;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A data folder of shops for the web tests: its workspaces and, once asked for, its background
 * analyses (one at a time), on the same clock unless told otherwise. Registered on a static field
 * it is opened before the class's {@code @BeforeAll} methods and closed after its {@code @AfterAll}
 * ones; on an instance field, the same around each test. Closed, the folder is deleted.
 */
final class DataFolder
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {

  /** What the stand-in charts answer as a PNG: a PNG's signature. */
  static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

  /** Stands in for app.rebound.report: a tiny SVG naming its chart, and {@link #PNG}. */
  static final ChartSource CHARTS =
      ChartSource.of(
          (id, report, product, lang) ->
              Optional.of(
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>"
                      + id.code()
                      + (product == null ? "" : " " + product)
                      + "</title></svg>"),
          (id, report, product, lang) -> Optional.of(PNG));

  /** The dashboards with {@link #CHARTS} drawn. */
  static final WebApp.Options DASHBOARDS = WebApp.Options.defaults().withCharts(CHARTS);

  private final Clock clock;
  private final Clock analysesClock;
  private Path dir;
  private Workspaces workspaces;
  private Analyses analyses;
  private boolean perClass;

  private DataFolder(Clock clock, Clock analysesClock) {
    this.clock = clock;
    this.analysesClock = analysesClock;
  }

  /** On the machine's clock. */
  static DataFolder now() {
    return on(Clock.systemDefaultZone());
  }

  /** On a clock held at {@code instant} (ISO, UTC), in Beijing time. */
  static DataFolder at(String instant) {
    return on(Clock.fixed(Instant.parse(instant), ZoneId.of("Asia/Shanghai")));
  }

  static DataFolder on(Clock clock) {
    return new DataFolder(clock, clock);
  }

  /** The same folder with its analyses on a clock of their own. */
  DataFolder analysedOn(Clock analysesClock) {
    return new DataFolder(clock, analysesClock);
  }

  Path dir() {
    return dir;
  }

  Workspaces workspaces() {
    return workspaces;
  }

  /** The folder's analyses, started at the first call. */
  Analyses analyses() {
    if (analyses == null) {
      analyses = new Analyses(workspaces, analysesClock, 1);
    }
    return analyses;
  }

  /** The app over the folder's analyses with {@link #CHARTS} drawn and the default limits. */
  Javalin dashboards() {
    return dashboards(WebConfig.defaults());
  }

  /** The app over the folder's analyses with {@link #CHARTS} drawn, within {@code config}. */
  Javalin dashboards(WebConfig config) {
    return served(config, DASHBOARDS);
  }

  /** The app over the folder's analyses, within {@code config}, built with {@code options}. */
  Javalin served(WebConfig config, WebApp.Options options) {
    return WebApp.create(workspaces, analyses(), config, options);
  }

  /** The app with analyses of its own ({@link WebApp#create(Workspaces, WebConfig)}). */
  Javalin app(WebConfig config) {
    return WebApp.create(workspaces, config);
  }

  /** The same, with the default limits. */
  Javalin app() {
    return app(WebConfig.defaults());
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    perClass = true;
    open();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    close();
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      open();
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    if (!perClass) {
      close();
    }
  }

  private void open() throws IOException {
    dir = Files.createTempDirectory("rebound-web-test");
    workspaces = new Workspaces(dir, clock);
  }

  private void close() throws Exception {
    try {
      if (analyses != null) {
        analyses.close();
      }
    } finally {
      analyses = null;
      workspaces.close();
      workspaces = null;
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
