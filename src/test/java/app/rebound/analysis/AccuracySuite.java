package app.rebound.analysis;

import app.rebound.sim.GroundTruth;
import app.rebound.sim.Scenario;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The impact accuracy suite: simulated shops with known injected effects, analysed as a merchant's
 * exports would be, and compared with the simulator's truth. Used by a reduced test in CI and in
 * full by {@code app.rebound.bench.AccuracyBenchmark}, which writes the report.
 */
public final class AccuracySuite {

  private static final Scenario[] WITH_EFFECT = {
    Scenario.SYSTEM_ERROR, Scenario.MALICIOUS_REPORT, Scenario.VIOLATION, Scenario.MIXED
  };
  private static final double[] EFFECTS = {0.15, 0.25, 0.35, 0.45};

  private AccuracySuite() {}

  /** One simulated shop: its settings and what the analysis found against the truth. */
  public record Outcome(
      long seed,
      Scenario scenario,
      double effect,
      boolean promotion,
      double trueLoss,
      double loss,
      double low,
      double high,
      boolean measured,
      int batches,
      int causesRight) {

    boolean placebo() {
      return scenario == Scenario.PLACEBO;
    }

    double relativeError() {
      return Math.abs(loss - trueLoss) / trueLoss;
    }

    boolean covered() {
      return low <= trueLoss && trueLoss <= high;
    }

    boolean significantLoss() {
      return low > 0;
    }
  }

  /** The summary figures the issue asks for. */
  public record Summary(
      int shops,
      int placebos,
      double medianRelativeError,
      double coverage,
      double placeboFalsePositiveRate,
      int batches,
      double causeAccuracy) {}

  /**
   * The configurations of a suite: every {@code placeboEvery}-th shop is a placebo, the others
   * cycle through the scenarios and effect sizes; every third has a shop-wide promotion in its
   * post-period.
   */
  public static List<SimConfig> configs(int shops, int placeboEvery) {
    List<SimConfig> configs = new ArrayList<>();
    for (int i = 0; i < shops; i++) {
      boolean placebo = (i + 1) % placeboEvery == 0;
      Scenario scenario = placebo ? Scenario.PLACEBO : WITH_EFFECT[i % WITH_EFFECT.length];
      configs.add(
          SimConfig.defaults()
              .withSeed(1000 + i)
              .withProducts(16 + (i % 3) * 4)
              .withDays(84 + (i % 4) * 7)
              .withScenario(scenario)
              .withEffectSize(placebo ? 0 : EFFECTS[(i / WITH_EFFECT.length) % EFFECTS.length])
              .withPromotionSpike(i % 3 == 2));
    }
    return configs;
  }

  public static List<Outcome> run(List<SimConfig> configs, Path work) throws IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (SimConfig config : configs) {
      Path dir = work.resolve("shop-" + config.seed());
      GroundTruth truth = ShopSimulator.write(config, dir);
      ShopData shop = read(dir);
      Table deleted = DeletedOrders.of(shop);
      SeriesImpact.MetricImpact visitors = TrafficImpact.of(shop, deleted).visitors();
      Map<String, String> trueCauses = new HashMap<>();
      truth
          .batches()
          .forEach(b -> trueCauses.put(b.id(), b.cause().name().toLowerCase(Locale.ROOT)));
      int right =
          (int)
              BatchCauses.of(shop, deleted).stream()
                  .filter(c -> c.likelyCause().equals(trueCauses.get(c.id())))
                  .count();
      outcomes.add(
          new Outcome(
              config.seed(),
              config.scenario(),
              config.effectSize(),
              config.promotionSpike(),
              truth.totals().visitorLoss(),
              visitors.loss(),
              visitors.lossLow(),
              visitors.lossHigh(),
              visitors.measured(),
              trueCauses.size(),
              right));
    }
    return outcomes;
  }

  public static Summary summarize(List<Outcome> outcomes) {
    List<Outcome> effects = outcomes.stream().filter(o -> !o.placebo()).toList();
    List<Outcome> placebos = outcomes.stream().filter(Outcome::placebo).toList();
    double[] errors = effects.stream().mapToDouble(Outcome::relativeError).sorted().toArray();
    double median =
        errors.length == 0
            ? Double.NaN
            : errors.length % 2 == 1
                ? errors[errors.length / 2]
                : (errors[errors.length / 2 - 1] + errors[errors.length / 2]) / 2;
    double coverage = effects.stream().filter(Outcome::covered).count() / (double) effects.size();
    double falsePositives =
        placebos.isEmpty()
            ? 0
            : placebos.stream().filter(Outcome::significantLoss).count() / (double) placebos.size();
    int batches = outcomes.stream().mapToInt(Outcome::batches).sum();
    double causes = outcomes.stream().mapToInt(Outcome::causesRight).sum() / (double) batches;
    return new Summary(
        outcomes.size(), placebos.size(), median, coverage, falsePositives, batches, causes);
  }

  /** A Markdown table of every shop, for the report and for test failure messages. */
  public static String table(List<Outcome> outcomes) {
    StringBuilder s =
        new StringBuilder(
                "| seed | scenario | effect | promotion | true visitor loss | estimate | 95% interval | error | covered | causes right |\n")
            .append("| ---: | --- | ---: | --- | ---: | ---: | --- | ---: | --- | ---: |\n");
    for (Outcome o : outcomes) {
      s.append(
          String.format(
              Locale.ROOT,
              "| %d | %s | %.2f | %s | %.0f | %.0f | %.0f – %.0f | %s | %s | %d of %d |%n",
              o.seed(),
              o.scenario().name().toLowerCase(Locale.ROOT),
              o.effect(),
              o.promotion() ? "yes" : "no",
              o.trueLoss(),
              o.loss(),
              o.low(),
              o.high(),
              o.placebo() ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * o.relativeError()),
              o.placebo()
                  ? (o.significantLoss() ? "false positive" : "no loss found")
                  : (o.covered() ? "yes" : "no"),
              o.causesRight(),
              o.batches()));
    }
    return s.toString();
  }

  static ShopData read(Path dir) {
    return ExportFolders.read(dir);
  }
}
