package app.rebound.report;

import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.ExportReader;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.ParsedExport;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/** Real impact results for the chart tests: the sample exports, or a small simulated shop. */
final class ImpactReports {

  static final Path SAMPLES = Path.of("src/test/resources/samples/douyin-export-small");

  private ImpactReports() {}

  /** The sample exports, leaving out the files named in {@code omit}. */
  static ImpactReport sample(String lang, String... omit) {
    return read(SAMPLES, lang, List.of(omit));
  }

  /** A seeded simulated shop written to dir. */
  static ImpactReport simulated(Path dir, String lang) {
    try {
      ShopSimulator.write(SimConfig.defaults().withSeed(1), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return read(dir, lang, List.of());
  }

  private static ImpactReport read(Path dir, String lang, List<String> omit) {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    try (Stream<Path> listing = Files.list(dir)) {
      for (Path file : listing.filter(f -> f.toString().endsWith(".csv")).sorted().toList()) {
        String name = file.getFileName().toString();
        if (omit.contains(name) || name.contains("GBK")) {
          continue;
        }
        try (InputStream in = Files.newInputStream(file)) {
          ParsedExport parsed = ExportReader.read(name, in);
          if (parsed.accepted()) {
            tables.put(parsed.kind(), parsed.table());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ImpactAnalysis.run(ShopData.of(tables), lang);
  }
}
