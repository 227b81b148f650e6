package app.rebound.accuracy;

import app.rebound.sim.GroundTruth;
import app.rebound.sim.Scenario;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.io.file.PathUtils;

/**
 * Runs shops with known truth through the impact pipeline: each shop is written as Douyin exports,
 * read back as a merchant's upload is, and analysed; its estimates are paired with the truth.
 */
public final class AccuracyHarness {

  private AccuracyHarness() {}

  /**
   * n shops of the scenario and their n placebo twins, both metrics each, two shops at a time (the
   * pipeline is a pure function of the exports).
   *
   * @param keep whether the shops' files stay in work (with their truth) and are read again by the
   *     next run instead of written anew: for trying estimators; delete work when the simulator
   *     changes
   */
  public static List<Trial> simulated(SimScenario scenario, int n, Path work, boolean keep)
      throws IOException {
    List<SimConfig> configs = scenario.configs(n);
    List<List<Trial>> each =
        configs.parallelStream()
            .map(
                config -> {
                  try {
                    return simulated(scenario.name(), config, work, keep);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                })
            .toList();
    List<Trial> trials = new ArrayList<>();
    each.forEach(trials::addAll);
    return trials;
  }

  /** Scenario names of the real-data trials. */
  public static final String REAL_PLACEBO = "real_placebo";

  public static final String REAL_INJECTED = "real_injected";

  /**
   * Real shops cut from the Online Retail sales: a GMV trial each (the data has no traffic, so no
   * visitors). The shop's files are removed afterwards.
   */
  public static List<Trial> retail(
      RetailShops shops, List<RetailShops.Draw> draws, Path work, boolean keep) throws IOException {
    List<Trial> trials = new ArrayList<>();
    for (RetailShops.Draw draw : draws) {
      Path dir = work.resolve("retail-" + draw.index());
      try {
        double[] truth = kept(dir, keep);
        if (truth == null) {
          truth = new double[] {shops.write(draw, dir).gmvLoss().doubleValue()};
          keepTruth(dir, keep, truth);
        }
        PipelineEstimates.Figures f = PipelineEstimates.of(dir);
        trials.add(
            new Trial(
                draw.placebo() ? REAL_PLACEBO : REAL_INJECTED,
                draw.describe(),
                draw.placebo(),
                "gmv",
                truth[0],
                f.gmv()));
      } finally {
        if (!keep && Files.exists(dir)) {
          PathUtils.deleteDirectory(dir);
        }
      }
    }
    return trials;
  }

  /** The truth kept beside a shop's files by an earlier run, or null. */
  private static double[] kept(Path dir, boolean keep) throws IOException {
    Path file = dir.resolve(TRUTH);
    if (!keep || !Files.isRegularFile(file)) {
      return null;
    }
    return Arrays.stream(Files.readString(file).strip().split("\\t"))
        .mapToDouble(Double::parseDouble)
        .toArray();
  }

  private static void keepTruth(Path dir, boolean keep, double[] truth) throws IOException {
    if (keep) {
      Files.writeString(
          dir.resolve(TRUTH),
          String.join("\t", Arrays.stream(truth).mapToObj(Double::toString).toList()));
    }
  }

  /** The file beside a kept shop's exports holding its true losses. */
  static final String TRUTH = "truth.tsv";

  /** One simulated shop: its visitor and GMV trials. The shop's files are removed afterwards. */
  public static List<Trial> simulated(String scenario, SimConfig config, Path work, boolean keep)
      throws IOException {
    Path dir = work.resolve(scenario + "-" + config.seed() + "-" + config.scenario().code());
    try {
      double[] losses = kept(dir, keep);
      if (losses == null) {
        GroundTruth truth = ShopSimulator.write(config, dir);
        losses =
            new double[] {truth.totals().visitorLoss(), truth.totals().gmvLoss().doubleValue()};
        keepTruth(dir, keep, losses);
      }
      PipelineEstimates.Figures f = PipelineEstimates.of(dir);
      String shop = "seed " + config.seed() + " " + config.scenario().code();
      boolean placebo = config.scenario() == Scenario.PLACEBO;
      return List.of(
          new Trial(scenario, shop, placebo, "visitors", losses[0], f.visitors()),
          new Trial(scenario, shop, placebo, "gmv", losses[1], f.gmv()));
    } finally {
      if (!keep && Files.exists(dir)) {
        PathUtils.deleteDirectory(dir);
      }
    }
  }
}
