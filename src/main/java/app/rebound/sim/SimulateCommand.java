package app.rebound.sim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rebound simulate}: writes a seeded simulated shop and its truth.json. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description =
        "Writes a simulated Douyin shop (seven export files) and truth.json with the injected effects.")
public final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write the shop to.")
  Path out;

  @Option(
      names = "--seed",
      defaultValue = "1",
      description = "Seed; same seed and options give identical files.")
  long seed;

  @Option(
      names = "--products",
      defaultValue = "20",
      description = "Number of products (default ${DEFAULT-VALUE}).")
  int products;

  @Option(
      names = "--days",
      defaultValue = "90",
      description = "Days in the window, at least 42 (default ${DEFAULT-VALUE}).")
  int days;

  @Option(
      names = "--orders",
      defaultValue = "0",
      paramLabel = "N",
      description =
          "Target total orders; scales daily volume (default: the natural volume of a small shop).")
  long orders;

  @Option(
      names = "--scenario",
      defaultValue = "MIXED",
      converter = ScenarioConverter.class,
      description = "Causes of the deletions: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
  Scenario scenario;

  @Option(
      names = "--effect",
      defaultValue = "0.25",
      description =
          "Relative fall of an affected product's visitors at full strength (default ${DEFAULT-VALUE}).")
  double effect;

  @Option(
      names = "--encoding",
      defaultValue = "utf8-bom",
      description = "utf8-bom or gb18030 (default ${DEFAULT-VALUE}).")
  String encoding;

  @Option(
      names = "--start",
      defaultValue = "2026-05-01",
      paramLabel = "YYYY-MM-DD",
      description = "First day of the window (default ${DEFAULT-VALUE}).")
  LocalDate start;

  @Option(
      names = "--promotion",
      description = "Add a shop-wide promotion after the deletions (not damage).")
  boolean promotion;

  @Override
  public Integer call() throws Exception {
    boolean gb18030 =
        switch (encoding.toLowerCase(Locale.ROOT)) {
          case "utf8-bom", "utf-8-bom", "utf8", "utf-8" -> false;
          case "gb18030", "gbk" -> true;
          default ->
              throw new ParameterException(
                  spec.commandLine(), "--encoding must be utf8-bom or gb18030, was " + encoding);
        };
    SimConfig config;
    try {
      config =
          new SimConfig(
              seed,
              products,
              days,
              start,
              scenario,
              effect,
              orders,
              gb18030,
              promotion,
              ImpactDynamics.PLAIN,
              CauseDynamics.PLAIN,
              SimConfig.LAST_NOTICE_ANYWHERE);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    GroundTruth truth = ShopSimulator.write(config, out);
    spec.commandLine()
        .getOut()
        .printf(
            Locale.ROOT,
            "Wrote %d orders, %d products, %d days from %s, %d deletion batches (%d deleted orders, visitor loss %d) to %s%n",
            truth.orders(),
            truth.products(),
            days,
            start,
            truth.batches().size(),
            truth.deletedOrders(),
            truth.totals().visitorLoss(),
            out);
    return 0;
  }

  /** Accepts MIXED, mixed, malicious-report and the like. */
  static final class ScenarioConverter implements ITypeConverter<Scenario> {
    @Override
    public Scenario convert(String value) {
      return Scenario.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }
}
