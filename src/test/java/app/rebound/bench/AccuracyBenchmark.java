package app.rebound.bench;

import app.rebound.analysis.AccuracySuite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.io.file.PathUtils;

/**
 * The full impact accuracy suite (not a test): 60 simulated shops, every fourth a placebo, written
 * to reports/accuracy.md with the table of every shop.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:exec -Dbench=AccuracyBenchmark -Dbench.args=60}
 */
public final class AccuracyBenchmark {

  public static void main(String[] args) throws Exception {
    String joined = String.join(" ", args).strip();
    int shops = joined.isEmpty() ? 60 : Integer.parseInt(joined);
    Path work = Files.createTempDirectory("rebound-accuracy");
    try {
      long start = System.nanoTime();
      List<AccuracySuite.Outcome> outcomes =
          AccuracySuite.run(AccuracySuite.configs(shops, 4), work);
      AccuracySuite.Summary s = AccuracySuite.summarize(outcomes);
      double seconds = (System.nanoTime() - start) / 1e9;
      String report =
          String.format(
              Locale.ROOT,
              """
          # Impact accuracy on simulated shops

          %d shops from the project's simulator (`simulate`), %d of them placebos (deletion batches with no
          injected effect); scenarios cycle through system error, malicious report, violation and mixed, with
          injected visitor effects of 15%%, 25%%, 35%% and 45%%, and a shop-wide promotion after the deletion in
          every third shop. Each shop is written as Douyin exports, read back as a merchant's upload would be,
          and analysed; the truth is the simulator's realised visitor loss (counterfactual minus actual visitors
          of the affected products after their deletion). Ran in %.0f s.

          | measure | target | result |
          | --- | --- | --- |
          | median relative error of the total visitor loss | ≤ 15%% | %.1f%% |
          | 95%% interval covers the true loss | ≥ 85%% of shops | %.0f%% |
          | placebo shops with a significant loss | ≤ 10%% | %.0f%% |
          | likely cause right (all %d batches) | ≥ 85%% | %.1f%% |

          %s""",
              s.shops(),
              s.placebos(),
              seconds,
              100 * s.medianRelativeError(),
              100 * s.coverage(),
              100 * s.placeboFalsePositiveRate(),
              s.batches(),
              100 * s.causeAccuracy(),
              AccuracySuite.table(outcomes));
      Path out = Path.of("reports", "accuracy.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report, StandardCharsets.UTF_8);
      System.out.println(report);
    } finally {
      PathUtils.deleteDirectory(work);
    }
  }
}
