package app.rebound.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The cause diagnosis's section of reports/accuracy.md: the tables of reports/accuracy-causes.md
 * (written by {@link CauseAccuracyBenchmark}) kept at the end of the impact report, so one file
 * holds every accuracy figure. Each benchmark rewrites only its own part.
 */
final class CauseSection {

  static final Path ACCURACY = Path.of("reports", "accuracy.md");
  static final String HEADING = "## Cause diagnosis";

  private CauseSection() {}

  /** The impact report with its cause section replaced by (or added as) the causes report. */
  static String splice(String accuracy, String causes) {
    int at = accuracy.indexOf("\n" + HEADING + "\n");
    String impact = at < 0 ? accuracy.stripTrailing() : accuracy.substring(0, at).stripTrailing();
    // The causes report's own title becomes a note; its sections become subsections.
    String body =
        causes.replaceFirst("^# [^\\n]*\\n+", "").replaceAll("(?m)^## ", "### ").stripTrailing();
    return impact
        + "\n\n"
        + HEADING
        + "\n\nFrom reports/accuracy-causes.md (the cause accuracy benchmark, run on its own).\n\n"
        + body
        + "\n";
  }

  /** Rewrites accuracy.md's cause section from the causes report, when both files exist. */
  static void refresh(Path causesReport) throws IOException {
    if (Files.exists(ACCURACY) && Files.exists(causesReport)) {
      String accuracy = Files.readString(ACCURACY, StandardCharsets.UTF_8);
      String causes = Files.readString(causesReport, StandardCharsets.UTF_8);
      Files.writeString(ACCURACY, splice(accuracy, causes), StandardCharsets.UTF_8);
    }
  }
}
