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
   * The bounds the reduced run asserts. Not yet {@link Bounds#TARGETS}: the old estimator misses
   * them (see reports/accuracy.md). These only catch a broken harness or estimator (errors above
   * 300% on one shop per scenario); the engine switches this to Bounds.TARGETS when it meets them.
   */
  static final Bounds ASSERTED = new Bounds(3.0, 3.0, 0.0, 1.0, 1.0);

  /** The real-data extract the tests use (see its README for the licence and source). */
  static final Path RETAIL =
      Path.of("src/test/resources/online-retail/online_retail_extract.csv.gz");

  @TempDir Path tmp;

  @Test
  void every_real_line_is_a_sale_or_counted_under_its_reason() throws IOException {
    RetailData.Lines lines = RetailData.read(RETAIL);
    assertEquals(48_790, lines.read());
    assertEquals(lines.read(), lines.accountedFor());
    assertEquals(182, lines.notProducts(), "the 200 postage lines but the 18 cancelled ones");
    assertTrue(lines.returnsMatched() > 0);
    long closed = lines.sales().stream().filter(RetailData.Sale::returned).count();
    assertEquals(lines.returnsMatched(), closed, "each matched return closes one sale");
    assertTrue(lines.sales().stream().allMatch(s -> s.quantity() > 0 && s.amount().signum() > 0));
  }

  @Test
  void a_real_line_that_cannot_be_read_is_refused_with_file_line_column_and_reason() {
    String csv =
        "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
            + "536365,85123A,HEART,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom\n"
            + "536365,71053,LANTERN,six,2010-12-01 08:26:00,3.39,17850.0,United Kingdom\n";
    IOException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IOException.class,
            () ->
                RetailData.read(
                    "retail.csv",
                    new java.io.ByteArrayInputStream(
                        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    assertEquals(
        "retail.csv: line 3, column Quantity: 'six' is not a whole number", e.getMessage());
  }

  /**
   * An injected share removes orders: the affected products' post-notice money in the written
   * export is the placebo version's (same draw, nothing removed) minus the true loss, to the cent;
   * a placebo writes every sale of its window and deletes only pre-notice orders of its affected
   * products.
   */
  @Test
  void an_injected_share_of_real_orders_removed_is_exactly_the_true_loss() throws Exception {
    RetailShops shops = new RetailShops(RetailData.read(RETAIL));
    List<RetailShops.Draw> draws = shops.draws(4, 13);
    assertEquals(draws, shops.draws(4, 13), "same seed, same draws");
    for (RetailShops.Draw draw : draws.subList(0, 4)) {
      if (draw.placebo()) {
        continue;
      }
      RetailShops.Draw placebo =
          new RetailShops.Draw(
              draw.index(),
              draw.seed(),
              draw.notice(),
              draw.affected(),
              draw.controls(),
              draw.deletedShare(),
              0);
      RetailShops.Truth truth = shops.write(draw, tmp.resolve("hit" + draw.index()));
      RetailShops.Truth none = shops.write(placebo, tmp.resolve("none" + draw.index()));
      assertEquals(0, none.gmvLoss().signum());
      assertEquals(0, none.ordersRemoved());
      assertTrue(truth.ordersRemoved() > 0, draw.describe());
      ShopData hit = ExportFolders.read(tmp.resolve("hit" + draw.index()));
      ShopData all = ExportFolders.read(tmp.resolve("none" + draw.index()));
      Map<String, LocalDate> since = new HashMap<>();
      draw.affected().forEach(code -> since.put(shops.productId(code), draw.notice()));
      assertEquals(
          truth.gmvLoss().doubleValue(),
          postMoney(all, since) - postMoney(hit, since),
          0.005,
          draw.describe());
      assertEquals(
          all.orders().rowCount() - truth.ordersRemoved(),
          hit.orders().rowCount(),
          draw.describe());
      assertEquals(
          digest(tmp.resolve("none" + draw.index())),
          digest(writeAgain(shops, placebo)),
          "same draw, same files");
      Table deleted = all.table(FileKind.DELETIONS);
      assertTrue(deleted.rowCount() > 0, draw.describe());
      Map<String, String> productOf = new HashMap<>();
      Table orders = all.orders();
      for (int r = 0; r < orders.rowCount(); r++) {
        productOf.put(
            orders.stringColumn("sub_order_id").get(r), orders.stringColumn("product_id").get(r));
      }
      for (int r = 0; r < deleted.rowCount(); r++) {
        String product = productOf.get(deleted.stringColumn("sub_order_id").get(r));
        assertTrue(since.containsKey(product), "deleted orders are the affected products'");
      }
    }
  }

  private Path writeAgain(RetailShops shops, RetailShops.Draw draw) throws IOException {
    Path dir = tmp.resolve("again" + draw.index());
    shops.write(draw, dir);
    return dir;
  }

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
      ShopData hit =
          ExportFolders.read(
              tmp.resolve(scenario.name() + "-effect"), PipelineEstimates.FILES::contains);
      ShopData none =
          ExportFolders.read(
              tmp.resolve(scenario.name() + "-none"), PipelineEstimates.FILES::contains);
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
      trials.addAll(AccuracyHarness.simulated(scenario, 1, tmp, false));
    }
    RetailShops shops = new RetailShops(RetailData.read(RETAIL));
    trials.addAll(AccuracyHarness.retail(shops, shops.draws(4, 13), tmp, false));
    List<Scorecard.Row> rows = Scorecard.of(trials);
    assertEquals(2 * SimScenario.ALL.size() + 2, rows.size());
    for (Scorecard.Row row : rows.subList(0, 2 * SimScenario.ALL.size())) {
      assertEquals(1, row.shops(), row.toString());
      assertEquals(1, row.placebos(), row.toString());
    }
    assertEquals(
        List.of(AccuracyHarness.REAL_PLACEBO, AccuracyHarness.REAL_INJECTED),
        rows.subList(rows.size() - 2, rows.size()).stream().map(Scorecard.Row::scenario).toList());
    String table = AccuracyReport.trialsTsv(trials);
    for (Scorecard.Row row : rows) {
      assertEquals(0, row.notMeasured(), row + "\n" + table);
    }
    assertEquals(List.of(), ASSERTED.misses(rows), table);
  }

  /**
   * The reduced fixed-seed suite of the engine: 6 shops and their placebo twins in each of five
   * worlds (the plain world, staggered batches, a control's stock-out, a control's viral days, the
   * 4-product shop), pooled per metric. Bounds the old estimator (OLS on the summed controls,
   * commit bfa0f21) fails on these same shops: it refused 3 of the 30, its visitor and GMV ranges
   * held the truth in 73% and 67%, it flagged 20% and 17% of the placebos, and its GMV median error
   * was 36%. The engine: every shop measured, 93% and 97%, 7% and 10%, 23%.
   */
  @Test
  void the_engine_keeps_bounds_the_old_estimator_fails_on_a_fixed_seed_suite() throws Exception {
    List<Trial> trials = new ArrayList<>();
    for (SimScenario scenario : SimScenario.ALL) {
      if (REDUCED.contains(scenario.name())) {
        for (Trial t : AccuracyHarness.simulated(scenario, 6, tmp, false)) {
          trials.add(
              new Trial("reduced", t.shop(), t.placebo(), t.metric(), t.truth(), t.estimate()));
        }
      }
    }
    String table = AccuracyReport.trialsTsv(trials);
    for (Scorecard.Row row : Scorecard.of(trials)) {
      assertEquals(30, row.shops(), row.toString());
      assertEquals(0, row.notMeasured(), row + "\n" + table);
      assertTrue(row.coverage() >= 0.85, row + "\n" + table);
      assertTrue(row.placeboFalsePositives() <= 0.15, row + "\n" + table);
      if (row.metric().equals("gmv")) {
        assertTrue(row.medianError() <= 0.30, row + "\n" + table);
      }
    }
  }

  static final List<String> REDUCED =
      List.of("plain", "staggered", "control_stock_out", "control_viral", "four_products");

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
