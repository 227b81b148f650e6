package app.rebound.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each impact mechanism does to the simulated world what ImpactDynamics says, and only that. */
class ImpactDynamicsTest {

  @TempDir Path tmp;

  private static SimConfig shop(ImpactDynamics dynamics) {
    return SimConfig.defaults()
        .withSeed(77)
        .withProducts(20)
        .withDays(126)
        .withScenario(Scenario.MIXED)
        .withImpactDynamics(dynamics);
  }

  private static int affected(ShopPlan plan) {
    for (int p = 0; p < plan.products.size(); p++) {
      if (plan.batchOf[p] >= 0) {
        return p;
      }
    }
    throw new AssertionError("no affected product");
  }

  @Test
  void the_effect_ramps_in_over_its_days_and_then_halves_every_half_life() {
    ShopPlan plan = ShopPlan.create(shop(ImpactDynamics.RAMP_AND_FADE));
    int p = affected(plan);
    int day = plan.batches.get(plan.batchOf[p]).day;
    assertEquals(0, plan.ramp(p, day - 1));
    assertEquals(0.1, plan.ramp(p, day), 1e-12);
    assertEquals(1.0, plan.ramp(p, day + 9), 1e-12);
    assertEquals(0.5, plan.ramp(p, day + 9 + 21), 1e-12);
    ShopPlan plain = ShopPlan.create(shop(ImpactDynamics.PLAIN));
    int q = affected(plain);
    assertEquals(1.0, plain.ramp(q, plain.batches.get(plain.batchOf[q]).day + 60), 1e-12);
  }

  @Test
  void staggered_batches_come_the_stagger_apart() {
    ShopPlan plan = ShopPlan.create(shop(ImpactDynamics.STAGGERED));
    assertTrue(plan.batches.size() >= 3, "batches " + plan.batches.size());
    for (int i = 1; i < plan.batches.size(); i++) {
      assertEquals(21, plan.batches.get(i).day - plan.batches.get(i - 1).day);
    }
  }

  @Test
  void diverted_buyers_raise_the_same_category_substitutes_only() throws Exception {
    SimConfig config = shop(ImpactDynamics.SPILLOVER).withEffectSize(0.45);
    ShopPlan plan = ShopPlan.create(config);
    Traffic t = Traffic.draw(plan);
    Traffic plain = Traffic.draw(ShopPlan.create(config.withImpactDynamics(ImpactDynamics.PLAIN)));
    long gained = 0;
    for (int p = 0; p < plan.products.size(); p++) {
      for (int d = 0; d < plan.days; d++) {
        assertEquals(plain.cfVis[p][d], t.cfVis[p][d], "counterfactual unchanged");
        if (plan.batchOf[p] >= 0) {
          assertEquals(plain.vis[p][d], t.vis[p][d], "affected products unchanged");
        } else {
          assertTrue(t.vis[p][d] >= t.cfVis[p][d]);
          gained += t.vis[p][d] - t.cfVis[p][d];
          boolean sameCategoryHit = false;
          for (int q = 0; q < plan.products.size(); q++) {
            sameCategoryHit |=
                plan.batchOf[q] >= 0
                    && plan.category[q] == plan.category[p]
                    && t.cfVis[q][d] > t.vis[q][d];
          }
          if (!sameCategoryHit) {
            assertEquals(t.cfVis[p][d], t.vis[p][d], "no loss in its category, no gain");
          }
        }
      }
    }
    assertTrue(gained > 0);
    GroundTruth truth = ShopSimulator.write(config, tmp.resolve("spill"));
    assertEquals(gained, truth.substituteGain().visitors());
    assertTrue(truth.substituteGain().gmv().signum() > 0);
    assertNull(ShopSimulator.write(shop(ImpactDynamics.PLAIN), tmp.resolve("p")).substituteGain());
  }

  @Test
  void categories_get_their_own_seasons_and_the_plain_world_none() {
    ShopPlan plan = ShopPlan.create(shop(ImpactDynamics.CATEGORY_SEASONS));
    assertNotNull(plan.exposureFactor);
    int a = -1;
    int b = -1;
    for (int p = 0; p < plan.products.size(); p++) {
      if (plan.category[p] == 0 && a < 0) {
        a = p;
      }
      if (plan.category[p] == 1 && b < 0) {
        b = p;
      }
    }
    double spread = 0;
    for (int d = 0; d < plan.days; d++) {
      spread = Math.max(spread, Math.abs(plan.exposureFactor[a][d] - plan.exposureFactor[b][d]));
    }
    assertTrue(spread > 0.1, "categories move apart: " + spread);
    assertNull(ShopPlan.create(shop(ImpactDynamics.PLAIN)).exposureFactor);
  }

  @Test
  void a_control_shock_hits_the_unaffected_best_seller_only() {
    for (ImpactDynamics dyn :
        new ImpactDynamics[] {ImpactDynamics.CONTROL_STOCK_OUT, ImpactDynamics.CONTROL_VIRAL}) {
      ShopPlan plan = ShopPlan.create(shop(dyn));
      int shocked = Mechanisms.shockedControl(plan);
      assertTrue(plan.batchOf[shocked] < 0);
      int days = 0;
      for (int p = 0; p < plan.products.size(); p++) {
        for (int d = 0; d < plan.days; d++) {
          if (plan.exposureFactor[p][d] != 1.0) {
            assertEquals(shocked, p, dyn.toString());
            assertTrue(d > plan.batches.get(0).day, "after the first deletion");
            days++;
          }
        }
      }
      boolean stockOut = dyn.controlShock() == ImpactDynamics.ControlShock.STOCK_OUT;
      assertTrue(stockOut ? days >= 7 && days <= 12 : days == 2, dyn + " days " + days);
    }
  }

  @Test
  void the_dominant_best_seller_outsells_all_other_products_together() {
    ShopPlan plan = ShopPlan.create(shop(ImpactDynamics.DOMINANT_BEST_SELLER).withProducts(4));
    double best = 0;
    double all = 0;
    for (int p = 0; p < 4; p++) {
      best = Math.max(best, plan.salesPower(p));
      all += plan.salesPower(p);
    }
    assertEquals(1.5, best / (all - best), 1e-9);
  }

  @Test
  void a_four_product_shop_may_be_left_with_a_single_control() {
    int single = 0;
    for (int seed = 1; seed <= 10; seed++) {
      SimConfig config = shop(ImpactDynamics.DOMINANT_ONE_CONTROL).withProducts(4).withSeed(seed);
      ShopPlan plan = ShopPlan.create(config);
      int controls = 0;
      for (int p = 0; p < 4; p++) {
        controls += plan.batchOf[p] < 0 ? 1 : 0;
      }
      assertTrue(controls >= 1, "seed " + seed);
      single += controls == 1 ? 1 : 0;
      ShopPlan plain =
          ShopPlan.create(shop(ImpactDynamics.DOMINANT_BEST_SELLER).withProducts(4).withSeed(seed));
      int plainControls = 0;
      for (int p = 0; p < 4; p++) {
        plainControls += plain.batchOf[p] < 0 ? 1 : 0;
      }
      assertTrue(plainControls >= 2, "the plain rule keeps two controls");
    }
    assertTrue(single >= 5, "single-control shops: " + single);
  }

  @Test
  void heavy_tailed_noise_has_empty_days_and_bursts() {
    ShopPlan plan = ShopPlan.create(shop(ImpactDynamics.HEAVY_TAILED_NOISE));
    Traffic t = Traffic.draw(plan);
    Traffic plain = Traffic.draw(ShopPlan.create(shop(ImpactDynamics.PLAIN)));
    int empty = 0;
    int bursts = 0;
    int cells = plan.products.size() * plan.days;
    for (int p = 0; p < plan.products.size(); p++) {
      for (int d = 0; d < plan.days; d++) {
        empty += t.cfImp[p][d] == 0 && plain.cfImp[p][d] > 0 ? 1 : 0;
        bursts += t.cfImp[p][d] > 1.8 * plain.cfImp[p][d] + 20 ? 1 : 0;
      }
    }
    assertEquals(0.15, empty / (double) cells, 0.03, "empty days");
    assertEquals(0.03, bursts / (double) cells, 0.015, "bursts");
  }
}
