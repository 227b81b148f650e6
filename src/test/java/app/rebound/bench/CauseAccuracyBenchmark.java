package app.rebound.bench;

import app.rebound.analysis.CauseAccuracySuite;
import app.rebound.analysis.CauseAccuracySuite.Outcome;
import app.rebound.analysis.CauseAccuracySuite.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;

/**
 * The cause accuracy benchmark (not a test): N simulated shops of each kind of {@link
 * CauseAccuracySuite#KINDS}, every batch's diagnosis and every deleted order's verdict against the
 * truth. Writes reports/accuracy-causes.tsv (one row per batch) and reports/accuracy-causes.md, the
 * table per kind beside the "before" rows of reports/accuracy-causes-old.tsv when that file exists,
 * and copies those tables into reports/accuracy.md's cause section.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:exec -Dbench=CauseAccuracyBenchmark -Dbench.args=N};
 * {@code -Dbench.args="N reports/accuracy-causes-old.tsv"} writes only the rows, to that file (how
 * the "before" file was made, on the commit it names).
 */
public final class CauseAccuracyBenchmark {

  static final Path OLD = Path.of("reports", "accuracy-causes-old.tsv");
  static final Path ROWS = Path.of("reports", "accuracy-causes.tsv");
  static final Path REPORT = Path.of("reports", "accuracy-causes.md");

  public static void main(String[] args) throws Exception {
    String[] parts = String.join(" ", args).strip().split("\\s+");
    int shops = parts[0].isEmpty() ? 10 : Integer.parseInt(parts[0]);
    Path rowsOut = parts.length > 1 ? Path.of(parts[1]) : ROWS;
    Path work = Files.createTempDirectory("rebound-causes");
    try {
      long start = System.nanoTime();
      List<Outcome> outcomes = CauseAccuracySuite.run(shops, work);
      double seconds = (System.nanoTime() - start) / 1e9;
      String commit = commit();
      List<String> lines = new ArrayList<>();
      lines.add("# commit " + commit + ", " + shops + " shops per kind");
      lines.add(CauseAccuracySuite.TSV_HEADER);
      outcomes.forEach(o -> lines.add(o.tsv()));
      Files.createDirectories(rowsOut.toAbsolutePath().getParent());
      Files.write(rowsOut, lines, StandardCharsets.UTF_8);
      if (parts.length > 1) {
        System.out.println(table(CauseAccuracySuite.rows(outcomes)));
        return;
      }
      String report = report(shops, seconds, commit, outcomes);
      Files.writeString(REPORT, report, StandardCharsets.UTF_8);
      CauseSection.refresh(REPORT);
      System.out.println(report);
    } finally {
      PathUtils.deleteDirectory(work);
    }
  }

  static String report(int shops, double seconds, String commit, List<Outcome> outcomes)
      throws IOException {
    StringBuilder out = new StringBuilder();
    out.append("# Cause accuracy on simulated shops\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%d shops of each kind from the project's simulator (`simulate` with the kind's scenario"
                + " and CauseDynamics world), 12–20 products, 60–90 days, fixed seeds (140000 + 1000 ×"
                + " kind + i). Each shop is written as Douyin exports, read back as a merchant's upload"
                + " would be, its batches diagnosed (BatchCauses) and its deleted orders judged"
                + " (AppealEvidence). Commit %s, ran in %.0f s. Command: `mvn -B -q test-compile"
                + " exec:exec -Dbench=CauseAccuracyBenchmark -Dbench.args=%d`.%n%n",
            shops,
            commit,
            seconds,
            shops));
    out.append(
        "A batch is right when its likely cause is the true one and it is not undecided; an order"
            + " is right when a violation batch's order is do_not_appeal and any other batch's"
            + " order is not. \"violations appealed\": violation batches with any order offered for"
            + " appeal. Targets: right ≥ 95%, undecided ≤ 10%, no violation appealed, orders right"
            + " ≥ 95%.\n\n");
    out.append("## After (this commit)\n\n").append(table(CauseAccuracySuite.rows(outcomes)));
    if (Files.exists(OLD)) {
      List<String> lines = Files.readAllLines(OLD, StandardCharsets.UTF_8);
      List<Outcome> old =
          lines.stream()
              .filter(l -> !l.startsWith("#") && !l.startsWith("kind\t") && !l.isBlank())
              .map(Outcome::fromTsv)
              .toList();
      out.append("\n## Before (")
          .append(lines.get(0).replaceFirst("^# ", ""))
          .append(", the count-the-signs CauseRule; same shops)\n\n")
          .append(table(CauseAccuracySuite.rows(old)));
    }
    out.append("\n## Batches not right\n\n| kind | seed | batch | truth | found | undecided |")
        .append(" confidence | what moved the odds most |\n")
        .append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Outcome o : outcomes) {
      if (!o.right()) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s | %.2f | %s |%n",
                o.kind(),
                o.seed(),
                o.batch(),
                o.truth(),
                o.found(),
                o.undecided() ? "yes" : "no",
                o.confidence(),
                o.drivers().replace("|", "/")));
      }
    }
    return out.toString();
  }

  static String table(Map<String, Row> rows) {
    StringBuilder out =
        new StringBuilder(
            "| kind | batches | right | wrong | undecided | right % | undecided % | orders |"
                + " orders right % | violations appealed |\n"
                + "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Row r : rows.values()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %.1f | %.1f | %d | %.1f | %d |%n",
              r.kind(),
              r.batches(),
              r.right(),
              r.wrong(),
              r.undecided(),
              100 * r.rightShare(),
              100 * r.undecidedShare(),
              r.orders(),
              100 * r.ordersRightShare(),
              r.violationsAppealed()));
    }
    return out.toString();
  }

  private static String commit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 && !out.isEmpty() ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
