package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.sim.Scenario;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The measures on simulated shops, whose injected trust and partnership effects are known. */
class SimulatedImpactTest {

  @TempDir Path tmp;

  /** Every csv of a simulated shop read the way uploads are read. */
  static ShopData load(Path dir) {
    return ExportFolders.read(dir);
  }

  static Measure find(List<Measure> measures, String id) {
    return measures.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  record Shop(MeasuredEffects trust, MeasuredEffects partnerships) {}

  Shop simulate(long seed, Scenario scenario, int products, int days) throws IOException {
    SimConfig config =
        SimConfig.defaults()
            .withSeed(seed)
            .withScenario(scenario)
            .withProducts(products)
            .withDays(days);
    Path dir = tmp.resolve(scenario + "-" + seed);
    ShopSimulator.write(config, dir);
    ShopData shop = load(dir);
    Table deleted = DeletedOrders.of(shop);
    MeasuredEffects trust = TrustImpact.of(shop, deleted);
    MeasuredEffects partnerships = PartnershipImpact.of(shop, deleted);
    return new Shop(trust, partnerships);
  }

  /** Three small shops (14–18 products, 67–81 days) with the simulator's default effect of 0.25. */
  @Test
  void affected_products_lose_trust_and_affiliates_after_the_deletion_and_unaffected_ones_do_not()
      throws IOException {
    for (long seed = 1; seed <= 3; seed++) {
      Shop s = simulate(seed, Scenario.MIXED, 12 + (int) seed * 2, 60 + (int) seed * 7);
      String where = "seed " + seed;
      List<Measure> trust = s.trust().shop();
      assertTrue(
          find(trust, "doubtful_review_share").effect().low() > 0,
          where + " " + line(find(trust, "doubtful_review_share")));
      assertTrue(find(trust, "low_rating_share").effect().low() > 0, where);
      assertTrue(find(trust, "average_rating").effect().high() < 0, where);
      assertTrue(find(trust, "refund_rate").effect().estimate() > 0, where);
      List<Measure> partners = s.partnerships().shop();
      assertTrue(find(partners, "affiliate_cancellations").effect().low() > 0, where);
      assertTrue(find(partners, "cooperating_affiliates").effect().high() < 0, where);
      assertTrue(find(partners, "active_affiliates").effect().estimate() < 0, where);
      assertTrue(find(partners, "affiliate_gmv").effect().estimate() < 0, where);

      assertEquals(s.trust().affectedProducts(), s.trust().products().size(), where);
      long measured = 0;
      long rising = 0;
      for (ProductImpact p : s.trust().products()) {
        Measure doubt = find(p.measures(), "doubtful_review_share");
        if (doubt.measured()) {
          measured++;
          rising += doubt.effect().estimate() > 0 ? 1 : 0;
        }
      }
      assertTrue(
          measured > 0 && rising >= 0.8 * measured, where + ": " + rising + " of " + measured);
    }
  }

  @Test
  void a_violation_costs_the_shop_experience_score() throws IOException {
    Shop s = simulate(4, Scenario.VIOLATION, 16, 80);
    Measure score = find(s.trust().shop(), "shop_experience_score");
    assertTrue(score.effect().high() < 0, line(score));
  }

  /**
   * With no injected effect, the 95% intervals should hold zero nearly always (19 in 20 by design).
   */
  @Test
  void a_placebo_shop_shows_effects_whose_intervals_mostly_include_zero() throws IOException {
    int intervals = 0;
    int holdingZero = 0;
    StringBuilder flagged = new StringBuilder();
    for (long seed = 1; seed <= 4; seed++) {
      Shop s = simulate(seed, Scenario.PLACEBO, 12 + (int) seed * 2, 60 + (int) seed * 7);
      for (List<Measure> measures : List.of(s.trust().shop(), s.partnerships().shop())) {
        for (Measure m : measures) {
          if (!m.measured() || m.unaffected() == null) {
            continue; // shop-level measures have no comparison; a placebo shop's score may still
            // drift
          }
          intervals++;
          if (!m.effect().excludesZero()) {
            holdingZero++;
          } else {
            flagged.append(seed).append(line(m)).append('\n');
          }
        }
      }
    }
    assertTrue(intervals >= 25, "measured intervals " + intervals);
    assertTrue(
        holdingZero >= 0.85 * intervals,
        holdingZero + " of " + intervals + " hold zero; flagged:\n" + flagged);
  }

  static String line(Measure m) {
    if (!m.measured()) {
      return String.format("  %-26s %s", m.id(), Reason.text(m.reason(), false));
    }
    return String.format(
        "  %-26s A %s→%s U %s→%s  eff %.4f [%.4f, %.4f]",
        m.id(),
        fmt(m.affected().before()),
        fmt(m.affected().after()),
        m.unaffected() == null ? "" : fmt(m.unaffected().before()),
        m.unaffected() == null ? "" : fmt(m.unaffected().after()),
        m.effect().estimate(),
        m.effect().low(),
        m.effect().high());
  }

  static String fmt(Double v) {
    return v == null ? "null" : String.format("%.3f", v);
  }
}
