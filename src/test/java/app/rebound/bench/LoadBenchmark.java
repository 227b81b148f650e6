package app.rebound.bench;

import app.rebound.Json;
import app.rebound.store.UploadFile;
import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Load benchmark (not a test): the app serving the simulated 1,000,000-order shop with its analysis
 * ready, in a JVM of its own with a fixed heap ({@link LoadServer}), requested over loopback by the
 * JDK HttpClient from this JVM at several numbers of concurrent clients, each for a fixed time.
 * Every client requests the dashboard pages, the API, the plan PDF and an upload in turn (see
 * {@link #mix}) as fast as the answers come. Reports requests per second, latency percentiles,
 * errors (an answer other than 200, or an exception) and the server's heap (after a full collection
 * before and after each level, and the highest of its 50 ms samples during it) into
 * reports/load.md.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:exec -Dbench=LoadBenchmark -Dbench.args="1000000 30 8
 * 64"} (orders, seconds per level, then the levels). The shop is simulated and stored under
 * target/bench on the first run (or taken from IngestBenchmark's), and its analysis computed once
 * by the server and stored.
 */
public final class LoadBenchmark {

  static final String SERVER_HEAP = "-Xmx1g";
  static final int WARMUP_SECONDS = 10;
  static final double MIB = 1024.0 * 1024.0;

  /**
   * One request of the mix: what the report calls it, its path, and for an upload its multipart
   * body and content type (null for a GET).
   */
  record Page(String name, String path, byte[] body, String contentType) {
    Page(String name, String path) {
      this(name, path, null, null);
    }

    HttpRequest request(String base) {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
      return body == null
          ? builder.GET().build()
          : builder
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
    }
  }

  /** The shop the mix's uploads go to, beside the benchmark's own, so its analysis stays put. */
  static final String UPLOAD_SHOP = "load-upload";

  /**
   * What the mix uploads: the sample shop's orders export (136 kB, 425 rows), as a browser would.
   */
  static Page upload() throws IOException {
    Path orders = Path.of("src/test/resources/samples/douyin-export-small/订单明细.csv");
    String boundary = "----LoadBenchmark";
    byte[] body =
        BenchStage.uploadForm(
            boundary,
            List.of(
                new UploadFile(
                    orders.getFileName().toString(), () -> Files.newInputStream(orders))));
    return new Page(
        "upload (orders, 136 kB)",
        "/api/shops/" + UPLOAD_SHOP + "/uploads",
        body,
        "multipart/form-data; boundary=" + boundary);
  }

  /** The server's heap and CPU at one moment, as {@link LoadServer} answers "window". */
  record Window(
      double seconds,
      double usedMiB,
      double peakMiB,
      double cpuSeconds,
      long gcCount,
      double gcSeconds) {}

  /** What one level measured. */
  record Level(
      int clients,
      double seconds,
      List<List<Long>> nanosByPage,
      long[] errorsByPage,
      long[] bytesByPage,
      Map<String, AtomicLong> errorKinds,
      double heapStartMiB,
      double heapEndMiB,
      List<Window> windows) {

    long requests() {
      return nanosByPage.stream().mapToLong(List::size).sum() + Arrays.stream(errorsByPage).sum();
    }

    long errors() {
      return Arrays.stream(errorsByPage).sum();
    }

    double peakMiB() {
      return windows.stream().mapToDouble(Window::peakMiB).max().orElse(Double.NaN);
    }

    double serverCpuSeconds() {
      return windows.get(windows.size() - 1).cpuSeconds() - windows.get(0).cpuSeconds();
    }

    double gcSeconds() {
      return windows.get(windows.size() - 1).gcSeconds() - windows.get(0).gcSeconds();
    }

    long[] allNanos() {
      return nanosByPage.stream()
          .flatMap(List::stream)
          .mapToLong(Long::longValue)
          .sorted()
          .toArray();
    }
  }

  public static void main(String[] args) throws Exception {
    String joined = String.join(" ", args).strip();
    String[] a = (joined.isEmpty() ? "1000000 30 8 64" : joined).split("\\s+");
    long orders = Long.parseLong(a[0]);
    int seconds = Integer.parseInt(a[1]);
    List<Integer> levels = Arrays.stream(a, 2, a.length).map(Integer::valueOf).toList();
    Path data = BenchShops.stored(orders);
    try (Server server = Server.start(data, BenchShops.SHOP)) {
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      String base = "http://127.0.0.1:" + server.port;
      List<Page> mix = mix(client, base, BenchShops.SHOP);
      System.out.println("warming up for " + WARMUP_SECONDS + " s ...");
      Level warmup = run(client, base, mix, levels.get(0), WARMUP_SECONDS, server);
      List<Level> results = new ArrayList<>();
      for (int clients : levels) {
        System.out.println(clients + " clients for " + seconds + " s ...");
        Level level = run(client, base, mix, clients, seconds, server);
        System.out.printf(
            Locale.ROOT,
            "  %d requests, %.0f/s, %d errors%n",
            level.requests(),
            level.requests() / level.seconds(),
            level.errors());
        results.add(level);
      }
      String report = report(server, mix, warmup, results, args);
      Path out = Path.of("reports", "load.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report, StandardCharsets.UTF_8);
      System.out.println(report);
    }
  }

  /**
   * The requests every client makes in turn: the overview, traffic, products, one product's and
   * appeal pages, the overview and impact API, a chart, the plan as PDF and an upload; the product
   * is the first one the analysis measured.
   */
  static List<Page> mix(HttpClient client, String base, String shop) throws Exception {
    HttpResponse<String> impact =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/api/shops/" + shop + "/impact")).build(),
            HttpResponse.BodyHandlers.ofString());
    if (impact.statusCode() != 200) {
      throw new IllegalStateException("the impact API answered " + impact.statusCode());
    }
    String product = Json.MAPPER.readTree(impact.body()).at("/products/0/product_id").asText();
    String s = "/shops/" + shop;
    return List.of(
        new Page("overview page", s),
        new Page("traffic page", s + "/traffic"),
        new Page("products page", s + "/products"),
        new Page("product page", s + "/products/" + product),
        new Page("appeal page", s + "/appeal"),
        new Page("overview API", "/api" + s + "/overview"),
        new Page("impact API", "/api" + s + "/impact"),
        new Page("chart SVG", s + "/charts/visitors.svg"),
        new Page("plan PDF", s + "/plan.pdf"),
        upload());
  }

  /**
   * {@code clients} threads request the mix in turn (each from its own place in it) for the given
   * time.
   */
  static Level run(
      HttpClient client, String base, List<Page> mix, int clients, int seconds, Server server)
      throws Exception {
    double heapStart = server.gc();
    List<List<Long>> nanos = new ArrayList<>();
    mix.forEach(p -> nanos.add(Collections.synchronizedList(new ArrayList<>())));
    AtomicLong[] errors = new AtomicLong[mix.size()];
    AtomicLong[] bytes = new AtomicLong[mix.size()];
    for (int i = 0; i < mix.size(); i++) {
      errors[i] = new AtomicLong();
      bytes[i] = new AtomicLong();
    }
    Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    List<HttpRequest> requests = mix.stream().map(p -> p.request(base)).toList();
    List<Window> windows = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long start = System.nanoTime();
    windows.add(server.window(0));
    long deadline = start + seconds * 1_000_000_000L;
    List<Future<?>> workers = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int first = c;
      workers.add(
          pool.submit(
              () -> {
                byte[] buffer = new byte[1 << 16];
                for (int i = first; System.nanoTime() < deadline; i++) {
                  int page = i % mix.size();
                  long t0 = System.nanoTime();
                  try {
                    HttpResponse<InputStream> response =
                        client.send(requests.get(page), HttpResponse.BodyHandlers.ofInputStream());
                    long read = 0;
                    try (InputStream body = response.body()) {
                      for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                        read += n;
                      }
                    }
                    if (response.statusCode() == 200) {
                      nanos.get(page).add(System.nanoTime() - t0);
                      bytes[page].addAndGet(read);
                    } else {
                      errors[page].incrementAndGet();
                      errorKinds
                          .computeIfAbsent(
                              mix.get(page).name() + ": HTTP " + response.statusCode(),
                              k -> new AtomicLong())
                          .incrementAndGet();
                    }
                  } catch (IOException e) {
                    errors[page].incrementAndGet();
                    errorKinds
                        .computeIfAbsent(mix.get(page).name() + ": " + e, k -> new AtomicLong())
                        .incrementAndGet();
                  }
                }
                return null;
              }));
    }
    while (System.nanoTime() < deadline) {
      Thread.sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      windows.add(server.window((System.nanoTime() - start) / 1e9));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    windows.add(server.window(elapsed));
    pool.shutdown();
    double heapEnd = server.gc();
    return new Level(
        clients,
        elapsed,
        nanos,
        Arrays.stream(errors).mapToLong(AtomicLong::get).toArray(),
        Arrays.stream(bytes).mapToLong(AtomicLong::get).toArray(),
        errorKinds,
        heapStart,
        heapEnd,
        windows);
  }

  static String report(
      Server server, List<Page> mix, Level warmup, List<Level> levels, String[] args) {
    var os = ManagementFactory.getOperatingSystemMXBean();
    long memory = os instanceof OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
    StringBuilder r = new StringBuilder("# Load benchmark\n\n");
    r.append(
        String.format(
            Locale.ROOT,
            "Run on %s. Machine: %d cores, %.0f GiB memory, load average %.2f before"
                + " the run; %s %s (%s).%n%n",
            LocalDate.now(),
            os.getAvailableProcessors(),
            memory / MIB / 1024,
            server.loadBefore,
            System.getProperty("java.vm.name"),
            System.getProperty("java.version"),
            System.getProperty("java.vm.vendor")));
    r.append(
        String.format(
            Locale.ROOT,
            "Server: `serve`'s web app (Javalin, Jetty) in its own JVM with %s (max"
                + " heap %.0f MiB, collectors %s), serving the simulated shop with %,d orders from its SQLite workspace;"
                + " its analysis was %s before the first request.%n%n",
            SERVER_HEAP,
            server.maxHeapMiB,
            server.collectors.replace(',', ' ').replace('_', ' '),
            server.orders,
            server.analysisSeconds > 1
                ? String.format(
                    Locale.ROOT,
                    "computed once at start (%.0f s) and stored",
                    server.analysisSeconds)
                : "already stored"));
    r.append(
            "Clients: the JDK HttpClient (HTTP/1.1, one connection per busy client) in the benchmark's JVM on the"
                + " same machine over loopback, so client and server share the cores. Each client sends one request,"
                + " reads the whole answer, then sends the next, going round this mix from its own place in it: ")
        .append(
            mix.stream()
                .map(p -> p.name() + " `" + p.path() + "`")
                .collect(Collectors.joining(", ")))
        .append(
            String.format(
                Locale.ROOT,
                ". Every upload goes to the one shop `"
                    + UPLOAD_SHOP
                    + "`, and a shop takes one upload at a time, so uploads wait for each other"
                    + " as clients grow. A warm-up of %d s at %d clients (%,d requests, %d errors) came"
                    + " first. Latency is from sending the request to the answer's last byte; an error is an answer other"
                    + " than 200 or an exception.%n%n",
                WARMUP_SECONDS,
                warmup.clients(),
                warmup.requests(),
                warmup.errors()));
    r.append("Command: `")
        .append(commandLine(args))
        .append("` (the same as `mvn -B -q test-compile exec:exec")
        .append(" -Dbench=LoadBenchmark -Dbench.args=\"")
        .append(String.join(" ", args).strip())
        .append("\"`).")
        .append(
            String.format(
                Locale.ROOT, " Load average after the run: %.2f.%n%n", os.getSystemLoadAverage()));
    r.append(
        "| clients | seconds | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | errors | MiB/s"
            + " | server CPU (cores) | server GC s | heap after GC at start MiB | heap peak MiB (sampled) | heap after"
            + " GC at end MiB |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
            + " ---: | ---: | ---: |\n");
    for (Level l : levels) {
      long[] all = l.allNanos();
      r.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %.1f | %.2f"
                  + " | %.2f | %.0f | %.0f | %.0f |%n",
              l.clients(),
              l.seconds(),
              l.requests(),
              l.requests() / l.seconds(),
              ms(all, 0.50),
              ms(all, 0.95),
              ms(all, 0.99),
              all.length == 0 ? Double.NaN : all[all.length - 1] / 1e6,
              l.errors(),
              Arrays.stream(l.bytesByPage()).sum() / MIB / l.seconds(),
              l.serverCpuSeconds() / l.seconds(),
              l.gcSeconds(),
              l.heapStartMiB(),
              l.peakMiB(),
              l.heapEndMiB()));
    }
    r.append(
        "\n## Per request of the mix\n\n| clients | request | answered 200 | p50 ms | p95 ms | p99 ms | errors"
            + " | KiB each |\n| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Level l : levels) {
      for (int p = 0; p < mix.size(); p++) {
        long[] page = l.nanosByPage().get(p).stream().mapToLong(Long::longValue).sorted().toArray();
        r.append(
            String.format(
                Locale.ROOT,
                "| %d | %s | %,d | %.1f | %.1f | %.1f | %d | %.0f |%n",
                l.clients(),
                mix.get(p).name(),
                page.length,
                ms(page, 0.50),
                ms(page, 0.95),
                ms(page, 0.99),
                l.errorsByPage()[p],
                page.length == 0 ? Double.NaN : l.bytesByPage()[p] / 1024.0 / page.length));
      }
    }
    r.append(
        "\n## Server heap during each level\n\nHeap in use (MiB), the highest 50 ms sample in each second of"
            + " the level; it rises as garbage accumulates and falls at each collection, so a level whose samples"
            + " keep within the same band and whose heap after a full collection ends where it started holds its"
            + " memory steady.\n\n");
    for (Level l : levels) {
      r.append(String.format(Locale.ROOT, "- %d clients: ", l.clients()))
          .append(
              l.windows().stream()
                  .skip(1)
                  .map(w -> String.format(Locale.ROOT, "%.0f", w.peakMiB()))
                  .collect(Collectors.joining(" ")))
          .append('\n');
    }
    List<String> kinds = new ArrayList<>();
    for (Level l : levels) {
      l.errorKinds()
          .forEach(
              (k, n) ->
                  kinds.add(
                      String.format(
                          Locale.ROOT, "- %d clients, %s: %,d", l.clients(), k, n.get())));
    }
    if (!kinds.isEmpty()) {
      r.append("\n## Errors\n\n").append(String.join("\n", kinds)).append('\n');
    }
    return r.toString();
  }

  /** The nearest-rank percentile of sorted nanoseconds, in milliseconds. */
  static double ms(long[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[(int) Math.ceil(sorted.length * p) - 1] / 1e6;
  }

  /** This JVM's command line, its class path shortened. */
  static String commandLine(String[] args) {
    List<String> parts = new ArrayList<>(List.of("java"));
    parts.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    parts.add("-cp <test classpath>");
    parts.add(LoadBenchmark.class.getName());
    Arrays.stream(args).map(a -> a.contains(" ") ? "\"" + a + "\"" : a).forEach(parts::add);
    return String.join(" ", parts);
  }

  /** The {@link LoadServer} process and the commands it answers. */
  static final class Server implements AutoCloseable {
    final Process process;
    final int port;
    final long orders;
    final double analysisSeconds;
    final double maxHeapMiB;
    final String collectors;
    final double loadBefore;
    private final PrintWriter commands;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private Server(Process process, double loadBefore) throws Exception {
      this.process = process;
      this.loadBefore = loadBefore;
      this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.matches("(READY|WINDOW|GC|UNKNOWN) .*")) {
                      answers.add(line);
                    }
                  }
                } catch (IOException e) {
                  // the process ended
                }
              },
              "load-server-output");
      reader.setDaemon(true);
      reader.start();
      String[] ready = answer("READY", 3600).split(" ");
      this.port = Integer.parseInt(ready[1]);
      this.orders = Long.parseLong(ready[2]);
      this.analysisSeconds = Double.parseDouble(ready[3]);
      this.maxHeapMiB = Double.parseDouble(ready[4]);
      this.collectors = ready[5];
    }

    static Server start(Path data, String shop) throws Exception {
      double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      Path log = BenchShops.WORK.resolve("load-server.log");
      Files.createDirectories(log.getParent());
      System.out.println(
          "starting the server (its log: " + log + "); the first start analyses the shop ...");
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  SERVER_HEAP,
                  "-Djava.awt.headless=true",
                  "-cp",
                  System.getProperty("java.class.path"),
                  LoadServer.class.getName(),
                  data.toString(),
                  shop)
              .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
      try {
        return new Server(p, load);
      } catch (Exception | Error e) {
        p.destroyForcibly();
        throw e;
      }
    }

    Window window(double at) throws Exception {
      String[] w = ask("window", "WINDOW").split(" ");
      return new Window(
          at,
          Double.parseDouble(w[1]),
          Double.parseDouble(w[2]),
          Double.parseDouble(w[3]),
          Long.parseLong(w[4]),
          Double.parseDouble(w[5]));
    }

    /** Heap in use after a full collection, MiB. */
    double gc() throws Exception {
      return Double.parseDouble(ask("gc", "GC").split(" ")[1]);
    }

    private String ask(String command, String answer) throws Exception {
      commands.println(command);
      return answer(answer, 120);
    }

    private String answer(String prefix, int timeoutSeconds) throws Exception {
      long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
      while (System.nanoTime() < deadline) {
        String line = answers.poll(1, TimeUnit.SECONDS);
        if (line != null && line.startsWith(prefix + " ")) {
          return line;
        }
        if (line == null && !process.isAlive()) {
          throw new IllegalStateException(
              "the server ended (exit " + process.exitValue() + "); see its log");
        }
      }
      throw new IllegalStateException(
          "the server did not answer " + prefix + " within " + timeoutSeconds + " s");
    }

    @Override
    public void close() throws InterruptedException {
      commands.println("quit");
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
