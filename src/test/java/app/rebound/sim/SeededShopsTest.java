package app.rebound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The accuracy suite draws many small shops; each must keep the truth's promises, whatever its
 * shape.
 */
class SeededShopsTest {

  @TempDir Path tmp;

  @Test
  void fifty_seeded_shops_of_every_scenario_keep_the_truths_invariants() throws IOException {
    Scenario[] scenarios = Scenario.values();
    for (int seed = 100; seed < 150; seed++) {
      Scenario scenario = scenarios[seed % scenarios.length];
      int products = 4 + seed % 23;
      int days = 42 + (seed * 7) % 60;
      SimConfig config =
          SimConfig.defaults()
              .withSeed(seed)
              .withScenario(scenario)
              .withProducts(products)
              .withDays(days)
              .withEffectSize(0.1 + (seed % 5) * 0.08)
              .withPromotionSpike(seed % 3 == 0);
      String where = config.toString();
      Path dir = tmp.resolve("s" + seed);
      GroundTruth truth = ShopSimulator.write(config, dir);

      assertFalse(truth.batches().isEmpty(), where);
      assertFalse(truth.controlProducts().isEmpty(), where);
      assertEquals(
          products, truth.controlProducts().size() + truth.affectedProducts().size(), where);
      Set<String> inBatches = new HashSet<>();
      int subOrders = 0;
      for (GroundTruth.Batch b : truth.batches()) {
        assertTrue(b.subOrders() > 0, where + " batch " + b.id());
        assertTrue(b.id().matches("WG\\d{8}[A-Z2-9]{4}"), b.id());
        subOrders += b.subOrders();
        for (String p : b.products()) {
          assertTrue(inBatches.add(p), where + " product in two batches");
        }
      }
      assertEquals(truth.deletedOrders(), subOrders, where);

      Map<String, Integer> deletedPerProduct = new HashMap<>();
      ShopFiles.read(dir.resolve(Columns.DELETIONS_FILE))
          .rows()
          .forEach(r -> deletedPerProduct.merge(r.get("商品ID"), 1, Integer::sum));
      for (String p : inBatches) {
        assertTrue(deletedPerProduct.getOrDefault(p, 0) > 0, where + " no deleted order for " + p);
      }
      for (GroundTruth.AffectedProduct p : truth.affectedProducts()) {
        assertTrue(p.postDays() >= 14, where);
        assertTrue(p.visitorLoss() >= 0 && p.impressionLoss() >= 0 && p.buyerLoss() >= 0, where);
        if (scenario == Scenario.PLACEBO) {
          assertEquals(0, p.visitorLoss(), where);
        }
      }
      if (scenario != Scenario.PLACEBO) {
        assertTrue(truth.totals().visitorLoss() > 0, where);
      }
    }
  }
}
