package app.rebound.accuracy;

import app.rebound.sim.GroundTruth;
import app.rebound.sim.Scenario;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.file.PathUtils;

/**
 * Runs shops with known truth through the impact pipeline: each shop is written as Douyin exports,
 * read back as a merchant's upload is, and analysed; its estimates are paired with the truth.
 */
public final class AccuracyHarness {

  private AccuracyHarness() {}

  /** n shops of the scenario and their n placebo twins, both metrics each. */
  public static List<Trial> simulated(SimScenario scenario, int n, Path work) throws IOException {
    List<Trial> trials = new ArrayList<>();
    for (SimConfig config : scenario.configs(n)) {
      trials.addAll(simulated(scenario.name(), config, work));
    }
    return trials;
  }

  /** Scenario names of the real-data trials. */
  public static final String REAL_PLACEBO = "real_placebo";

  public static final String REAL_INJECTED = "real_injected";

  /**
   * Real shops cut from the Online Retail sales: a GMV trial each (the data has no traffic, so no
   * visitors). The shop's files are removed afterwards.
   */
  public static List<Trial> retail(RetailShops shops, List<RetailShops.Draw> draws, Path work)
      throws IOException {
    List<Trial> trials = new ArrayList<>();
    for (RetailShops.Draw draw : draws) {
      Path dir = work.resolve("retail-" + draw.index());
      try {
        RetailShops.Truth truth = shops.write(draw, dir);
        PipelineEstimates.Figures f = PipelineEstimates.of(dir);
        trials.add(
            new Trial(
                draw.placebo() ? REAL_PLACEBO : REAL_INJECTED,
                draw.describe(),
                draw.placebo(),
                "gmv",
                truth.gmvLoss().doubleValue(),
                f.gmv()));
      } finally {
        if (Files.exists(dir)) {
          PathUtils.deleteDirectory(dir);
        }
      }
    }
    return trials;
  }

  /** One simulated shop: its visitor and GMV trials. The shop's files are removed afterwards. */
  public static List<Trial> simulated(String scenario, SimConfig config, Path work)
      throws IOException {
    Path dir = work.resolve(scenario + "-" + config.seed() + "-" + config.scenario().code());
    try {
      GroundTruth truth = ShopSimulator.write(config, dir);
      PipelineEstimates.Figures f = PipelineEstimates.of(dir);
      String shop = "seed " + config.seed() + " " + config.scenario().code();
      boolean placebo = config.scenario() == Scenario.PLACEBO;
      return List.of(
          new Trial(
              scenario, shop, placebo, "visitors", truth.totals().visitorLoss(), f.visitors()),
          new Trial(
              scenario, shop, placebo, "gmv", truth.totals().gmvLoss().doubleValue(), f.gmv()));
    } finally {
      if (Files.exists(dir)) {
        PathUtils.deleteDirectory(dir);
      }
    }
  }
}
