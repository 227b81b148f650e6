package app.rebound.store;

import app.rebound.BadInputException;
import app.rebound.ingest.ExportFiles;
import app.rebound.ingest.ExportReader;
import app.rebound.ingest.ExportStamp;
import app.rebound.ingest.ExportStream;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import app.rebound.ingest.IngestWarning;
import app.rebound.ingest.MergeCounts;
import app.rebound.ingest.PastedNotice;
import app.rebound.ingest.ReadAhead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import org.apache.commons.io.file.PathUtils;
import tech.tablesaw.api.Table;

/**
 * The data folder: one workspace per shop under shops/{id}/, each with its own SQLite database.
 * Shop ids are checked against a strict pattern before they touch the file system.
 */
public final class Workspaces implements AutoCloseable {

  private static final Pattern SHOP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final String DATABASE = "shop.db";

  /**
   * A deleted shop's folder is first renamed to this prefix and its id (never a valid shop id, so
   * no listing sees it), then removed; a removal a crash cut short is finished at the next start.
   */
  private static final String TOMBSTONE = ".deleted-";

  /**
   * Upload parts too large for memory are spooled here, inside the data folder (not the system's
   * temp folder, where a killed upload's copy of the exports would stay forever); emptied at start.
   */
  private static final String UPLOAD_TEMP = "upload-tmp";

  private final Path shopsDir;
  private final Path uploadTemp;
  private final Clock clock;
  private final long maxRowsPerFile;
  private final Durability durability;
  private final Map<String, ShopDatabase> open = new ConcurrentHashMap<>();

  public Workspaces(Path dataDir, Clock clock) throws IOException {
    this(dataDir, clock, ExportReader.DEFAULT_MAX_ROWS);
  }

  /**
   * @param maxRowsPerFile data rows one uploaded file may hold; a file over it is refused whole
   */
  public Workspaces(Path dataDir, Clock clock, long maxRowsPerFile) throws IOException {
    this(dataDir, clock, maxRowsPerFile, Durability.KEPT);
  }

  /**
   * @param durability {@link Durability#SCRATCH} for a data folder that one run makes and deletes
   */
  public Workspaces(Path dataDir, Clock clock, long maxRowsPerFile, Durability durability)
      throws IOException {
    if (maxRowsPerFile < 1) {
      throw new IllegalArgumentException(
          "the most rows a file may hold must be at least 1 (got " + maxRowsPerFile + ")");
    }
    this.shopsDir = dataDir.resolve("shops");
    this.uploadTemp = dataDir.resolve(UPLOAD_TEMP);
    this.clock = clock;
    this.maxRowsPerFile = maxRowsPerFile;
    this.durability = durability;
    Files.createDirectories(shopsDir);
    removeTombstones();
    removeIfPresent(uploadTemp); // spooled parts of uploads a crash or kill cut short
    Files.createDirectories(uploadTemp);
  }

  /** Where the web server spools large upload parts while a request is read. */
  public Path uploadTemp() {
    return uploadTemp;
  }

  /** The clock stamping uploads and recorded actions. */
  public Clock clock() {
    return clock;
  }

  public static boolean isValidShopId(String id) {
    return id != null && SHOP_ID.matcher(id).matches();
  }

  public static String requireValidShopId(String id) {
    if (!isValidShopId(id)) {
      throw new BadInputException(
          "shop id must be 1–64 letters, digits, - or _ (got \"" + id + "\")");
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
    return new ShopSummary(
        shopId,
        db.ordersStored(),
        uploads.size(),
        uploads.isEmpty() ? null : uploads.get(0).createdAt());
  }

  /** The shop's database, opened once and kept; created on first use. */
  public ShopDatabase database(String shopId) throws SQLException {
    requireValidShopId(shopId);
    try {
      return open.computeIfAbsent(
          shopId,
          id -> {
            try {
              Path dir = shopsDir.resolve(id);
              Files.createDirectories(dir);
              return ShopDatabase.open(dir.resolve(DATABASE), durability);
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
   * Reads every file and stores its accepted rows, all in one transaction, chunk by chunk so a file
   * of any size fits in memory. A file refused whole (even part way, e.g. bytes in another
   * encoding) is reported and stores nothing; if every file is refused the upload is refused and
   * the shop is left untouched.
   *
   * @param progress told what the upload is doing, for pages that show progress
   */
  public IngestReport upload(String shopId, List<UploadFile> files, Consumer<String> progress)
      throws IOException, SQLException, UploadRefusedException {
    return upload(shopId, tx -> new UploadBatch(files, List.of()), progress, null);
  }

  /**
   * As {@link #upload(String, List, Consumer)}, keeping the stored rows in hand too, for an
   * analysis that follows at once ({@link RowsInHand}).
   */
  public IngestReport upload(
      String shopId, List<UploadFile> files, Consumer<String> progress, RowsInHand inHand)
      throws IOException, SQLException, UploadRefusedException {
    return upload(shopId, tx -> new UploadBatch(files, List.of()), progress, inHand);
  }

  /**
   * Stores a pasted deletion notice as the upload of one deletions export named {@link
   * PastedNotice#uploadName()}: the same reading, validation, warnings and transaction as a file,
   * and it is deleted as any upload is. A pasted id that is one of the shop's main orders (and no
   * sub-order) stands for that order's sub-orders, and the report says so.
   */
  public IngestReport uploadNotice(String shopId, PastedNotice notice, Consumer<String> progress)
      throws IOException, SQLException, UploadRefusedException {
    return uploadNotice(shopId, notice, progress, null);
  }

  /** As {@link #uploadNotice(String, PastedNotice, Consumer)}, keeping its rows in hand too. */
  public IngestReport uploadNotice(
      String shopId, PastedNotice notice, Consumer<String> progress, RowsInHand inHand)
      throws IOException, SQLException, UploadRefusedException {
    return upload(
        shopId,
        tx -> {
          Map<String, List<String>> mainOrders = tx.subOrdersOfMainOrders(notice.orderIds());
          byte[] csv = notice.deletionsCsv(mainOrders).getBytes(StandardCharsets.UTF_8);
          UploadFile file =
              new UploadFile(notice.uploadName(), () -> new ByteArrayInputStream(csv));
          return new UploadBatch(List.of(file), notice.warnings(mainOrders));
        },
        progress,
        inHand);
  }

  /**
   * What one upload reads: its files, and warnings its deletions export is accepted with beyond
   * those the file's own rows give (a pasted notice's).
   */
  private record UploadBatch(List<UploadFile> files, List<IngestWarning> deletionWarnings) {}

  /** Gives the files of an upload, inside its transaction (so it may read the shop's rows). */
  @FunctionalInterface
  private interface FilesSource {
    UploadBatch files(ShopDatabase.Transaction tx) throws SQLException;
  }

  /**
   * @param inHand keeps the stored rows as well, or null
   */
  private IngestReport upload(
      String shopId, FilesSource source, Consumer<String> progress, RowsInHand inHand)
      throws IOException, SQLException, UploadRefusedException {
    requireValidShopId(shopId);
    boolean existed = exists(shopId);
    ShopDatabase db = database(shopId);
    IngestReport[] result = new IngestReport[1];
    long[] committed = new long[1];
    try {
      db.inTransaction(
          tx -> {
            long uploadId = tx.newUpload(LocalDateTime.now(clock));
            if (inHand != null) {
              for (FileKind kind : FileKind.values()) {
                if (db.holdsRows(kind)) {
                  inHand.heldRows(kind);
                }
              }
            }
            UploadBatch upload = source.files(tx);
            List<FileReport> reports = new ArrayList<>();
            ExportFiles exports =
                new ExportFiles(
                    maxRowsPerFile,
                    ExportFiles.DEFAULT_MAX_EXPANDED_BYTES,
                    ExportFiles.DEFAULT_MAX_ENTRIES,
                    uploadTemp);
            for (UploadFile file : upload.files()) {
              progress.accept("reading " + file.name());
              try (InputStream in = file.opener().open()) {
                exports.read(
                    file.name(),
                    in,
                    stream -> reports.add(storeExport(tx, stream, uploadId, progress, inHand)));
              }
            }
            // Warnings that rest on the whole upload and shop go to its last stored file of their
            // kind, so each is said once; an upload without such a file asks nothing.
            int deletions = lastStored(reports, FileKind.DELETIONS);
            if (deletions >= 0) {
              reports.set(
                  deletions,
                  reports
                      .get(deletions)
                      .withWarnings(upload.deletionWarnings())
                      .withWarnings(tx.deletionWarnings(uploadId)));
            }
            int ordersFile = lastStored(reports, FileKind.ORDERS);
            if (ordersFile >= 0) {
              reports.set(
                  ordersFile, reports.get(ordersFile).withWarnings(tx.orderWarnings(uploadId)));
            }
            if (reports.stream().allMatch(FileReport::refused)) {
              throw new UploadRefusedException(
                  new IngestReport(reports, db.count(FileKind.ORDERS)));
            }
            long orders = db.count(FileKind.ORDERS);
            if (orders == 0) {
              // Every figure rests on the orders: a shop of traffic alone would show ¥0 tiles.
              throw new UploadRefusedException(
                  new IngestReport(reports, 0, IngestReport.NO_ORDERS));
            }
            progress.accept("committing");
            result[0] = new IngestReport(reports, orders);
            tx.saveReport(uploadId, result[0]);
            committed[0] = uploadId;
          });
    } catch (UploadRefusedException e) {
      if (!existed) {
        forget(shopId); // a refused first upload leaves no empty shop behind
      }
      throw e;
    }
    if (inHand != null) {
      inHand.committed(committed[0]);
    }
    return result[0];
  }

  /** The index of the upload's last stored (not refused) file of the kind, or -1. */
  private static int lastStored(List<FileReport> reports, FileKind kind) {
    for (int i = reports.size() - 1; i >= 0; i--) {
      if (kind.id().equals(reports.get(i).kind()) && !reports.get(i).refused()) {
        return i;
      }
    }
    return -1;
  }

  /** Stores one export's accepted rows (a file, a sheet or an archive member) and reports it. */
  private static FileReport storeExport(
      ShopDatabase.Transaction tx,
      ExportStream stream,
      long uploadId,
      Consumer<String> progress,
      RowsInHand inHand)
      throws IOException, SQLException {
    String name = stream.name();
    FileKind kind = stream.kind();
    if (kind == null) {
      return stream.report();
    }
    Merge merge = tx.beginFile(kind, ExportStamp.of(name));
    long rows = 0;
    try (ReadAhead chunks = new ReadAhead(stream)) {
      for (Table chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
        tx.add(merge, chunk, uploadId);
        rows += chunk.rowCount();
        if (inHand != null) {
          inHand.add(kind, chunk);
        }
        progress.accept("reading " + name + ": " + rows + " rows");
      }
    }
    FileReport report = stream.report();
    if (report.refused()) {
      tx.discardFile();
      if (inHand != null) {
        inHand.fileRefused();
      }
      return report;
    }
    progress.accept("storing " + name);
    MergeCounts changes = tx.finishFile(merge, report.rowsAccepted(), uploadId);
    if (inHand != null) {
      inHand.fileStored(kind, changes, report.rowsAccepted());
    }
    return report.withChanges(changes).withWarnings(merge.warnings());
  }

  /**
   * Deletes one upload of a shop and its rows unless another upload holds them ({@link
   * ShopDatabase#deleteUpload}), in one transaction; the caller has the shop analysed again.
   *
   * @throws UploadNotFoundException when the shop has no such upload
   */
  public DeletedUpload deleteUpload(String shopId, long uploadId) throws SQLException {
    return deleteUpload(shopId, uploadId, step -> {});
  }

  /** As {@link #deleteUpload(String, long)}, told each step (a seam for crash tests). */
  DeletedUpload deleteUpload(String shopId, long uploadId, Consumer<String> step)
      throws SQLException {
    if (!exists(shopId)) {
      throw new UploadNotFoundException(shopId, String.valueOf(uploadId));
    }
    return database(shopId)
        .deleteUpload(uploadId, step)
        .orElseThrow(() -> new UploadNotFoundException(shopId, String.valueOf(uploadId)));
  }

  /**
   * Deletes a shop whole: its database is closed (after any upload or delete running on it) and its
   * folder renamed away in one atomic step, so a crash leaves the shop either whole or gone; the
   * renamed folder is then removed, or at the next start. Returns false when there is no such shop.
   */
  public boolean deleteShop(String shopId) throws IOException, SQLException {
    if (!exists(shopId)) {
      return false;
    }
    Path tombstone = shopsDir.resolve(TOMBSTONE + shopId);
    try {
      // Inside compute: no request opens the shop again between the close and the rename.
      open.compute(
          shopId,
          (id, db) -> {
            try {
              if (db != null) {
                db.close();
              }
              removeIfPresent(tombstone); // a leftover of an earlier delete of this id
              Files.move(shopsDir.resolve(id), tombstone, StandardCopyOption.ATOMIC_MOVE);
              return null;
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw e;
    }
    removeIfPresent(tombstone);
    return true;
  }

  /** Finishes the removal of shops deleted before a crash. */
  private void removeTombstones() throws IOException {
    try (Stream<Path> dirs = Files.list(shopsDir)) {
      for (Path dir : dirs.toList()) {
        if (dir.getFileName().toString().startsWith(TOMBSTONE)) {
          removeIfPresent(dir);
        }
      }
    }
  }

  private static void removeIfPresent(Path dir) throws IOException {
    if (Files.exists(dir)) {
      PathUtils.deleteDirectory(dir);
    }
  }

  /** Closes and deletes a shop that holds nothing (its first upload was refused). */
  private void forget(String shopId) throws SQLException, IOException {
    ShopDatabase db = open.remove(shopId);
    if (db != null) {
      db.close();
    }
    PathUtils.deleteDirectory(shopsDir.resolve(shopId));
  }

  @Override
  public void close() throws SQLException {
    for (ShopDatabase db : open.values()) {
      db.close();
    }
    open.clear();
  }
}
