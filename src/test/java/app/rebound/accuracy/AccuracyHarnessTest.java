package app.rebound.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Slow;
import app.rebound.analysis.ExportFolders;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import app.rebound.sim.GroundTruth;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The accuracy harness itself is right: the truth it scores against is computed correctly and
 * reproducibly, and its scorecard and bounds say what they claim. The reduced fixed-seed run at the
 * end asserts {@link #ASSERTED}; switch it to {@link Bounds#TARGETS} once the estimator meets them.
 */
@Slow
class AccuracyHarnessTest {

  /**
   * The bounds the reduced run asserts. Not yet the targets: the old estimator misses them (see
   * reports/accuracy.md); this only catches a harness that cannot score at all.
   */
  static final Bounds ASSERTED = new Bounds(1.0, 1.0, 0.0, 1.0, 1.0);

  @TempDir Path tmp;

  @Test
  void a_placebo_shop_has_zero_true_loss_in_every_scenario() throws IOException {
    for (SimScenario scenario : SimScenario.ALL) {
      GroundTruth truth = ShopSimulator.write(scenario.placebo(0), tmp.resolve(scenario.name()));
      assertEquals(0, truth.totals().visitorLoss(), scenario.name());
      assertEquals(0, truth.totals().gmvLoss().signum(), scenario.name());
      assertTrue(!truth.affectedProducts().isEmpty(), scenario.name());
    }
  }

  /**
   * The same shop with effect 0 is its exact counterfactual (same seed, same batches, same
   * counterfactual draws): the true loss must be the difference of the two shops' exported visitors
   * and order money over the affected products' post-deletion days.
   */
  @Test
  void the_true_loss_is_what_the_exports_lose_against_the_no_effect_twin() throws IOException {
    for (SimScenario scenario : SimScenario.ALL) {
      SimConfig config = scenario.effect(1);
      GroundTruth truth = ShopSimulator.write(config, tmp.resolve(scenario.name() + "-effect"));
      ShopSimulator.write(config.withEffectSize(0), tmp.resolve(scenario.name() + "-none"));
      Map<String, LocalDate> since = new HashMap<>();
      truth.affectedProducts().forEach(p -> since.put(p.productId(), p.postStart()));
      ShopData hit = ExportFolders.read(tmp.resolve(scenario.name() + "-effect"));
      ShopData none = ExportFolders.read(tmp.resolve(scenario.name() + "-none"));
      assertEquals(
          truth.totals().visitorLoss(),
          postVisitors(none, since) - postVisitors(hit, since),
          scenario.name() + " visitors");
      assertEquals(
          truth.totals().gmvLoss().doubleValue(),
          postMoney(none, since) - postMoney(hit, since),
          0.005,
          scenario.name() + " GMV");
      assertTrue(truth.totals().visitorLoss() > 0, scenario.name());
    }
  }

  @Test
  void the_same_seed_writes_the_same_files() throws Exception {
    for (SimScenario scenario : SimScenario.ALL) {
      ShopSimulator.write(scenario.effect(2), tmp.resolve(scenario.name() + "-a"));
      ShopSimulator.write(scenario.effect(2), tmp.resolve(scenario.name() + "-b"));
      assertEquals(
          digest(tmp.resolve(scenario.name() + "-a")),
          digest(tmp.resolve(scenario.name() + "-b")),
          scenario.name());
    }
  }

  @Test
  void the_bounds_name_every_target_a_row_misses_and_only_those() {
    Scorecard.Row good = new Scorecard.Row("s", "visitors", 10, 10, 0, 0.09, 0.95, 0.0);
    assertEquals(List.of(), Bounds.TARGETS.misses(good));
    Scorecard.Row gmvAtVisitorLimit = new Scorecard.Row("s", "gmv", 10, 10, 0, 0.12, 0.92, 0.05);
    assertEquals(List.of(), Bounds.TARGETS.misses(gmvAtVisitorLimit));
    Scorecard.Row bad = new Scorecard.Row("s", "visitors", 10, 10, 0, 0.12, 0.99, 0.1);
    List<String> misses = Bounds.TARGETS.misses(bad);
    assertEquals(3, misses.size(), misses.toString());
    assertTrue(misses.get(0).contains("median error 12.0%"), misses.toString());
    assertTrue(misses.get(1).contains("coverage 99.0%"), misses.toString());
    assertTrue(misses.get(2).contains("placebo false positives 10.0%"), misses.toString());
    Scorecard.Row narrow = new Scorecard.Row("s", "gmv", 10, 0, 0, 0.2, 0.5, Double.NaN);
    assertEquals(2, Bounds.TARGETS.misses(narrow).size());
  }

  @Test
  void the_scorecard_counts_errors_coverage_and_placebo_positives() {
    List<Trial> trials =
        List.of(
            new Trial("s", "a", false, "gmv", 100, new Estimate(true, 90, 80, 120, null)),
            new Trial("s", "b", false, "gmv", 100, new Estimate(true, 130, 110, 150, null)),
            new Trial("s", "c", false, "gmv", 100, Estimate.notMeasured("no controls")),
            new Trial("s", "p", true, "gmv", 0, new Estimate(true, 5, -10, 20, null)),
            new Trial("s", "q", true, "gmv", 0, new Estimate(true, -30, -50, -1, null)));
    Scorecard.Row row = Scorecard.of(trials).get(0);
    assertEquals(new Scorecard.Row("s", "gmv", 3, 2, 1, 0.3, 1 / 3.0, 0.5), row);
  }

  @Test
  void the_reduced_suite_scores_every_scenario_and_keeps_the_asserted_bounds() throws Exception {
    List<Trial> trials = new ArrayList<>();
    for (SimScenario scenario : SimScenario.ALL) {
      trials.addAll(AccuracyHarness.simulated(scenario, 2, tmp));
    }
    List<Scorecard.Row> rows = Scorecard.of(trials);
    assertEquals(2 * SimScenario.ALL.size(), rows.size());
    for (Scorecard.Row row : rows) {
      assertEquals(2, row.shops() + row.notMeasured(), row.toString());
      assertEquals(2, row.placebos(), row.toString());
    }
    String table = AccuracyReport.trialsTsv(trials);
    assertEquals(List.of(), ASSERTED.misses(rows), table);
  }

  private static long postVisitors(ShopData shop, Map<String, LocalDate> since) {
    Table t = shop.table(FileKind.TRAFFIC);
    long sum = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      LocalDate from = since.get(t.stringColumn("product_id").get(r));
      if (from != null && !t.dateColumn("date").get(r).isBefore(from)) {
        sum += t.intColumn("visitors").get(r);
      }
    }
    return sum;
  }

  private static double postMoney(ShopData shop, Map<String, LocalDate> since) {
    Table t = shop.orders();
    double sum = 0;
    for (int r = 0; r < t.rowCount(); r++) {
      LocalDate from = since.get(t.stringColumn("product_id").get(r));
      if (from != null && !t.dateTimeColumn("submitted_at").get(r).toLocalDate().isBefore(from)) {
        sum += t.doubleColumn("payable_amount").get(r);
      }
    }
    return sum;
  }

  static String digest(Path dir) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.sorted().toList();
    }
    for (Path f : files) {
      sha.update(f.getFileName().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      sha.update(Files.readAllBytes(f));
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
