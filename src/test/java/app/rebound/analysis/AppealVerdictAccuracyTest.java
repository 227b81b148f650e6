package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Slow;
import app.rebound.sim.GroundTruth;
import app.rebound.sim.Scenario;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-order verdicts against the simulator's truth: the orders of violation batches must not be
 * sent to appeal, those of system-error and malicious-report batches must be, each for at least 90%
 * of orders.
 */
@Slow
class AppealVerdictAccuracyTest {

  static final List<Scenario> SCENARIOS =
      List.of(Scenario.SYSTEM_ERROR, Scenario.MALICIOUS_REPORT, Scenario.VIOLATION, Scenario.MIXED);
  static final int SEEDS_PER_SCENARIO = 6;

  @TempDir Path tmp;

  @Test
  void violation_orders_get_do_not_appeal_and_the_others_get_appeal_for_at_least_90_percent()
      throws Exception {
    // true cause -> verdict -> orders
    Map<String, Map<String, Integer>> table = new TreeMap<>();
    int shops = 0;
    for (Scenario scenario : SCENARIOS) {
      for (int i = 0; i < SEEDS_PER_SCENARIO; i++) {
        long seed = 7000L + 100L * scenario.ordinal() + i;
        SimulatedShops.Written written = SimulatedShops.write(tmp, scenario, seed);
        Path dir = written.dir();
        GroundTruth truth = written.truth();
        shops++;
        Map<String, String> trueCause = new HashMap<>();
        truth.batches().forEach(b -> trueCause.put(b.id(), b.cause().code()));
        for (OrderEvidence order : ImpactAnalysis.run(SimulatedShops.read(dir)).evidence()) {
          table
              .computeIfAbsent(trueCause.get(order.batch()), k -> new TreeMap<>())
              .merge(order.verdict(), 1, Integer::sum);
          // How far the order's own signs go without its batch's cause: the batch rule is not the
          // only guard.
          boolean ownSign =
              order.flags().stream()
                  .anyMatch(f -> !f.equals(OrderEvidence.Flag.VIOLATION_BATCH.code));
          table
              .computeIfAbsent(trueCause.get(order.batch()), k -> new TreeMap<>())
              .merge(ownSign ? "(own sign of a fake)" : "(no own sign)", 1, Integer::sum);
        }
      }
    }
    StringBuilder report =
        new StringBuilder("verdicts by true batch cause over " + shops + " shops\n");
    table.forEach(
        (cause, verdicts) ->
            report.append(String.format(Locale.ROOT, "%-18s %s%n", cause, verdicts)));
    System.out.println(report);
    double violation = share(table.get(BatchCause.VIOLATION), OrderEvidence.DO_NOT_APPEAL);
    double system = 1 - share(table.get(BatchCause.SYSTEM_ERROR), OrderEvidence.DO_NOT_APPEAL);
    double malicious =
        1 - share(table.get(BatchCause.MALICIOUS_REPORT), OrderEvidence.DO_NOT_APPEAL);
    assertTrue(violation >= 0.9, "violation orders not to appeal: " + violation + "\n" + report);
    assertTrue(system >= 0.9, "system-error orders to appeal: " + system + "\n" + report);
    assertTrue(malicious >= 0.9, "malicious-report orders to appeal: " + malicious + "\n" + report);
  }

  private static double share(Map<String, Integer> verdicts, String verdict) {
    int total =
        verdicts.entrySet().stream()
            .filter(e -> !e.getKey().startsWith("("))
            .mapToInt(Map.Entry::getValue)
            .sum();
    return (double) verdicts.getOrDefault(verdict, 0) / total;
  }
}
