package app.rebound.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Page times from the cached analysis (not a test): serves a data folder holding a shop (by default
 * the one the ingest benchmark stored for 1,000,000 orders) once its analysis is finished, then
 * times sequential requests of the overview, traffic and products pages, the impact JSON and one
 * chart SVG. Writes reports/bench/pages.md.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:exec -Dbench=PageBenchmark
 * -Dbench.args="target/bench/data-1000000 bench"}
 */
public final class PageBenchmark {

  static final int WARMUP = 20;
  static final int REQUESTS = 200;

  public static void main(String[] args) throws Exception {
    String joined = String.join(" ", args).strip();
    String[] a = joined.split("\\s+");
    // By default the 1,000,000-order shop IngestBenchmark stores (stored here first if it has not
    // run).
    Path data = joined.isEmpty() ? BenchShops.stored(1_000_000) : Path.of(a[0]);
    String shop = joined.isEmpty() ? BenchShops.SHOP : a[1];
    try (ServedShop served = ServedShop.start(data, shop)) {
      HttpClient client = HttpClient.newHttpClient();
      String base = served.baseUrl();
      StringBuilder report =
          new StringBuilder("# Page times from the cached analysis\n\n")
              .append(
                  String.format(
                      Locale.ROOT,
                      "Shop with %,d orders; its analysis was %s (%.1f s before the first"
                          + " page). %d sequential requests per page after %d warm-up requests, one client on loopback,"
                          + " Java %s, %d cores.%n%n",
                      served.orders,
                      served.analysisSeconds > 1 ? "computed once here" : "already cached",
                      served.analysisSeconds,
                      REQUESTS,
                      WARMUP,
                      System.getProperty("java.version"),
                      Runtime.getRuntime().availableProcessors()))
              .append(
                  "| page | median ms | p95 ms | max ms | bytes |\n| --- | ---: | ---: | ---: | ---: |\n");
      for (String path :
          List.of(
              "/shops/" + shop,
              "/shops/" + shop + "/traffic",
              "/shops/" + shop + "/products",
              "/api/shops/" + shop + "/impact",
              "/shops/" + shop + "/charts/visitors.svg")) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).GET().build();
        int bytes = 0;
        for (int i = 0; i < WARMUP; i++) {
          bytes = client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        double[] ms = new double[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
          long t0 = System.nanoTime();
          HttpResponse<byte[]> response =
              client.send(request, HttpResponse.BodyHandlers.ofByteArray());
          ms[i] = (System.nanoTime() - t0) / 1e6;
          if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
          }
        }
        Arrays.sort(ms);
        report.append(
            String.format(
                Locale.ROOT,
                "| `%s` | %.1f | %.1f | %.1f | %,d |%n",
                path,
                ms[REQUESTS / 2],
                ms[(int) Math.ceil(REQUESTS * 0.95) - 1],
                ms[REQUESTS - 1],
                bytes));
      }
      Path out = Path.of("reports", "bench", "pages.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report, StandardCharsets.UTF_8);
      System.out.println(report);
    }
  }
}
