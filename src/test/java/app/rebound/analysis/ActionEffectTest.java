package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import app.rebound.sim.Scenario;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ActionEffectTest {

  private static final LocalDate SIM_START = LocalDate.of(2026, 5, 1);
  private static final LocalDate ACTION_START = SIM_START.plusDays(56); // 56 days before, 28 after

  @TempDir static Path tmp;
  private static ShopData shop;
  private static List<String> started;

  @BeforeAll
  static void simulateAPlaceboShop() throws Exception {
    Path dir = tmp.resolve("shop");
    ShopSimulator.write(
        SimConfig.defaults()
            .withSeed(7)
            .withProducts(16)
            .withDays(84)
            .withStart(SIM_START)
            .withScenario(Scenario.PLACEBO),
        dir);
    // Without the traffic export: the gain is injected as orders, and the GMV series reads the
    // traffic export's 成交金额 whenever it is uploaded.
    Map<FileKind, Table> tables = new EnumMap<>(ExportFolders.read(dir).tables());
    tables.remove(FileKind.TRAFFIC);
    shop = ShopData.of(tables);
    // The two best sellers before the start: the products a merchant would rework first.
    DailyPanel panel = DailyPanel.of(TrafficImpact.dailySales(shop.orders(), Set.of()), "gmv");
    int start = panel.dayIndex(ACTION_START);
    started =
        panel.products().stream()
            .sorted(
                Comparator.comparingDouble((String p) -> -preTotal(panel.series("gmv", p), start)))
            .limit(2)
            .toList();
  }

  private static double preTotal(double[] series, int end) {
    double sum = 0;
    for (int t = 0; t < end; t++) {
      sum += series[t];
    }
    return sum;
  }

  /**
   * The started products' counted GMV from the start day on: what dailySales gives the estimator.
   */
  private static double postGmv(ShopData data) {
    Table daily = TrafficImpact.dailySales(data.orders(), Set.of());
    double sum = 0;
    for (int row = 0; row < daily.rowCount(); row++) {
      if (started.contains(daily.stringColumn("product_id").get(row))
          && !daily.dateColumn("date").get(row).isBefore(ACTION_START)) {
        sum += daily.numberColumn("gmv").getDouble(row);
      }
    }
    return sum;
  }

  /**
   * Every second counted order of the started products from the start day on, paid again under a
   * new id.
   */
  private static ShopData withInjectedEffect(ShopData data) {
    Table orders = data.orders();
    Set<String> deleted = Set.copyOf(DeletedOrders.of(data).stringColumn("sub_order_id").asList());
    Table extra = orders.emptyCopy();
    int picked = 0;
    for (int row = 0; row < orders.rowCount(); row++) {
      if (!started.contains(orders.stringColumn("product_id").get(row))
          || orders.dateTimeColumn("paid_at").isMissing(row)
          || orders.dateTimeColumn("paid_at").get(row).toLocalDate().isBefore(ACTION_START)
          || "已关闭".equals(orders.stringColumn("order_status").get(row))
          || deleted.contains(orders.stringColumn("sub_order_id").get(row))) {
        continue;
      }
      if (picked++ % 2 == 0) {
        extra.addRow(row, orders);
      }
    }
    for (int row = 0; row < extra.rowCount(); row++) {
      extra.stringColumn("sub_order_id").set(row, "INJECTED" + row);
    }
    Map<FileKind, Table> tables = new EnumMap<>(data.tables());
    tables.put(FileKind.ORDERS, orders.copy().append(extra));
    return ShopData.of(tables);
  }

  @Test
  void
      an_injected_gain_after_the_start_is_found_with_an_interval_that_covers_it_and_excludes_zero() {
    ShopData injected = withInjectedEffect(shop);
    double truth = postGmv(injected) - postGmv(shop);
    assertTrue(truth > 0, "the injection added counted GMV");
    ActionEffect.Result result = ActionEffect.measure(injected, ACTION_START, started);
    System.out.printf(
        "injected %.2f; measured %.2f [%.2f, %.2f] over %d days (%s)%n",
        truth, result.gain(), result.gainLow(), result.gainHigh(), result.daysObserved(), started);
    assertTrue(result.measured(), String.valueOf(result.reason()));
    assertEquals(28, result.daysObserved());
    assertTrue(
        result.gainLow() <= truth && truth <= result.gainHigh(),
        "95% interval ["
            + result.gainLow()
            + ", "
            + result.gainHigh()
            + "] covers the injected "
            + truth);
    assertTrue(result.gainLow() > 0, "the interval excludes zero: " + result.gainLow());
  }

  @Test
  void without_an_injected_gain_the_interval_includes_zero() {
    ActionEffect.Result result = ActionEffect.measure(shop, ACTION_START, started);
    System.out.printf(
        "no injection: measured %.2f [%.2f, %.2f]%n",
        result.gain(), result.gainLow(), result.gainHigh());
    assertTrue(result.measured(), String.valueOf(result.reason()));
    assertTrue(
        result.gainLow() <= 0 && 0 <= result.gainHigh(),
        "[" + result.gainLow() + ", " + result.gainHigh() + "] includes zero");
  }

  @Test
  void an_action_started_after_the_last_day_of_data_is_refused_with_the_reason() {
    ActionEffect.Result result = ActionEffect.measure(shop, SIM_START.plusDays(100), started);
    assertFalse(result.measured());
    assertEquals(0, result.daysObserved());
    assertEquals(Reason.of("no_data_after_start"), result.reason());
  }
}
