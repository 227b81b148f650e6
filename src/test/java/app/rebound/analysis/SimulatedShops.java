package app.rebound.analysis;

import app.rebound.ingest.FileKind;
import app.rebound.sim.GroundTruth;
import app.rebound.sim.Scenario;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Writes simulated shops for the accuracy tests and reads their export files back as shop data,
 * leaving out the kinds a test asks to omit.
 */
final class SimulatedShops {

  private SimulatedShops() {}

  /** A simulated shop written into a folder of its own, with what was injected into it. */
  record Written(Path dir, GroundTruth truth) {}

  /**
   * The shop of {@code scenario} and {@code seed}, its size varied by the seed (12 to 20 products
   * over 60 to 90 days), written into {@code root}/{scenario}-{seed}.
   */
  static Written write(Path root, Scenario scenario, long seed) throws IOException {
    SimConfig config =
        SimConfig.defaults()
            .withSeed(seed)
            .withScenario(scenario)
            .withProducts(12 + (int) (seed % 9))
            .withDays(60 + (int) (seed % 4) * 10);
    Path dir = root.resolve(scenario.code() + "-" + seed);
    return new Written(dir, ShopSimulator.write(config, dir));
  }

  static ShopData read(Path dir, FileKind... omit) throws IOException {
    ShopData all = ExportFolders.read(dir);
    Map<FileKind, Table> kept = new EnumMap<>(all.tables());
    List.of(omit).forEach(kept::remove);
    return ShopData.of(kept);
  }
}
