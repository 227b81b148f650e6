package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.ExportReader;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.ParsedExport;
import app.rebound.sim.Scenario;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** The measures on simulated shops, whose injected trust and partnership effects are known. */
class SimulatedImpactTest {

  @TempDir Path tmp;

  /** Every csv of a simulated shop read the way uploads are read. */
  static ShopData load(Path dir) throws IOException {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          ParsedExport parsed = ExportReader.read(file.getFileName().toString(), in);
          tables.put(parsed.kind(), parsed.table());
        }
      }
    }
    return ShopData.of(tables);
  }

  static Measure find(List<Measure> measures, String id) {
    return measures.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  record Shop(TrustResult trust, PartnershipResult partnerships) {}

  Shop simulate(long seed, Scenario scenario, int products, int days) throws IOException {
    SimConfig config = SimConfig.defaults().withSeed(seed).withScenario(scenario).withProducts(products)
        .withDays(days);
    Path dir = tmp.resolve(scenario + "-" + seed);
    ShopSimulator.write(config, dir);
    ShopData shop = load(dir);
    Table deleted = DeletedOrders.of(shop);
    return new Shop(TrustImpact.of(shop, deleted), PartnershipImpact.of(shop, deleted));
  }

  @Test
  void diagnostics() throws IOException {
    for (Scenario scenario : List.of(Scenario.MIXED, Scenario.PLACEBO)) {
      for (long seed = 1; seed <= 4; seed++) {
        Shop s = simulate(seed, scenario, 12 + (int) seed * 2, 60 + (int) seed * 7);
        System.out.println("== " + scenario + " " + seed + " affected " + s.trust().affectedProducts());
        for (Measure m : s.trust().shop()) {
          System.out.println(line(m));
        }
        for (Measure m : s.partnerships().shop()) {
          System.out.println(line(m));
        }
      }
    }
  }

  static String line(Measure m) {
    if (!m.measured()) {
      return String.format("  %-26s %s", m.id(), m.message());
    }
    return String.format("  %-26s A %s→%s U %s→%s  eff %.4f [%.4f, %.4f]", m.id(), fmt(m.affected().before()),
        fmt(m.affected().after()), m.unaffected() == null ? "" : fmt(m.unaffected().before()),
        m.unaffected() == null ? "" : fmt(m.unaffected().after()), m.effect().estimate(), m.effect().low(),
        m.effect().high());
  }

  static String fmt(Double v) {
    return v == null ? "null" : String.format("%.3f", v);
  }
}
