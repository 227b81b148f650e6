package app.rebound.bench;

import app.rebound.accuracy.AccuracyHarness;
import app.rebound.accuracy.AccuracyReport;
import app.rebound.accuracy.RetailData;
import app.rebound.accuracy.RetailShops;
import app.rebound.accuracy.Scorecard;
import app.rebound.accuracy.SimScenario;
import app.rebound.accuracy.Trial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;

/**
 * The impact accuracy benchmark (not a test): every simulated scenario of {@link SimScenario#ALL}
 * through the impact pipeline the app runs, scored per scenario and metric, written to
 * reports/accuracy.md beside the old estimator's figures (reports/accuracy-old-estimator.tsv), and
 * every trial to reports/accuracy-trials.tsv.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:exec -Dbench=AccuracyBenchmark -Dbench.args="12"}
 * (shops with an effect per scenario, each with a placebo twin). {@code --record-old} also writes
 * this run's scorecard as the old estimator's. {@code --retail FILE} reads the real transactions
 * from FILE (default: the test extract; the whole set is
 * ../shared/data/online-retail/online_retail_2010_2011.csv.gz), {@code --retail-shops N} cuts N
 * real shops from them (default 24). {@code --cache DIR} keeps the written shops in DIR and reads
 * them again next time (for trying estimators; delete DIR when the simulator changes); {@code
 * --only plain,real} runs some scenarios and prints their figures without touching the report.
 */
public final class AccuracyBenchmark {

  static final Path OLD = Path.of("reports", "accuracy-old-estimator.tsv");

  public static void main(String[] args) throws Exception {
    Options options = Options.parse(String.join(" ", args).strip());
    // Taken before the run: the figures are the code's as it was when the run began.
    String commit = commit();
    boolean keep = options.cache != null;
    Path work =
        keep
            ? Files.createDirectories(options.cache)
            : Files.createTempDirectory("rebound-accuracy");
    long start = System.nanoTime();
    List<Trial> trials = new ArrayList<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    try {
      for (SimScenario scenario : SimScenario.ALL) {
        if (!options.runs(scenario.name())) {
          continue;
        }
        long t = System.nanoTime();
        trials.addAll(AccuracyHarness.simulated(scenario, options.shops, work, keep));
        seconds.put(scenario.name(), (System.nanoTime() - t) / 1e9);
        descriptions.put(scenario.name(), scenario.description());
        System.err.printf(
            Locale.ROOT, "%s: %.0f s%n", scenario.name(), seconds.get(scenario.name()));
      }
      long t = System.nanoTime();
      if (!options.runs("real")) {
        return;
      }
      RetailData.Lines lines = RetailData.read(options.retail);
      RetailShops shops = new RetailShops(lines);
      trials.addAll(
          AccuracyHarness.retail(shops, shops.draws(options.retailShops, 13), work, keep));
      seconds.put("real data", (System.nanoTime() - t) / 1e9);
      System.err.printf(Locale.ROOT, "real data: %.0f s%n", seconds.get("real data"));
      descriptions.put(
          AccuracyHarness.REAL_PLACEBO,
          String.format(
              Locale.ROOT,
              "real sales (%s: %,d lines read, %,d sales kept, %,d returns matched to their sale"
                  + " and closed, %,d returns without a sale in the file, %,d postage/fee lines,"
                  + " %,d lines without a positive quantity and price, %,d adjustments; every line"
                  + " accounted for) cut into shops of %d regular sellers, 91 days before a deletion"
                  + " notice and 28 after; the notice deletes 20–50%% of the affected products'"
                  + " orders of the 30 days before it; nothing else changes, the true loss is 0",
              options.retail.getFileName(),
              lines.read(),
              lines.sales().size(),
              lines.returnsMatched(),
              lines.returnsUnmatched(),
              lines.notProducts(),
              lines.notPositive(),
              lines.adjustments(),
              RetailShops.PRODUCTS));
      descriptions.put(
          AccuracyHarness.REAL_INJECTED,
          "the same kind of real shop, and 15–45% of the affected products' orders from the notice"
              + " on removed at random: the true loss is the money of the removed orders, exactly");
    } finally {
      if (!keep) {
        PathUtils.deleteDirectory(work);
      }
      if (options.only != null) {
        // A partial run: the figures go to the console, not over the report.
        System.out.println(AccuracyReport.trialsTsv(trials));
        System.out.println(AccuracyReport.markdown(Scorecard.of(trials), null, "", descriptions));
      }
    }
    if (options.only != null) {
      return;
    }
    double total = (System.nanoTime() - start) / 1e9;
    List<Scorecard.Row> rows = Scorecard.of(trials);
    String command =
        "mvn -B -q test-compile exec:exec -Dbench=AccuracyBenchmark -Dbench.args=\""
            + options.text
            + "\"";
    Files.createDirectories(OLD.getParent());
    if (options.recordOld) {
      Files.writeString(
          OLD,
          AccuracyReport.tsv(
              rows, "commit " + commit + ", " + options.shops + " shops per scenario, " + command),
          StandardCharsets.UTF_8);
    }
    AccuracyReport.Recorded old = Files.exists(OLD) ? AccuracyReport.readTsv(OLD) : null;
    StringBuilder timing = new StringBuilder();
    seconds.forEach((name, s) -> timing.append(String.format(Locale.ROOT, "%s %.0f s, ", name, s)));
    String about =
        String.format(
            Locale.ROOT,
            """
            Each shop is written as Douyin exports, read back as a merchant's upload is, and run through
            the stage of the app's impact pipeline that gives impact.json its visitor and GMV losses
            (`TrafficImpact`, through `accuracy/PipelineEstimates`); the estimates are scored against the truth: the realised loss (counterfactual minus actual visitors, and paid
            GMV, of the affected products from their deletion to the end of the window). Per simulated
            scenario: %d shops with an injected effect (causes cycle system error, malicious report,
            violation, mixed; effects 15–45%%; a shop-wide promotion in every third) and a placebo twin of
            each (same seed and mechanism, no effect). Median error and coverage are over the shops with a
            loss; a shop the pipeline does not measure counts as 100%% error and not covered. A placebo is
            a false positive when its 95%% interval excludes zero (either side).

            Real data: %d shops cut from the UCI Online Retail transactions (Chen, Sain and Guo 2012,
            CC BY 4.0), half placebos, half with an injected loss, GMV only (the data has no traffic).

            Commit %s; %d trials in %.0f s on this machine (%s). Command: `%s`.
            """,
            options.shops,
            options.retailShops,
            commit,
            trials.size(),
            total,
            timing.substring(0, Math.max(0, timing.length() - 2)),
            command);
    String report = AccuracyReport.markdown(rows, old, about, descriptions);
    Files.writeString(CauseSection.ACCURACY, report, StandardCharsets.UTF_8);
    CauseSection.refresh(CauseAccuracyBenchmark.REPORT);
    Files.writeString(
        Path.of("reports", "accuracy-trials.tsv"),
        AccuracyReport.trialsTsv(trials),
        StandardCharsets.UTF_8);
    System.out.println(report);
  }

  /** The commit the figures come from, marked when the work tree had changes. */
  static String commit() throws IOException, InterruptedException {
    String head = git("rev-parse", "--short", "HEAD");
    String dirty = git("status", "--porcelain", "--", "src", "pom.xml");
    return head.isEmpty()
        ? "unknown"
        : dirty.isEmpty() ? head : head + " (with uncommitted changes)";
  }

  private static String git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(Arrays.asList(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.waitFor() == 0 ? out : "";
  }

  /**
   * @param cache where shops are kept between runs (null: written afresh and removed)
   * @param only the scenarios to run ("real" for the real data), or null for all; a partial run
   *     prints its figures and leaves the report alone
   */
  private record Options(
      String text,
      int shops,
      boolean recordOld,
      Path retail,
      int retailShops,
      Path cache,
      List<String> only) {

    boolean runs(String scenario) {
      return only == null || only.contains(scenario);
    }

    static Options parse(String text) {
      int shops = 12;
      boolean recordOld = false;
      Path retail = Path.of("src/test/resources/online-retail/online_retail_extract.csv.gz");
      int retailShops = 24;
      Path cache = null;
      List<String> only = null;
      Iterator<String> it =
          Arrays.asList(text.isEmpty() ? new String[0] : text.split("\\s+")).iterator();
      while (it.hasNext()) {
        String a = it.next();
        switch (a) {
          case "--record-old" -> recordOld = true;
          case "--retail" -> retail = Path.of(value(it, a));
          case "--retail-shops" -> retailShops = Integer.parseInt(value(it, a));
          case "--cache" -> cache = Path.of(value(it, a));
          case "--only" -> only = List.of(value(it, a).split(","));
          default -> {
            try {
              shops = Integer.parseInt(a);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException(
                  "AccuracyBenchmark [shops per scenario] [--retail FILE.csv.gz] [--retail-shops N]"
                      + " [--record-old] [--cache DIR] [--only SCENARIO,...|real]; not understood: "
                      + a);
            }
          }
        }
      }
      if (shops < 1) {
        throw new IllegalArgumentException("shops per scenario must be at least 1, was " + shops);
      }
      if (!Files.isRegularFile(retail)) {
        throw new IllegalArgumentException("--retail: no such file " + retail);
      }
      return new Options(text, shops, recordOld, retail, retailShops, cache, only);
    }

    private static String value(Iterator<String> it, String option) {
      if (!it.hasNext()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return it.next();
    }
  }
}
