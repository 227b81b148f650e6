package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Slow;
import app.rebound.sim.GroundTruth;
import app.rebound.sim.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The likely cause against the simulator's truth over many small shops of every scenario. */
@Slow
class BatchCausesAccuracyTest {

  static final List<String> CAUSES =
      List.of(BatchCause.SYSTEM_ERROR, BatchCause.MALICIOUS_REPORT, BatchCause.VIOLATION);
  static final List<Scenario> SCENARIOS =
      List.of(Scenario.SYSTEM_ERROR, Scenario.MALICIOUS_REPORT, Scenario.VIOLATION, Scenario.MIXED);
  static final int SEEDS_PER_SCENARIO = 10;

  @TempDir Path tmp;

  @Test
  void at_least_85_percent_of_simulated_batches_get_their_true_cause() throws IOException {
    Map<String, Map<String, Integer>> confusion = new TreeMap<>();
    List<String> misses = new ArrayList<>();
    int right = 0;
    int total = 0;
    int shops = 0;
    for (Scenario scenario : SCENARIOS) {
      for (int i = 0; i < SEEDS_PER_SCENARIO; i++) {
        long seed = 1000L * (scenario.ordinal() + 1) + i;
        SimulatedShops.Written written = SimulatedShops.write(tmp, scenario, seed);
        Path dir = written.dir();
        GroundTruth truth = written.truth();
        shops++;
        ShopData shop = SimulatedShops.read(dir);
        Map<String, BatchCause> found =
            BatchCauses.of(shop, DeletedOrders.of(shop)).stream()
                .collect(Collectors.toMap(BatchCause::id, Function.identity()));
        assertEquals(truth.batches().size(), found.size(), "batches of seed " + seed);
        for (GroundTruth.Batch batch : truth.batches()) {
          BatchCause cause = found.get(batch.id());
          String expected = batch.cause().code();
          confusion
              .computeIfAbsent(expected, k -> new TreeMap<>())
              .merge(cause.likelyCause(), 1, Integer::sum);
          total++;
          if (expected.equals(cause.likelyCause())) {
            right++;
          } else {
            misses.add(
                String.format(
                    Locale.ROOT,
                    "seed %d %s: true %s, found %s (%.2f) %s",
                    seed,
                    batch.id(),
                    expected,
                    cause.likelyCause(),
                    cause.confidence(),
                    cause.signals().stream()
                        .filter(Signal::measured)
                        .map(s -> s.code() + "=" + String.format(Locale.ROOT, "%.2f", s.value()))
                        .collect(Collectors.joining(" "))));
          }
        }
      }
    }
    double accuracy = (double) right / total;
    System.out.println(table(confusion, shops, right, total));
    misses.forEach(System.out::println);
    assertTrue(shops >= 30);
    assertTrue(
        accuracy >= 0.85,
        String.format(Locale.ROOT, "accuracy %.1f%% (%d of %d)", 100 * accuracy, right, total));
  }

  static String table(
      Map<String, Map<String, Integer>> confusion, int shops, int right, int total) {
    StringBuilder out =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "likely cause vs truth over %d shops: %d of %d batches right (%.1f%%)%n",
                shops,
                right,
                total,
                100.0 * right / total));
    out.append(String.format(Locale.ROOT, "%-18s", "true \\ found"));
    CAUSES.forEach(c -> out.append(String.format(Locale.ROOT, "%18s", c)));
    out.append('\n');
    for (String t : CAUSES) {
      out.append(String.format(Locale.ROOT, "%-18s", t));
      for (String f : CAUSES) {
        out.append(
            String.format(
                Locale.ROOT, "%18d", confusion.getOrDefault(t, Map.of()).getOrDefault(f, 0)));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
