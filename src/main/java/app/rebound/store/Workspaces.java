package app.rebound.store;

import app.rebound.ingest.ExportReader;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import app.rebound.ingest.ParsedExport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The data folder: one workspace per shop under shops/{id}/, each with its own SQLite database. Shop ids
 * are checked against a strict pattern before they touch the file system.
 */
public final class Workspaces implements AutoCloseable {

  private static final Pattern SHOP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final String DATABASE = "shop.db";

  private final Path shopsDir;
  private final Clock clock;
  private final Map<String, ShopDatabase> open = new ConcurrentHashMap<>();

  public Workspaces(Path dataDir, Clock clock) throws IOException {
    this.shopsDir = dataDir.resolve("shops");
    this.clock = clock;
    Files.createDirectories(shopsDir);
  }

  public static boolean isValidShopId(String id) {
    return id != null && SHOP_ID.matcher(id).matches();
  }

  public static String requireValidShopId(String id) {
    if (!isValidShopId(id)) {
      throw new IllegalArgumentException("shop id must be 1–64 letters, digits, - or _ (got \"" + id + "\")");
    }
    return id;
  }

  public boolean exists(String shopId) {
    return isValidShopId(shopId) && Files.isRegularFile(shopsDir.resolve(shopId).resolve(DATABASE));
  }

  public List<ShopSummary> list() throws SQLException {
    List<ShopSummary> shops = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(shopsDir)) {
      for (Path dir : dirs.sorted().toList()) {
        String id = dir.getFileName().toString();
        if (exists(id)) {
          shops.add(summary(id));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return shops;
  }

  public ShopSummary summary(String shopId) throws SQLException {
    ShopDatabase db = database(shopId);
    List<UploadRecord> uploads = db.uploads();
    return new ShopSummary(shopId, db.count(FileKind.ORDERS), uploads.size(),
        uploads.isEmpty() ? null : uploads.get(0).createdAt());
  }

  /** The shop's database, opened once and kept; created on first use. */
  public ShopDatabase database(String shopId) throws SQLException {
    requireValidShopId(shopId);
    try {
      return open.computeIfAbsent(shopId, id -> {
        try {
          Path dir = shopsDir.resolve(id);
          Files.createDirectories(dir);
          return ShopDatabase.open(dir.resolve(DATABASE));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw e;
    }
  }

  public Optional<IngestReport> latestReport(String shopId) throws SQLException {
    return exists(shopId) ? database(shopId).latestReport() : Optional.empty();
  }

  /**
   * Reads every file, then stores the accepted rows of all of them in one transaction. Files refused
   * whole are reported and store nothing; if every file is refused, the upload is refused and the shop
   * is left untouched.
   *
   * @param progress told what the upload is doing, for pages that show progress
   */
  public IngestReport upload(String shopId, List<UploadFile> files, Consumer<String> progress)
      throws IOException, SQLException, UploadRefusedException {
    requireValidShopId(shopId);
    List<ParsedExport> parsed = new ArrayList<>();
    for (UploadFile file : files) {
      progress.accept("reading " + file.name());
      try (InputStream in = file.opener().open()) {
        parsed.add(ExportReader.read(file.name(), in));
      }
    }
    if (parsed.stream().noneMatch(ParsedExport::accepted)) {
      throw new UploadRefusedException(
          new IngestReport(parsed.stream().map(ParsedExport::report).toList(), distinctOrders(shopId)));
    }
    ShopDatabase db = database(shopId);
    IngestReport[] result = new IngestReport[1];
    db.inTransaction(tx -> {
      long uploadId = tx.newUpload(LocalDateTime.now(clock));
      List<FileReport> reports = new ArrayList<>();
      for (ParsedExport export : parsed) {
        if (!export.accepted()) {
          reports.add(export.report());
          continue;
        }
        progress.accept("storing " + export.report().name());
        reports.add(export.report().withChanges(tx.merge(export.kind(), export.table(), uploadId)));
      }
      progress.accept("committing");
      result[0] = new IngestReport(reports, db.count(FileKind.ORDERS));
      tx.saveReport(uploadId, result[0]);
    });
    return result[0];
  }

  private long distinctOrders(String shopId) throws SQLException {
    return exists(shopId) ? database(shopId).count(FileKind.ORDERS) : 0;
  }

  @Override
  public void close() throws SQLException {
    for (ShopDatabase db : open.values()) {
      db.close();
    }
    open.clear();
  }
}
