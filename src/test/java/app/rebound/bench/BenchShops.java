package app.rebound.bench;

import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import app.rebound.store.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.commons.io.file.PathUtils;

/**
 * The simulated shops the benchmarks read, kept under target/bench and made once: the exports of a
 * shop of a given size (seed 42, 120 days, 3 March 2026 on), and a data folder holding them stored
 * as shop "bench".
 */
final class BenchShops {

  static final Path WORK = Path.of("target", "bench");
  static final String SHOP = "bench";

  private BenchShops() {}

  /**
   * The folder of the simulated exports of a shop with about this many orders, written on first
   * use.
   */
  static Path exports(long orders) throws Exception {
    Path shop = WORK.resolve("shop-" + orders);
    if (!Files.exists(shop.resolve("订单明细.csv"))) {
      System.out.println("simulating " + orders + " orders ...");
      int products = (int) Math.max(20, Math.min(2000, orders / 5000));
      ShopSimulator.write(
          SimConfig.defaults()
              .withSeed(42)
              .withDays(120)
              .withProducts(products)
              .withStart(LocalDate.of(2026, 3, 1))
              .withTargetOrders(orders),
          shop);
    }
    return shop;
  }

  /** The data folder IngestBenchmark stores that shop into. */
  static Path dataFolder(long orders) {
    return WORK.resolve("data-" + orders);
  }

  /**
   * A data folder holding the simulated shop as {@link #SHOP}: the one IngestBenchmark left if
   * there is one, else the shop's exports (written first if need be) uploaded into a new one.
   */
  static Path stored(long orders) throws Exception {
    Path data = dataFolder(orders);
    if (Files.exists(data)) {
      try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
        if (ws.exists(SHOP) && ws.database(SHOP).latestUploadId().isPresent()) {
          return data;
        }
      }
      PathUtils.deleteDirectory(data); // an ingest that never finished
    }
    Path orderFile = exports(orders).resolve("订单明细.csv");
    System.out.println("storing the shop in " + data + " ...");
    BenchStage.ingest(orderFile, data);
    return data;
  }
}
