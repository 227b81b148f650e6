package app.rebound.analysis;

import app.rebound.ingest.FileKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Reads a simulated shop's export files back as shop data, leaving out the kinds a test asks to
 * omit.
 */
final class SimulatedShops {

  private SimulatedShops() {}

  static ShopData read(Path dir, FileKind... omit) throws IOException {
    ShopData all = ExportFolders.read(dir);
    Map<FileKind, Table> kept = new EnumMap<>(all.tables());
    List.of(omit).forEach(kept::remove);
    return ShopData.of(kept);
  }
}
