package app.rebound.analysis;

import app.rebound.ingest.ExportReader;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.ParsedExport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/** Reads a simulated shop's export files back as shop data, leaving out the kinds a test asks to omit. */
final class SimulatedShops {

  private SimulatedShops() {}

  static ShopData read(Path dir, FileKind... omit) throws IOException {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        ParsedExport parsed = ExportReader.read(file.getFileName().toString(), in);
        if (parsed.accepted() && !List.of(omit).contains(parsed.kind())) {
          tables.put(parsed.kind(), parsed.table());
        }
      }
    }
    return ShopData.of(tables);
  }
}
