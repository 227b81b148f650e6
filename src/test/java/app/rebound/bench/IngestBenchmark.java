package app.rebound.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.io.file.PathUtils;

/**
 * Ingest benchmark (not a test): simulated order exports of several sizes, each stage in a fresh
 * JVM with a fixed heap, several runs each, medians reported against a bare Commons CSV pass over
 * the same file measured in the same run. Writes reports/bench/ingest.md.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=app.rebound.bench.IngestBenchmark -Dexec.args="100000 1000000"}
 */
public final class IngestBenchmark {

  static final int RUNS = 3;
  static final String HEAP = "-Xmx1g";

  public static void main(String[] args) throws Exception {
    List<Long> sizes = new ArrayList<>();
    String joined = String.join(" ", args).strip();
    for (String a : (joined.isEmpty() ? "100000 1000000" : joined).split("\\s+")) {
      sizes.add(Long.parseLong(a));
    }
    Files.createDirectories(BenchShops.WORK);
    StringBuilder report = new StringBuilder();
    report
        .append("# Ingest benchmark\n\n")
        .append("Machine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(", each stage in a fresh JVM with ")
        .append(HEAP)
        .append(", median of ")
        .append(RUNS)
        .append(" runs (min–max in brackets).\n")
        .append(
            "Peak heap: the sum of the JVM's heap pools' peaks, an upper bound on the heap in use at any one"
                + " moment (it can exceed -Xmx because the pools peak at different times).\n")
        .append(
            "Baseline: a bare Commons CSV streaming pass over the same file (every record read, orders"
                + " counted by product and day in a HashMap).\n")
        .append(
            "parse = encoding detection, header recognition, validation of every cell of the orders export"
                + " into Tablesaw chunks; ingest = the whole simulated shop (orders and the six other exports) parsed and"
                + " merged into a new SQLite workspace, committed; analyze = the impact pipeline on that stored shop"
                + " (load, deletions and causes, traffic, conversion, GMV, trust, partnerships, report).\n\n")
        .append("| orders | file MiB | stage | seconds | rows/s | peak heap MiB | × baseline |\n")
        .append("| ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
    for (long orders : sizes) {
      Path file = BenchShops.exports(orders).resolve("订单明细.csv");
      double mib = Files.size(file) / (1024.0 * 1024.0);
      Measured baseline = null;
      Path data = BenchShops.dataFolder(orders);
      for (String stage : List.of("commons-csv", "parse", "ingest", "analyze")) {
        List<Measured> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
          if (!stage.equals("analyze") && Files.exists(data)) {
            PathUtils.deleteDirectory(data); // analyze reads what the last ingest run stored
          }
          runs.add(runStage(stage, file, data));
        }
        runs.sort(Comparator.comparingDouble(Measured::seconds));
        Measured median = runs.get(runs.size() / 2);
        if (baseline == null) {
          baseline = median;
        }
        double peak = runs.stream().mapToDouble(Measured::peakHeapMiB).max().orElse(0);
        report.append(
            String.format(
                Locale.ROOT,
                "| %,d | %.0f | %s | %.2f (%.2f–%.2f) | %,.0f | %.0f | %.2f |%n",
                orders,
                mib,
                stage,
                median.seconds(),
                runs.get(0).seconds(),
                runs.get(runs.size() - 1).seconds(),
                median.rowsPerSecond(),
                peak,
                median.seconds() / baseline.seconds()));
        System.out.println(stage + " " + orders + ": " + median.seconds() + " s");
      }
    }
    Path out = Path.of("reports", "bench", "ingest.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
  }

  static Measured runStage(String stage, Path file, Path data)
      throws IOException, InterruptedException {
    return PerformanceBenchmark.runStage(HEAP, stage, file, data, null).measured();
  }
}
