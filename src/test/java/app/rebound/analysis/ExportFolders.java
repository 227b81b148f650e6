package app.rebound.analysis;

import app.rebound.ingest.ExportReader;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.ParsedExport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * Test fixture: a folder of exports (the sample, a simulated shop) read as an upload reads them.
 */
public final class ExportFolders {

  /** The shared sample as the tests copy it. */
  public static final Path SAMPLE = Path.of("src/test/resources/samples/douyin-export-small");

  private ExportFolders() {}

  /**
   * Every .csv of the folder (in name order) that keep accepts, but the GBK copy of the sample's
   * orders.
   */
  public static ShopData read(Path dir, Predicate<String> keep) {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.contains("GBK") || !keep.test(name)) {
        continue;
      }
      try (InputStream in = Files.newInputStream(file)) {
        ParsedExport parsed = ExportReader.read(name, in);
        if (parsed.accepted()) {
          tables.put(parsed.kind(), parsed.table());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ShopData.of(tables);
  }

  public static ShopData read(Path dir) {
    return read(dir, name -> true);
  }
}
