package app.rebound.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;

/**
 * The performance benchmark of issues 7 and 20 (not a test): simulated shops of several sizes, each
 * stage in a fresh JVM, against two baselines measured in the same run over the same orders file —
 * a bare Commons CSV pass and DuckDB's read_csv + GROUP BY. Reports per stage time, rows/s, peak
 * heap and the ratio to the Commons CSV pass; the analysis stage by stage; the whole job (upload to
 * dashboard-ready); a weekly upload onto the stored shop; and a server opening the stored
 * workspace. Writes reports/bench/performance.md.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:exec -Dbench=PerformanceBenchmark -Dbench.args="100000
 * 1000000"}
 */
public final class PerformanceBenchmark {

  /** Runs per stage up to this size (median reported); larger shops run once. */
  static final long REPEAT_UP_TO = 1_000_000;

  static final int RUNS = 3;
  static final int WEEKLY_ORDERS = 50_000;

  record Run(Measured measured, Map<String, Double> stages) {}

  public static void main(String[] args) throws Exception {
    List<Long> sizes = new ArrayList<>();
    String joined = String.join(" ", args).strip();
    for (String a : (joined.isEmpty() ? "100000 1000000" : joined).split("\\s+")) {
      sizes.add(Long.parseLong(a));
    }
    Path work = BenchShops.WORK;
    Files.createDirectories(work);
    StringBuilder table = new StringBuilder();
    StringBuilder stagesTable = new StringBuilder();
    StringBuilder summary = new StringBuilder();
    double startup = startup(work);
    for (long orders : sizes) {
      String heap = orders <= 1_000_000 ? "-Xmx1g" : "-Xmx8g";
      int runs = orders <= REPEAT_UP_TO ? RUNS : 1;
      Path file = BenchShops.exports(orders).resolve("订单明细.csv");
      double mib = Files.size(file) / (1024.0 * 1024.0);
      Path data = work.resolve("perf-data-" + orders);
      Map<String, Run> medians = new LinkedHashMap<>();
      String failed = null;
      for (String stage :
          List.of(
              "commons-csv",
              "duckdb",
              "parse",
              "command",
              "ingest",
              "analyze",
              "reanalyze",
              "job")) {
        List<Run> results = new ArrayList<>();
        try {
          for (int run = 0; run < runs; run++) {
            if ((stage.equals("ingest") || stage.equals("job")) && Files.exists(data)) {
              PathUtils.deleteDirectory(
                  data); // each ingest starts from an empty workspace; analyze reads the last
            }
            Path snapshots = data.resolve("shops").resolve("bench").resolve("snapshots");
            if (stage.equals("analyze") && Files.exists(snapshots)) {
              // The first analysis after an upload: it reads every row from the database and writes
              // the snapshots that a re-analysis ("reanalyze") and the next week's upload start
              // from.
              PathUtils.deleteDirectory(snapshots);
            }
            Path reports = work.resolve("perf-command-" + orders);
            if (stage.equals("command") && Files.exists(reports)) {
              PathUtils.deleteDirectory(reports);
            }
            results.add(
                runStage(
                    heap,
                    stage.equals("reanalyze") ? "analyze" : stage,
                    file,
                    stage.equals("command") ? reports : data,
                    null));
          }
        } catch (IllegalStateException e) {
          failed =
              stage
                  + ": "
                  + e.getMessage()
                      .lines()
                      .filter(l -> l.contains("Error") || l.contains("Exception"))
                      .findFirst()
                      .orElse("failed")
                      .strip();
          table.append(
              String.format(
                  Locale.ROOT,
                  "| %,d | %.0f | %s | %s | failed: %s | | | |%n",
                  orders,
                  mib,
                  stage,
                  heap,
                  failed));
          System.out.println(failed);
          break;
        }
        results.sort(Comparator.comparingDouble(r -> r.measured().seconds()));
        Run median = results.get(results.size() / 2);
        medians.put(stage, median);
        double base = medians.get("commons-csv").measured().seconds();
        double peak = results.stream().mapToDouble(r -> r.measured().peakHeapMiB()).max().orElse(0);
        table.append(
            String.format(
                Locale.ROOT,
                "| %,d | %.0f | %s | %s | %.2f (%.2f–%.2f) | %,.0f | %.0f | %.2f |%n",
                orders,
                mib,
                stage,
                heap,
                median.measured().seconds(),
                results.get(0).measured().seconds(),
                results.get(results.size() - 1).measured().seconds(),
                median.measured().rowsPerSecond(),
                peak,
                median.measured().seconds() / base));
        System.out.println(stage + " " + orders + ": " + median.measured().seconds() + " s");
      }
      if (failed != null) {
        summary.append(
            String.format(
                Locale.ROOT,
                "| %,d | %.2f | %.2f | failed (%s) | | | | | | | | | |%n",
                orders,
                medians.get("commons-csv").measured().seconds(),
                medians.get("duckdb").measured().seconds(),
                failed));
        continue;
      }
      medians
          .get("analyze")
          .stages()
          .forEach(
              (name, seconds) ->
                  stagesTable.append(
                      String.format(
                          Locale.ROOT, "| %,d | first | %s | %.2f |%n", orders, name, seconds)));
      medians
          .get("reanalyze")
          .stages()
          .forEach(
              (name, seconds) ->
                  stagesTable.append(
                      String.format(
                          Locale.ROOT, "| %,d | again | %s | %.2f |%n", orders, name, seconds)));

      double csv = medians.get("commons-csv").measured().seconds();
      double duck = medians.get("duckdb").measured().seconds();
      double command = medians.get("command").measured().seconds();
      double job = medians.get("job").measured().seconds();
      summary.append(
          String.format(
              Locale.ROOT,
              "| %,d | %.2f | %.2f | %.2f | %.2f× | %.2f× | %.2f | %.2f | %.2f | %.2f× |",
              orders,
              csv,
              duck,
              command,
              command / csv,
              command / duck,
              command / (orders / 1e6),
              (command - startup) / (orders / 1e6),
              job,
              job / csv));
      // The weekly upload and the server's start only where the target names them (a 1M-order
      // shop).
      if (orders == 1_000_000) {
        Path week = weeklyFile(file, work.resolve("week-" + orders + ".csv"));
        Path copy = work.resolve("perf-weekly-" + orders);
        if (Files.exists(copy)) {
          PathUtils.deleteDirectory(copy);
        }
        PathUtils.copyDirectory(data, copy);
        Run weekly = runStage(heap, "weekly", file, copy, week);
        BenchStage.storeAnalysis(data);
        Run open = runStage(heap, "open", file, data, null);
        summary.append(
            String.format(
                Locale.ROOT,
                " %.2f (%.0f%% of the job) | %.2f |",
                weekly.measured().seconds(),
                100 * weekly.measured().seconds() / job,
                open.measured().seconds()));
      } else {
        summary.append(" – | – |");
      }
      // The upload to a running server where the target names it (100,000 orders).
      if (orders == 100_000) {
        List<Double> served = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
          Path fresh = work.resolve("perf-served-" + orders);
          if (Files.exists(fresh)) {
            PathUtils.deleteDirectory(fresh);
          }
          served.add(runStage(heap, "served", file, fresh, null).measured().seconds());
        }
        served.sort(Comparator.naturalOrder());
        double median = served.get(served.size() / 2);
        summary.append(
            String.format(
                Locale.ROOT,
                " %.2f (%.2f–%.2f) = %.2f× |%n",
                median,
                served.get(0),
                served.get(served.size() - 1),
                median / csv));
      } else {
        summary.append(" – |\n");
      }
    }
    String report =
        header()
            + "## Per stage\n\n"
            + "| orders | file MiB | stage | heap | seconds | rows/s | peak heap MiB | × Commons CSV |\n"
            + "| ---: | ---: | --- | --- | ---: | ---: | ---: | ---: |\n"
            + table
            + "\n## The whole job and the targets\n\n"
            + "analyze = the `analyze` command in one JVM: every export of the shop folder read, validated and"
            + " stored in a scratch workspace, the analysis on the rows in hand, every report written (impact.json,"
            + " plan.pdf, plan.md, actions.csv, appeal.json, packs) in one language (zh). job = the server's way,"
            + " in one JVM: the shop folder uploaded into a new shop as the upload page does (parse, validate, store),"
            + " then its background analysis from the rows in hand (impact, report and plan in two languages, appeal"
            + " workbench) until it is stored for the dashboards. ingest and analyze are its two halves run apart"
            + " (analyze loading every row from the store, as after a restart). server start = a server opened"
            + " over the stored shop as `serve` opens it, until its overview page answers (the HTTP client is made"
            + " first). upload to a running server = the shop folder posted to the upload API of a server that has"
            + " already taken it once as another shop, until its impact JSON answers 200. start-up = the same"
            + String.format(
                Locale.ROOT,
                " `analyze` command on a simulated %,d-order shop, median of %d: %.2f s (JVM start, class"
                    + " loading and compilation, fonts, every report written), taken off before the cost per"
                    + " million beyond it.%n%n",
                STARTUP_ORDERS,
                RUNS,
                startup)
            + "| orders | Commons CSV s | DuckDB s | analyze s | analyze ÷ Commons CSV (target ≤ 2) | analyze ÷"
            + " DuckDB | analyze s per million orders | analyze s per million beyond the start-up | job s | job"
            + " ÷ Commons CSV | weekly 50k upload + re-analysis s"
            + " (target ≤ 10% of the job) | server start to overview s (target < 1.5) | upload to a running server"
            + " until its analysis answers s, ÷ Commons CSV (target ≤ 2) |\n"
            + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
            + summary
            + "\n## The analysis stage by stage (median run)\n\nfirst = the analysis right after the upload (every row read"
            + " from the database, snapshots written); again = a later analysis of the same data (after an appeal"
            + " restores orders, or a restart), reading the snapshots.\n\n| orders | analysis | stage | seconds |\n"
            + "| ---: | --- | --- | ---: |\n"
            + stagesTable;
    Path out = Path.of("reports", "bench", "performance.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
  }

  /** The orders of the shop whose `analyze` run is the fixed start-up cost. */
  static final long STARTUP_ORDERS = 2_000;

  /**
   * The fixed cost of an `analyze` run, whatever the shop's size: the median seconds of the command
   * on a shop of {@link #STARTUP_ORDERS} orders.
   */
  static double startup(Path work) throws Exception {
    Path file = BenchShops.exports(STARTUP_ORDERS).resolve("订单明细.csv");
    Path reports = work.resolve("perf-command-startup");
    List<Double> seconds = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      if (Files.exists(reports)) {
        PathUtils.deleteDirectory(reports);
      }
      seconds.add(runStage("-Xmx1g", "command", file, reports, null).measured().seconds());
    }
    seconds.sort(Comparator.naturalOrder());
    return seconds.get(seconds.size() / 2);
  }

  static String header() {
    return "# Performance benchmark\n\n"
        + "Machine: "
        + Runtime.getRuntime().availableProcessors()
        + " cores, Java "
        + System.getProperty("java.version")
        + "; each stage in a fresh JVM (-Xmx1g up to 1,000,000 orders, -Xmx8g above), median of "
        + RUNS
        + " runs up to 1,000,000 orders (min–max in brackets), one run above. Peak heap is the sum of the heap"
        + " pools' peaks, an upper bound. Shops are simulated (seed 42, 120 days). Baselines over the same orders"
        + " file in the same run: a bare Commons CSV pass counting orders by product and day, and DuckDB 1.5"
        + " read_csv (all columns as text) + GROUP BY product, day on its own threads.\n\n"
        + "Produced by `mvn -B -q test-compile exec:exec -Dbench=PerformanceBenchmark -Dbench.args=\"...\"`.\n\n";
  }

  /**
   * The last orders of the file as a week's export (a newer export repeats orders with newer
   * states).
   */
  static Path weeklyFile(Path orders, Path out) throws IOException {
    List<String> lines = Files.readAllLines(orders, StandardCharsets.UTF_8);
    List<String> week = new ArrayList<>(lines.subList(0, 1));
    week.addAll(lines.subList(Math.max(1, lines.size() - WEEKLY_ORDERS), lines.size()));
    Files.write(out, week, StandardCharsets.UTF_8);
    return out;
  }

  static Run runStage(String heap, String stage, Path file, Path data, Path extra)
      throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap,
                "-cp",
                System.getProperty("java.class.path"),
                BenchStage.class.getName(),
                stage,
                file.toString(),
                data.toString()));
    if (extra != null) {
      command.add(extra.toString());
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    Measured measured = null;
    Map<String, Double> stages = new LinkedHashMap<>();
    StringBuilder output = new StringBuilder();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        output.append(line).append('\n');
        if (line.startsWith("MEASURED ")) {
          measured = Measured.parse(line);
        } else if (line.startsWith("STAGE ")) {
          int last = line.lastIndexOf(' ');
          stages.put(line.substring(6, last), Double.parseDouble(line.substring(last + 1)));
        }
      }
    }
    if (p.waitFor() != 0 || measured == null) {
      throw new IllegalStateException("stage " + stage + " failed:\n" + output);
    }
    return new Run(measured, stages);
  }
}
