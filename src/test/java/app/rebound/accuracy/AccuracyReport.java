package app.rebound.accuracy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * reports/accuracy.md and its machine-readable sides: the scorecard of this run beside the old
 * estimator's (kept in reports/accuracy-old-estimator.tsv with the commit it came from), and every
 * trial in reports/accuracy-trials.tsv.
 */
public final class AccuracyReport {

  static final String HEADER =
      "scenario\tmetric\tshops\tplacebos\tnot_measured\tmedian_error\tcoverage\tplacebo_false_positives";

  private AccuracyReport() {}

  /** The scorecard as TSV, its first line a comment naming where the figures came from. */
  public static String tsv(List<Scorecard.Row> rows, String provenance) {
    StringBuilder s = new StringBuilder("# ").append(provenance).append('\n').append(HEADER);
    for (Scorecard.Row r : rows) {
      s.append('\n')
          .append(
              String.join(
                  "\t",
                  r.scenario(),
                  r.metric(),
                  Integer.toString(r.shops()),
                  Integer.toString(r.placebos()),
                  Integer.toString(r.notMeasured()),
                  number(r.medianError()),
                  number(r.coverage()),
                  number(r.placeboFalsePositives())));
    }
    return s.append('\n').toString();
  }

  /**
   * A scorecard written by {@link #tsv}: its provenance line and its rows by "scenario\tmetric".
   */
  public record Recorded(String provenance, Map<String, Scorecard.Row> rows) {}

  public static Recorded readTsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.size() < 2 || !lines.get(0).startsWith("# ") || !lines.get(1).equals(HEADER)) {
      throw new IOException(
          file + ": line 1 must be '# provenance' and line 2 the header " + HEADER);
    }
    Map<String, Scorecard.Row> rows = new LinkedHashMap<>();
    for (int i = 2; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split("\t", -1);
      if (f.length != 8) {
        throw new IOException(
            file + ": line " + (i + 1) + " has " + f.length + " fields, the header has 8");
      }
      try {
        Scorecard.Row row =
            new Scorecard.Row(
                f[0],
                f[1],
                Integer.parseInt(f[2]),
                Integer.parseInt(f[3]),
                Integer.parseInt(f[4]),
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                Double.parseDouble(f[7]));
        rows.put(key(row), row);
      } catch (NumberFormatException e) {
        throw new IOException(file + ": line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return new Recorded(lines.get(0).substring(2), rows);
  }

  /** Every trial, one line each. */
  public static String trialsTsv(List<Trial> trials) {
    StringBuilder s =
        new StringBuilder(
            "scenario\tshop\tplacebo\tmetric\ttruth\tmeasured\testimate\tlow\thigh\tcovered\tsignificant\n");
    for (Trial t : trials) {
      Estimate e = t.estimate();
      s.append(
          String.join(
              "\t",
              t.scenario(),
              t.shop(),
              Boolean.toString(t.placebo()),
              t.metric(),
              number(t.truth()),
              Boolean.toString(e.measured()),
              number(e.loss()),
              number(e.low()),
              number(e.high()),
              Boolean.toString(t.covered()),
              Boolean.toString(t.significant())));
      s.append('\n');
    }
    return s.toString();
  }

  /**
   * The Markdown report.
   *
   * @param about paragraphs describing the run (scenarios, sizes, time, command)
   * @param old the old estimator's scorecard, or null when none is recorded
   */
  public static String markdown(
      List<Scorecard.Row> rows, Recorded old, String about, Map<String, String> descriptions) {
    StringBuilder s =
        new StringBuilder("# Impact accuracy: simulated mechanisms and real data\n\n");
    s.append(about.strip()).append("\n\n");
    s.append(
        "Targets (issue 13): median relative error ≤ 10% for visitors and ≤ 15% for GMV; 95% intervals"
            + " holding the truth in 90–97% of shops; placebo shops flagged significant ≤ 5%.\n\n");
    s.append(
        "| scenario | metric | shops with a loss / placebo | not measured | median error | coverage |"
            + " placebo false positives | old estimator: error / coverage / false positives |"
            + " targets missed |\n");
    s.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
    for (Scorecard.Row r : rows) {
      Scorecard.Row o = old == null ? null : old.rows().get(key(r));
      List<String> misses = new ArrayList<>();
      for (String miss : Bounds.TARGETS.misses(r)) {
        misses.add(miss.substring(miss.indexOf(": ") + 2).replaceAll(" \\(target.*", ""));
      }
      s.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d / %d | %d | %s | %s | %s | %s | %s |%n",
              r.scenario(),
              r.metric(),
              r.shops(),
              r.placebos(),
              r.notMeasured(),
              percent(r.medianError()),
              percent(r.coverage()),
              percent(r.placeboFalsePositives()),
              o == null
                  ? "—"
                  : percent(o.medianError())
                      + " / "
                      + percent(o.coverage())
                      + " / "
                      + percent(o.placeboFalsePositives()),
              misses.isEmpty() ? "none" : String.join("; ", misses)));
    }
    if (old != null) {
      s.append("\nOld estimator figures: ").append(old.provenance()).append(".\n");
    }
    s.append("\n## Scenarios\n\n");
    descriptions.forEach(
        (name, text) -> s.append("- `").append(name).append("`: ").append(text).append('\n'));
    return s.toString();
  }

  static String key(Scorecard.Row r) {
    return r.scenario() + "\t" + r.metric();
  }

  private static String percent(double v) {
    return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.6f", v);
  }
}
