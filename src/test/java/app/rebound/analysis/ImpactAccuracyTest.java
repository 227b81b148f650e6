package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Slow;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reduced accuracy suite (24 simulated shops, 6 of them placebos); the full one runs as a
 * benchmark. The figures are the issue's: median relative error of the visitor loss at most 15%,
 * the 95% interval covering the true loss in at least 85% of shops, at most 10% of placebo shops
 * with a significant loss, the likely cause right for at least 85% of batches.
 */
@Slow
class ImpactAccuracyTest {

  @TempDir Path work;

  @Test
  void visitor_loss_estimates_meet_the_accuracy_targets_on_simulated_shops() throws Exception {
    List<AccuracySuite.Outcome> outcomes = AccuracySuite.run(AccuracySuite.configs(24, 4), work);
    AccuracySuite.Summary summary = AccuracySuite.summarize(outcomes);
    String detail = summary + "\n" + AccuracySuite.table(outcomes);
    assertTrue(summary.medianRelativeError() <= 0.15, detail);
    assertTrue(summary.coverage() >= 0.85, detail);
    assertTrue(summary.placeboFalsePositiveRate() <= 0.10, detail);
    assertTrue(summary.causeAccuracy() >= 0.85, detail);
  }
}
