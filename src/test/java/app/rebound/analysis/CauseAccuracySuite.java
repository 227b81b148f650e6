package app.rebound.analysis;

import app.rebound.sim.CauseDynamics;
import app.rebound.sim.GroundTruth;
import app.rebound.sim.Scenario;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import tech.tablesaw.api.Table;

/**
 * The cause accuracy suite: simulated shops of each kind (a scenario in one of the worlds of {@link
 * CauseDynamics}), their batches diagnosed and their deleted orders judged as a merchant's upload
 * would be, against the simulator's truth. Used by a reduced test and in full by {@code
 * app.rebound.bench.CauseAccuracyBenchmark}, which writes reports/accuracy-causes.md.
 */
public final class CauseAccuracySuite {

  /** One kind of shop: its scenario and the world its causes show themselves in. */
  public record Kind(String name, Scenario scenario, CauseDynamics dynamics) {}

  public static final List<Kind> KINDS =
      List.of(
          new Kind("system_error", Scenario.SYSTEM_ERROR, CauseDynamics.PLAIN),
          new Kind(
              "system_error_night_live",
              Scenario.SYSTEM_ERROR,
              CauseDynamics.NIGHT_LIVE_SYSTEM_ERRORS),
          new Kind("malicious_report", Scenario.MALICIOUS_REPORT, CauseDynamics.PLAIN),
          new Kind(
              "malicious_report_only_complaints",
              Scenario.MALICIOUS_REPORT,
              CauseDynamics.REPORT_ONLY_ATTACKS),
          new Kind(
              "malicious_refund_wave",
              Scenario.MALICIOUS_REPORT,
              CauseDynamics.REFUND_WAVE_ATTACKS),
          new Kind("violation", Scenario.VIOLATION, CauseDynamics.PLAIN),
          new Kind(
              "violation_real_parcels", Scenario.VIOLATION, CauseDynamics.REAL_PARCEL_BRUSHING),
          new Kind("mixed_thin_evidence", Scenario.MIXED, CauseDynamics.THIN_BATCHES));

  /**
   * One batch's diagnosis against the truth.
   *
   * @param found the likely cause the diagnosis gave
   * @param undecided the two most likely causes were too close to call
   * @param orders the batch's deleted orders
   * @param ordersRight of those, how many got a verdict right for the true cause: do_not_appeal for
   *     a violation, appeal or appeal_after_proof otherwise
   * @param appealed a violation batch whose orders were offered for appeal (any order not
   *     do_not_appeal)
   */
  public record Outcome(
      String kind,
      long seed,
      String batch,
      String truth,
      String found,
      boolean undecided,
      double confidence,
      int orders,
      int ordersRight,
      boolean appealed,
      String drivers) {

    public boolean right() {
      return !undecided && truth.equals(found);
    }

    public boolean wrong() {
      return !undecided && !truth.equals(found);
    }

    public String tsv() {
      return String.join(
          "\t",
          kind,
          Long.toString(seed),
          batch,
          truth,
          found,
          Boolean.toString(undecided),
          String.format(Locale.ROOT, "%.2f", confidence),
          Integer.toString(orders),
          Integer.toString(ordersRight),
          Boolean.toString(appealed),
          drivers);
    }

    public static Outcome fromTsv(String line) {
      String[] f = line.split("\t");
      return new Outcome(
          f[0],
          Long.parseLong(f[1]),
          f[2],
          f[3],
          f[4],
          Boolean.parseBoolean(f[5]),
          Double.parseDouble(f[6]),
          Integer.parseInt(f[7]),
          Integer.parseInt(f[8]),
          Boolean.parseBoolean(f[9]),
          f.length > 10 ? f[10] : "");
    }
  }

  public static final String TSV_HEADER =
      "kind\tseed\tbatch\ttruth\tfound\tundecided\tconfidence\torders\torders_right\tappealed"
          + "\tdrivers";

  private CauseAccuracySuite() {}

  /** The shops of one kind: fixed seeds, 12–20 products, 60–90 days. */
  public static List<SimConfig> configs(Kind kind, int shops) {
    List<SimConfig> out = new ArrayList<>();
    int k = KINDS.indexOf(kind);
    for (int i = 0; i < shops; i++) {
      long seed = 140_000L + 1000L * k + i;
      out.add(
          SimConfig.defaults()
              .withSeed(seed)
              .withScenario(kind.scenario())
              .withCauseDynamics(kind.dynamics())
              .withProducts(12 + (int) (seed % 9))
              .withDays(60 + (int) (seed % 4) * 10));
    }
    return out;
  }

  /** Every kind, {@code shops} shops each. */
  public static List<Outcome> run(int shops, Path work) throws IOException {
    List<Outcome> out = new ArrayList<>();
    for (Kind kind : KINDS) {
      for (SimConfig config : configs(kind, shops)) {
        out.addAll(runShop(kind, config, work.resolve(kind.name() + "-" + config.seed())));
      }
    }
    return out;
  }

  static List<Outcome> runShop(Kind kind, SimConfig config, Path dir) throws IOException {
    GroundTruth truth = ShopSimulator.write(config, dir);
    ShopData shop = SimulatedShops.read(dir);
    Table deleted = DeletedOrders.of(shop);
    List<BatchCause> causes = BatchCauses.of(shop, deleted);
    List<OrderEvidence> evidence = AppealEvidence.of(shop, deleted, causes);
    Map<String, BatchCause> byId = new HashMap<>();
    causes.forEach(c -> byId.put(c.id(), c));
    Map<String, List<OrderEvidence>> ordersOf =
        evidence.stream().collect(Collectors.groupingBy(OrderEvidence::batch));
    List<Outcome> out = new ArrayList<>();
    for (GroundTruth.Batch batch : truth.batches()) {
      BatchCause c = byId.get(batch.id());
      String trueCause = batch.cause().code();
      boolean violation = trueCause.equals(BatchCause.VIOLATION);
      List<OrderEvidence> orders = ordersOf.getOrDefault(batch.id(), List.of());
      int right = 0;
      boolean appealed = false;
      for (OrderEvidence o : orders) {
        boolean doNot = o.verdict().equals(OrderEvidence.DO_NOT_APPEAL);
        right += doNot == violation ? 1 : 0;
        appealed |= violation && !doNot;
      }
      out.add(
          new Outcome(
              kind.name(),
              config.seed(),
              batch.id(),
              trueCause,
              c == null ? "missing" : c.likelyCause(),
              c != null && undecided(c),
              c == null ? 0 : c.confidence(),
              orders.size(),
              right,
              appealed,
              c == null ? "" : drivers(c)));
    }
    return out;
  }

  /** The signals that moved the batch's odds most, in English, for the report's misses. */
  static String drivers(BatchCause c) {
    return c.odds().drivers().stream()
        .map(d -> d.text(false))
        .collect(Collectors.joining(" · "))
        .replace('\t', ' ');
  }

  static boolean undecided(BatchCause c) {
    return c.undecided();
  }

  /** Per kind and over all: batches, right, wrong, undecided, per-order verdicts right. */
  public record Row(
      String kind,
      int batches,
      int right,
      int wrong,
      int undecided,
      int orders,
      int ordersRight,
      int violationsAppealed) {

    public double rightShare() {
      return batches == 0 ? Double.NaN : (double) right / batches;
    }

    public double undecidedShare() {
      return batches == 0 ? Double.NaN : (double) undecided / batches;
    }

    public double ordersRightShare() {
      return orders == 0 ? Double.NaN : (double) ordersRight / orders;
    }
  }

  public static Map<String, Row> rows(List<Outcome> outcomes) {
    Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
    KINDS.forEach(k -> byKind.put(k.name(), new ArrayList<>()));
    outcomes.forEach(o -> byKind.computeIfAbsent(o.kind(), k -> new ArrayList<>()).add(o));
    Map<String, Row> out = new LinkedHashMap<>();
    byKind.forEach((kind, list) -> out.put(kind, row(kind, list)));
    out.put("all", row("all", outcomes));
    return out;
  }

  static Row row(String kind, List<Outcome> list) {
    return new Row(
        kind,
        list.size(),
        (int) list.stream().filter(Outcome::right).count(),
        (int) list.stream().filter(Outcome::wrong).count(),
        (int) list.stream().filter(Outcome::undecided).count(),
        list.stream().mapToInt(Outcome::orders).sum(),
        list.stream().mapToInt(Outcome::ordersRight).sum(),
        (int) list.stream().filter(Outcome::appealed).count());
  }
}
