package app.rebound.bench;

import app.rebound.App;
import app.rebound.Json;
import app.rebound.advice.Assumptions;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.ExportReader;
import app.rebound.ingest.ExportStream;
import app.rebound.ingest.IngestReport;
import app.rebound.service.Analyses;
import app.rebound.service.ShopChanges;
import app.rebound.service.ShopReport;
import app.rebound.service.StoredShop;
import app.rebound.service.UploadProgress;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import app.rebound.web.WebApp;
import app.rebound.web.WebConfig;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import picocli.CommandLine;

/**
 * One stage run in its own JVM, so each peak-heap figure is that stage's alone. Prints one MEASURED
 * line. Usage: BenchStage STAGE ORDERS_CSV [DATA_DIR] (for "command", the folder to write reports
 * into)
 */
public final class BenchStage {

  public static void main(String[] args) throws Exception {
    String stage = args[0];
    Path orders = Path.of(args[1]);
    // The client that asks for the overview is made before the clock starts: its own start (about
    // 0.4 s on a cold JVM) is the browser's, not the server's.
    HttpClient client =
        stage.equals("open") || stage.equals("served") ? HttpClient.newHttpClient() : null;
    long start = System.nanoTime();
    long rows =
        switch (stage) {
          case "commons-csv" -> commonsCsvPass(orders);
          case "duckdb" -> duckDbPass(orders);
          case "parse" -> parse(orders);
          case "command" -> command(orders.getParent(), Path.of(args[2]));
          case "ingest" -> ingest(orders, Path.of(args[2]));
          case "job" -> job(orders, Path.of(args[2]));
          case "analyze" -> analyze(Path.of(args[2]));
          case "weekly" -> weekly(Path.of(args[3]), Path.of(args[2]));
          case "open" -> open(Path.of(args[2]), client);
          case "served" -> served(orders, Path.of(args[2]), client);
          case "xlsx-parse" -> XlsxBenchmark.parse(orders);
          case "xlsx-bare" -> XlsxBenchmark.bare(orders);
          default -> throw new IllegalArgumentException(stage);
        };
    double seconds = timed >= 0 ? timed : (System.nanoTime() - start) / 1e9;
    System.out.println(new Measured(stage, rows, seconds, Measured.jvmPeakHeapMiB()).toLine());
  }

  /**
   * The baseline: a bare Commons CSV streaming pass that reads every record and groups order counts
   * by product and day, as the simplest honest program over the same file would.
   */
  static long commonsCsvPass(Path file) throws Exception {
    Map<String, Integer> byProductDay = new HashMap<>();
    long rows = 0;
    try (InputStream in =
            BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        CSVParser parser =
            CSVParser.builder()
                .setReader(reader)
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())
                .get()) {
      int product = parser.getHeaderMap().get("商品ID");
      int submitted = parser.getHeaderMap().get("订单提交时间");
      for (CSVRecord record : parser) {
        String day = record.get(submitted);
        String key =
            record.get(product).strip() + '|' + day.substring(0, Math.min(10, day.length()));
        byProductDay.merge(key, 1, Integer::sum);
        rows++;
      }
    }
    if (byProductDay.isEmpty()) {
      throw new IllegalStateException("no rows");
    }
    return rows;
  }

  /**
   * The {@code analyze} command a merchant runs, in this JVM: the shop folder (every export beside
   * the orders file) read, validated and stored in a scratch workspace, analysed, and every report
   * written (impact.json, plan.pdf/.md, actions.csv, appeal.json, packs) in Chinese.
   */
  static long command(Path shop, Path out) throws Exception {
    int exit =
        new CommandLine(new App())
            .execute(
                "analyze", "--input", shop.toString(), "--out", out.toString(), "--lang", "zh");
    if (exit != 0) {
      throw new IllegalStateException("analyze exited with " + exit);
    }
    return Json.MAPPER
        .readTree(out.resolve("ingest.json").toFile())
        .get("orders_distinct")
        .asLong();
  }

  /** Reading and validating into Tablesaw chunks, as an upload does, without storing them. */
  static long parse(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      ExportStream stream =
          ExportReader.open(file.getFileName().toString(), in, ExportReader.CHUNK_ROWS);
      while (stream.next() != null) {
        // each chunk is dropped once read
      }
      return stream.report().rowsRead();
    }
  }

  /**
   * The whole shop folder (orders and the other exports beside it) uploaded into a new workspace.
   */
  static long ingest(Path ordersFile, Path data) throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      return ordersRead(ws.upload("bench", shopFiles(ordersFile), s -> {}));
    }
  }

  /**
   * What a merchant waits for on a running server: the shop folder uploaded into a new shop, as the
   * upload page does (stored, then analysed from the rows in hand), until its analysis is stored
   * and the dashboards can show it.
   */
  static long job(Path ordersFile, Path data) throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      try {
        IngestReport report =
            new ShopChanges(ws, analyses, new UploadProgress())
                .upload("bench", shopFiles(ordersFile));
        awaitStored(analyses);
        return ordersRead(report);
      } finally {
        analyses.close();
      }
    }
  }

  /** The orders file and the other exports beside it. */
  private static List<UploadFile> shopFiles(Path ordersFile) throws Exception {
    try (var paths = Files.list(ordersFile.getParent())) {
      return paths
          .filter(p -> p.toString().endsWith(".csv"))
          .sorted()
          .map(p -> new UploadFile(p.getFileName().toString(), () -> Files.newInputStream(p)))
          .toList();
    }
  }

  private static long ordersRead(IngestReport report) {
    return report.files().stream()
        .filter(f -> "orders".equals(f.kind()))
        .mapToLong(f -> f.rowsRead())
        .sum();
  }

  /**
   * The second baseline: DuckDB's read_csv and the same GROUP BY (product, day), with its own
   * threads. The ids are read as text (all_varchar), as they must be.
   */
  static long duckDbPass(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      String path = file.toAbsolutePath().toString().replace("'", "''");
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*), sum(n) FROM (SELECT trim(\"商品ID\") AS p,"
                  + " substr(\"订单提交时间\", 1, 10) AS d, count(*) AS n FROM read_csv('"
                  + path
                  + "', all_varchar = true,"
                  + " header = true) GROUP BY p, d)")) {
        rs.next();
        return rs.getLong(2);
      }
    }
  }

  /**
   * Everything the background analysis does after an upload, stage by stage (printed as STAGE
   * lines): load the stored shop, the impact pipeline, the report and plan in both languages, the
   * appeal workbench.
   */
  static long analyze(Path data) throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      long t = System.nanoTime();
      ShopData shop = StoredShop.load(ws.database("bench"));
      t = lap("load", t);
      ImpactAnalysis.Result result = ImpactAnalysis.run(shop, BenchStage::lap);
      t = System.nanoTime();
      Assumptions assumptions = Assumptions.defaults();
      for (String lang : List.of("zh", "en")) {
        Json.MAPPER.writeValueAsString(
            ShopReport.of(result, lang, assumptions, LocalDate.now()).toJson());
      }
      t = lap("report and plan (zh, en)", t);
      Json.MAPPER.writeValueAsString(
          AppealReport.of(shop, result, (int) assumptions.get("appeal.window_days")));
      lap("appeal workbench", t);
      return shop.orders().rowCount();
    }
  }

  static long lap(String stage, long since) {
    long now = System.nanoTime();
    System.out.printf(Locale.ROOT, "STAGE %s %.3f%n", stage, (now - since) / 1e9);
    return now;
  }

  /**
   * A weekly upload onto the stored shop: the week's export (the last 50,000 orders of the file, as
   * a newer export repeats them) merged in, then the whole analysis again.
   */
  static long weekly(Path weekFile, Path data) throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      ws.upload(
          "bench",
          List.of(
              new UploadFile(
                  weekFile.getFileName().toString(), () -> Files.newInputStream(weekFile))),
          s -> {});
    }
    return analyze(data);
  }

  /**
   * A server started over the workspace whose analysis is stored: the time until the shop's
   * overview page answers 200 (nothing may be recomputed).
   */
  static long open(Path data, HttpClient client) throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      WebApp.warmUp(); // as serve does
      Javalin server = WebApp.create(ws, analyses, WebConfig.defaults(), WebApp.Options.defaults());
      server.start("127.0.0.1", 0);
      try {
        var response =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/shops/bench"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("tile-deleted")) {
          throw new IllegalStateException(
              "the overview did not answer from the stored analysis: " + response.statusCode());
        }
        return 1;
      } finally {
        server.stop();
        analyses.close();
      }
    }
  }

  /** A stage's own measured seconds, when it times only part of what it runs; else -1. */
  private static double timed = -1;

  /**
   * The shop folder uploaded over HTTP to a running server that has already taken the same folder
   * once as another shop (so it is warm, as a server that has been up a while is): the seconds from
   * sending the upload until the shop's impact JSON answers 200, which is when its dashboards show
   * the analysis. Only that second upload is timed.
   */
  static long served(Path ordersFile, Path data, HttpClient client) throws Exception {
    String boundary = "----ReboundBench";
    byte[] form = uploadForm(boundary, shopFiles(ordersFile));
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      WebApp.warmUp();
      Javalin server = WebApp.create(ws, analyses, WebConfig.defaults(), WebApp.Options.defaults());
      server.start("127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + server.port() + "/api/shops/";
        uploadUntilAnalysed(client, base + "warm", form, boundary);
        long start = System.nanoTime();
        uploadUntilAnalysed(client, base + "bench", form, boundary);
        timed = (System.nanoTime() - start) / 1e9;
        return ordersRead(ws.latestReport("bench").orElseThrow());
      } finally {
        server.stop();
        analyses.close();
      }
    }
  }

  /**
   * A multipart/form-data body of the files, each a part named "file", as a browser's upload form
   * sends it.
   */
  static byte[] uploadForm(String boundary, List<UploadFile> files) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (UploadFile file : files) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + file.name()
                  + "\"\r\nContent-Type: text/csv\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      try (InputStream in = file.opener().open()) {
        in.transferTo(body);
      }
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private static void uploadUntilAnalysed(
      HttpClient client, String shopUrl, byte[] form, String boundary) throws Exception {
    var upload =
        client.send(
            HttpRequest.newBuilder(URI.create(shopUrl + "/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (upload.statusCode() != 200) {
      throw new IllegalStateException("the upload answered " + upload.statusCode());
    }
    while (true) {
      int status =
          client
              .send(
                  HttpRequest.newBuilder(URI.create(shopUrl + "/impact")).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      if (status == 200) {
        return;
      }
      if (status != 202) {
        throw new IllegalStateException("the analysis answered " + status);
      }
      Thread.sleep(50);
    }
  }

  /**
   * Stores the analysis of the workspace's current data (not timed: what a finished upload leaves
   * behind).
   */
  static void storeAnalysis(Path data) throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      analyses.submit("bench");
      awaitStored(analyses);
      analyses.close();
    }
  }

  /** Waits while the shop's analysis runs; fails unless it was stored. */
  private static void awaitStored(Analyses analyses) throws Exception {
    while (analyses.status("bench", "zh").state() == Analyses.State.RUNNING) {
      Thread.sleep(50);
    }
    for (String part : List.of("zh", "en", Analyses.APPEAL)) {
      Analyses.Status status = analyses.status("bench", part);
      if (status.state() != Analyses.State.READY) {
        throw new IllegalStateException("the analysis was not stored: " + status.error());
      }
    }
  }
}
