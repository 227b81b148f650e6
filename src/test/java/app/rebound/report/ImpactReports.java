package app.rebound.report;

import app.rebound.analysis.ExportFolders;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ImpactReport;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

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
    return ImpactAnalysis.run(ExportFolders.read(dir, name -> !omit.contains(name)), lang);
  }
}
