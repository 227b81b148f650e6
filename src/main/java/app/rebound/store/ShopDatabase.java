package app.rebound.store;

import app.rebound.Json;
import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.IngestReport;
import app.rebound.ingest.IngestWarning;
import app.rebound.ingest.MergeCounts;
import app.rebound.ingest.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import tech.tablesaw.api.Table;

/**
 * One shop's SQLite database: its uploads with their reports, the merged rows of every export kind,
 * the finished analyses, the actions the merchant started and the appeal cases with their history.
 * Every upload, and every delete of one, is one transaction (for a merchant's shop WAL journal,
 * synchronous FULL: {@link Durability}): a process killed half way leaves the shop exactly as it
 * was before.
 */
public final class ShopDatabase implements AutoCloseable {

  /**
   * How long opening, like every statement, waits for another connection that holds the database.
   */
  private static final int BUSY_TIMEOUT_MILLIS = 30_000;

  /**
   * More lines than any real order has (a cart order of many SKUs has tens): an order id past it
   * was likely repeated by the export.
   */
  static final int MAX_LINES_PER_ORDER = 100;

  private final Connection connection;
  private final Durability durability;
  private final RowLoads loads;

  private ShopDatabase(Connection connection, Durability durability, RowSnapshots snapshots) {
    this.connection = connection;
    this.durability = durability;
    this.loads = new RowLoads(connection, snapshots);
  }

  /**
   * Opens a throwaway shop database in memory and builds the reader of upload reports, as the first
   * shop opened would: sqlite-jdbc copies its native library out of its jar and compares the copy
   * byte by byte, and the driver's classes load. A few tenths of a second a starting server can
   * spend on another thread.
   */
  public static void prepare() throws SQLException {
    connect("jdbc:sqlite::memory:", Durability.KEPT).close();
    Json.MAPPER.readerFor(IngestReport.class);
  }

  public static ShopDatabase open(Path file) throws SQLException {
    return open(file, Durability.KEPT);
  }

  public static ShopDatabase open(Path file, Durability durability) throws SQLException {
    long deadline = System.nanoTime() + BUSY_TIMEOUT_MILLIS * 1_000_000L;
    while (true) {
      try {
        return new ShopDatabase(
            connect("jdbc:sqlite:" + file.toAbsolutePath(), durability),
            durability,
            new RowSnapshots(file.toAbsolutePath().getParent().resolve("snapshots")));
      } catch (SQLiteException e) {
        // Turning a new database to WAL needs it alone, and SQLite answers BUSY at once instead of
        // waiting when another connection (another process on the same data folder) is setting it
        // up too: try again.
        if ((e.getResultCode().code & 0xff) != SQLiteErrorCode.SQLITE_BUSY.code
            || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static Connection connect(String url, Durability durability) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    if (durability == Durability.KEPT) {
      config.setJournalMode(SQLiteConfig.JournalMode.WAL);
      config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    } else {
      config.setJournalMode(SQLiteConfig.JournalMode.MEMORY);
      config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
    }
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    // IMMEDIATE takes the write lock when a transaction begins: two uploads to one shop queue,
    // never deadlock.
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.setTempStore(SQLiteConfig.TempStore.FILE);
    Connection connection = config.createConnection(url);
    try {
      Schema.migrate(connection);
    } catch (SQLException | RuntimeException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private boolean keepsUploadRows() {
    return durability == Durability.KEPT;
  }

  /**
   * The table holding each upload's own rows of a kind: the per-upload copies where they are kept;
   * in a scratch store, with its one upload, the merged rows themselves.
   */
  private String uploadRows(FileKind kind) {
    return keepsUploadRows() ? KindSchema.heldTable(kind) : KindSchema.table(kind);
  }

  /**
   * The pieces of one change (an upload, a finished analysis), applied in one transaction by {@link
   * #inTransaction}.
   */
  public interface UploadWork {
    void run(Transaction tx) throws SQLException, IOException, UploadRefusedException;
  }

  /** Runs work in one immediate transaction; any exception rolls everything back. */
  public synchronized void inTransaction(UploadWork work)
      throws SQLException, IOException, UploadRefusedException {
    connection.setAutoCommit(false);
    boolean committed = false;
    try {
      work.run(new Transaction());
      connection.commit();
      committed = true;
    } finally {
      if (!committed) {
        connection.rollback();
      }
      connection.setAutoCommit(true);
    }
  }

  /** Operations allowed inside an upload transaction. */
  public final class Transaction {

    /**
     * @throws IllegalStateException for a second upload into a {@link Durability#SCRATCH} store,
     *     which keeps no upload's own rows apart
     */
    public long newUpload(LocalDateTime at) throws SQLException {
      if (!keepsUploadRows() && latestUploadId().isPresent()) {
        throw new IllegalStateException("a scratch store takes one upload");
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO uploads (created_at, report_json, rows_kept) VALUES (?, '{}', ?)",
              Statement.RETURN_GENERATED_KEYS)) {
        ps.setString(1, at.toString());
        ps.setInt(2, keepsUploadRows() ? 1 : 0);
        ps.executeUpdate();
        return GeneratedKeys.id(ps);
      }
    }

    public void saveReport(long uploadId, IngestReport report) throws SQLException {
      try (PreparedStatement ps =
          connection.prepareStatement("UPDATE uploads SET report_json = ? WHERE id = ?")) {
        ps.setString(1, toJson(report));
        ps.setLong(2, uploadId);
        ps.executeUpdate();
      }
    }

    /** Starts a file: a savepoint to return to if the file is refused part way, and its merge. */
    public Merge beginFile(FileKind kind, OptionalLong exportStamp) throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("SAVEPOINT file");
      }
      return new Merge(connection, kind, exportStamp.orElse(0), keepsUploadRows());
    }

    /** Merges a chunk of the file's accepted rows. */
    public void add(Merge merge, Table rows, long uploadId) throws SQLException {
      merge.add(rows, uploadId);
    }

    /** Ends the file: how its rows met the stored ones. */
    public MergeCounts finishFile(Merge merge, long acceptedRows, long uploadId)
        throws SQLException {
      merge.restoreIndexes();
      MergeCounts counts = merge.counts(acceptedRows);
      try (Statement s = connection.createStatement()) {
        s.execute("RELEASE file");
      }
      if (counts.added() + counts.updated() > 0) {
        try (PreparedStatement ps =
            connection.prepareStatement(
                "INSERT INTO kind_versions (kind, upload_id)"
                    + " VALUES (?, ?) ON CONFLICT (kind) DO UPDATE SET upload_id = excluded.upload_id")) {
          ps.setString(1, merge.kind().id());
          ps.setLong(2, uploadId);
          ps.executeUpdate();
        }
      }
      return counts;
    }

    /**
     * This upload's deletions that the shop's orders cannot support: sub-orders the shop does not
     * have, and deletions dated before its first order.
     */
    public List<IngestWarning> deletionWarnings(long uploadId) throws SQLException {
      List<IngestWarning> warnings = new ArrayList<>();
      String unknown =
          " FROM "
              + uploadRows(FileKind.DELETIONS)
              + " d WHERE d.upload_id = ? AND NOT EXISTS"
              + " (SELECT 1 FROM rows_orders o WHERE o.sub_order_id = d.sub_order_id)";
      long unknownCount = queryLong("SELECT COUNT(*)" + unknown, uploadId);
      if (unknownCount > 0) {
        warnings.add(
            IngestWarning.of(
                Problem.DELETION_UNKNOWN_ORDER,
                unknownCount,
                queryStrings(
                    "SELECT d.sub_order_id" + unknown + " LIMIT " + IngestWarning.MAX_EXAMPLES,
                    uploadId),
                unknownCount));
      }
      Long firstOrder = queryNullableLong("SELECT MIN(submitted_at) FROM rows_orders");
      if (firstOrder != null) {
        String early =
            " FROM "
                + uploadRows(FileKind.DELETIONS)
                + " WHERE upload_id = ? AND processed_at < "
                + firstOrder;
        long earlyCount = queryLong("SELECT COUNT(*)" + early, uploadId);
        if (earlyCount > 0) {
          warnings.add(
              IngestWarning.of(
                  Problem.DELETION_BEFORE_ORDERS,
                  earlyCount,
                  queryStrings(
                      "SELECT sub_order_id"
                          + early
                          + " ORDER BY processed_at LIMIT "
                          + IngestWarning.MAX_EXAMPLES,
                      uploadId),
                  earlyCount,
                  LocalDateTime.ofEpochSecond(firstOrder, 0, ZoneOffset.UTC).toLocalDate()));
        }
      }
      return warnings;
    }

    /**
     * Of these ids, those that are a main order (主订单编号) of the shop's orders and no sub-order
     * (子订单编号), each with its sub-orders: a pasted notice may list either. One pass over the orders,
     * and only when some id is no sub-order.
     */
    public Map<String, List<String>> subOrdersOfMainOrders(Collection<String> ids)
        throws SQLException {
      String orders = KindSchema.table(FileKind.ORDERS);
      String sub = KindSchema.quote(ColumnNames.SUB_ORDER_ID);
      String main = KindSchema.quote(ColumnNames.ORDER_ID);
      Map<String, List<String>> out = new LinkedHashMap<>();
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE TEMP TABLE pasted_ids (id TEXT PRIMARY KEY) WITHOUT ROWID");
        try {
          try (PreparedStatement insert =
              connection.prepareStatement("INSERT OR IGNORE INTO pasted_ids VALUES (?)")) {
            for (String id : ids) {
              insert.setString(1, id);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          int subOrders =
              s.executeUpdate(
                  "DELETE FROM pasted_ids WHERE EXISTS (SELECT 1 FROM "
                      + orders
                      + " o WHERE o."
                      + sub
                      + " = pasted_ids.id)");
          if (subOrders < ids.size()) { // some are no sub-order: main orders, or unknown
            try (ResultSet rs =
                s.executeQuery(
                    "SELECT o."
                        + main
                        + ", o."
                        + sub
                        + " FROM "
                        + orders
                        + " o JOIN pasted_ids p ON p.id = o."
                        + main
                        + " ORDER BY o."
                        + main
                        + ", o."
                        + sub)) {
              while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
              }
            }
          }
        } finally {
          s.execute("DROP TABLE temp.pasted_ids");
        }
      }
      return out;
    }

    /** Orders of this upload with more lines than any real order has. */
    public List<IngestWarning> orderWarnings(long uploadId) throws SQLException {
      String many =
          " FROM "
              + uploadRows(FileKind.ORDERS)
              + " WHERE upload_id = ? AND order_id IS NOT NULL AND order_id <> ''"
              + " GROUP BY order_id HAVING COUNT(*) > "
              + MAX_LINES_PER_ORDER;
      long count = queryLong("SELECT COUNT(*) FROM (SELECT order_id" + many + ")", uploadId);
      if (count == 0) {
        return List.of();
      }
      List<String> examples =
          queryStrings(
              "SELECT order_id || ' (' || COUNT(*) || ')'"
                  + many
                  + " ORDER BY COUNT(*) DESC LIMIT "
                  + IngestWarning.MAX_EXAMPLES,
              uploadId);
      return List.of(
          IngestWarning.of(Problem.ORDER_MANY_LINES, count, examples, count, MAX_LINES_PER_ORDER));
    }

    private long queryLong(String sql, long uploadId) throws SQLException {
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        ps.setLong(1, uploadId);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    }

    private Long queryNullableLong(String sql) throws SQLException {
      try (Statement s = connection.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        long value = rs.getLong(1);
        return rs.wasNull() ? null : value;
      }
    }

    private List<String> queryStrings(String sql, long uploadId) throws SQLException {
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        ps.setLong(1, uploadId);
        List<String> values = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            values.add(rs.getString(1));
          }
        }
        return values;
      }
    }

    /** Forgets everything the file staged: it was refused after its first rows were read. */
    public void discardFile() throws SQLException {
      try (Statement s = connection.createStatement()) {
        s.execute("ROLLBACK TO file");
        s.execute("RELEASE file");
      }
    }
  }

  /** Records that the merchant started an action on the given products; returns its id. */
  public synchronized long recordAction(
      String actionId, LocalDate startedOn, List<String> products, LocalDateTime at)
      throws SQLException {
    return ActionTables.record(connection, actionId, startedOn, products, at);
  }

  /** Every recorded action, oldest first. */
  public synchronized List<TakenAction> actionsTaken() throws SQLException {
    return ActionTables.all(connection);
  }

  /**
   * Raises an alert unless one with the same key was raised before (so an event alerts once), with
   * a pending delivery to each webhook; the new alert's id.
   */
  public synchronized Optional<Long> raiseAlert(
      String key, String kind, AlertText text, List<String> webhooks, LocalDateTime at)
      throws SQLException {
    return inSqlTransaction(() -> AlertTables.raise(connection, key, kind, text, webhooks, at));
  }

  /** Counts one attempt to deliver an alert to a webhook and where that leaves it. */
  public synchronized void recordAlertAttempt(
      long alertId, String webhook, String state, String error, LocalDateTime at)
      throws SQLException {
    AlertTables.recordAttempt(connection, alertId, webhook, state, error, at);
  }

  /** Every alert of the shop, newest first, with its deliveries. */
  public synchronized List<Alert> alerts() throws SQLException {
    return AlertTables.all(connection);
  }

  /** The alerts with a delivery still to be made, oldest first (resumed after a restart). */
  public synchronized List<Alert> pendingAlerts() throws SQLException {
    return AlertTables.pending(connection);
  }

  /**
   * What a case change decides from the case as it is inside the transaction; throwing refuses the
   * change.
   */
  public interface CaseDecision {
    CaseChange decide(AppealCase current);
  }

  /**
   * Opens a case for an appeal group, as a draft on {@code on}, unless the group already has an
   * unfinished case (checked in the same transaction, so two requests at once cannot both open
   * one).
   */
  public synchronized AppealCase openCase(
      String groupId,
      String batch,
      String productId,
      String reason,
      List<String> orders,
      LocalDate on,
      LocalDateTime at)
      throws SQLException {
    return inSqlTransaction(
        () -> {
          for (AppealCase existing : CaseTables.all(connection)) {
            if (existing.groupId().equals(groupId) && !existing.status().finished()) {
              throw new CaseConflictException(
                  "group "
                      + groupId
                      + " already has an open case: case "
                      + existing.id()
                      + " ("
                      + existing.status()
                      + ")");
            }
          }
          CaseChange draft = new CaseChange(CaseStatus.DRAFT, on, "", null, List.of());
          long id =
              CaseTables.insertCase(
                  connection, groupId, batch, productId, reason, orders, draft, at);
          return CaseTables.find(connection, id).orElseThrow();
        });
  }

  /**
   * Records a change of a case in one transaction: the decision is made on the case as stored at
   * that moment, appended to its history and made current. When the restored orders change, the
   * stored analyses are deleted with it: they counted those orders as deleted.
   */
  public synchronized AppealCase changeCase(long caseId, CaseDecision decision, LocalDateTime at)
      throws SQLException {
    return inSqlTransaction(
        () -> {
          AppealCase current =
              CaseTables.find(connection, caseId)
                  .orElseThrow(() -> new CaseNotFoundException(caseId));
          CaseChange change = decision.decide(current);
          boolean restoresChanged =
              !Set.copyOf(change.restoredOrders()).equals(Set.copyOf(current.restoredOrders()));
          CaseTables.applyChange(connection, caseId, change, restoresChanged, at);
          if (restoresChanged) {
            try (Statement s = connection.createStatement()) {
              s.execute("DELETE FROM analyses");
            }
          }
          return CaseTables.find(connection, caseId).orElseThrow();
        });
  }

  public synchronized Optional<AppealCase> appealCase(long id) throws SQLException {
    return CaseTables.find(connection, id);
  }

  /** Every case of the shop, oldest first. */
  public synchronized List<AppealCase> appealCases() throws SQLException {
    return CaseTables.all(connection);
  }

  /** The case's changes, its opening first. */
  public synchronized List<CaseEvent> caseHistory(long caseId) throws SQLException {
    return CaseTables.history(connection, caseId);
  }

  /**
   * The main order (主订单编号) of each of these sub-orders that has one: read for the few sub-orders
   * whose parcel holds others too, so no million main order ids are held.
   */
  public synchronized Map<String, String> mainOrders(Collection<String> subOrders)
      throws SQLException {
    Map<String, String> out = new HashMap<>();
    List<String> ids = List.copyOf(subOrders);
    for (int from = 0; from < ids.size(); from += MAIN_ORDERS_BATCH) {
      List<String> batch = ids.subList(from, Math.min(ids.size(), from + MAIN_ORDERS_BATCH));
      String sql =
          "SELECT "
              + KindSchema.quote(ColumnNames.SUB_ORDER_ID)
              + ", "
              + KindSchema.quote(ColumnNames.ORDER_ID)
              + " FROM "
              + KindSchema.table(FileKind.ORDERS)
              + " WHERE "
              + KindSchema.quote(ColumnNames.ORDER_ID)
              + " <> '' AND "
              + KindSchema.quote(ColumnNames.SUB_ORDER_ID)
              + " IN ("
              + String.join(",", Collections.nCopies(batch.size(), "?"))
              + ")";
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        for (int i = 0; i < batch.size(); i++) {
          ps.setString(i + 1, batch.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getString(2));
          }
        }
      }
    }
    return out;
  }

  /** Sub-orders asked for in one statement: well under SQLite's limit on bound values. */
  private static final int MAIN_ORDERS_BATCH = 500;

  /**
   * The name each of these products has in the orders export (the latest non-blank one); ids the
   * orders do not name are left out. Uses the product_id index, so a page can ask for a few.
   */
  public synchronized Map<String, String> productNames(Collection<String> productIds)
      throws SQLException {
    Map<String, String> out = new HashMap<>();
    String sql =
        "SELECT "
            + KindSchema.quote(ColumnNames.PRODUCT_NAME)
            + " FROM "
            + KindSchema.table(FileKind.ORDERS)
            + " WHERE "
            + KindSchema.quote(ColumnNames.PRODUCT_ID)
            + " = ? AND "
            + KindSchema.quote(ColumnNames.PRODUCT_NAME)
            + " <> '' ORDER BY rowid DESC LIMIT 1";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      for (String id : new LinkedHashSet<>(productIds)) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            out.put(id, rs.getString(1));
          }
        }
      }
    }
    return out;
  }

  /**
   * The sub-orders whose sales the platform gave back, by every case: they no longer count as
   * deleted.
   */
  public synchronized Set<String> restoredOrders() throws SQLException {
    return CaseTables.restoredOrders(connection);
  }

  /**
   * The version of the data an analysis reads now; empty while the shop has no upload. Its rows'
   * version is the last number the uploads' sequence gave out: the latest upload's id, or a later
   * delete's ({@link #deleteUpload}).
   */
  public synchronized Optional<DataVersion> dataVersion() throws SQLException {
    if (latestUploadId().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DataVersion(lastVersion(), CaseTables.restoresVersion(connection)));
  }

  private long lastVersion() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'uploads'")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /**
   * Deletes an upload in one transaction: its report, its rows unless another upload holds them too
   * (then that upload's version of each is the stored one, as if the deleted upload had never been
   * made), and every stored analysis, which read its rows. The delete takes the next number of the
   * uploads' sequence as the new version of the shop's data and of the kinds it changed, so no
   * analysis or snapshot of the data before it is taken for current, and no later upload reuses the
   * number.
   *
   * @param step told what the delete is doing before each part (a seam for crash tests)
   * @return empty when the shop has no such upload
   * @throws UploadNotDeletableException for an upload stored before each upload's rows were kept
   */
  public synchronized Optional<DeletedUpload> deleteUpload(long uploadId, Consumer<String> step)
      throws SQLException {
    return inSqlTransaction(
        () -> {
          Optional<Boolean> rowsKept = UploadRows.rowsKept(connection, uploadId);
          if (rowsKept.isEmpty()) {
            return Optional.empty();
          }
          if (!rowsKept.get()) {
            throw new UploadNotDeletableException(uploadId);
          }
          long version;
          try (Statement s = connection.createStatement()) {
            s.executeUpdate("UPDATE sqlite_sequence SET seq = seq + 1 WHERE name = 'uploads'");
            version = lastVersion();
          }
          var rows = UploadRows.remove(connection, uploadId, version, step);
          try (Statement s = connection.createStatement()) {
            s.executeUpdate("DELETE FROM uploads WHERE id = " + uploadId);
            s.executeUpdate("DELETE FROM analyses");
          }
          step.accept("committing");
          return Optional.of(new DeletedUpload(uploadId, rows));
        });
  }

  private interface SqlWork<T> {
    T run() throws SQLException;
  }

  /**
   * Runs work in one immediate transaction and returns its result; any exception rolls everything
   * back.
   */
  private <T> T inSqlTransaction(SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    boolean committed = false;
    try {
      T result = work.run();
      connection.commit();
      committed = true;
      return result;
    } finally {
      if (!committed) {
        connection.rollback();
      }
      connection.setAutoCommit(true);
    }
  }

  /** The id of the latest upload: the version of the shop's data. */
  public synchronized Optional<Long> latestUploadId() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT max(id) FROM uploads")) {
      rs.next();
      long id = rs.getLong(1);
      return rs.wasNull() ? Optional.empty() : Optional.of(id);
    }
  }

  /**
   * Stores a finished analysis of the data as of a version, every language at once (one
   * transaction), if the version is still current then; false when the data changed meanwhile and
   * nothing was stored.
   */
  public synchronized boolean saveAnalysis(
      DataVersion version, LocalDateTime at, Map<String, String> jsonByLang) throws SQLException {
    long uploadId = version.upload();
    return inSqlTransaction(
        () -> {
          if (!dataVersion().equals(Optional.of(version))) {
            return false;
          }
          AnalysisTables.save(connection, uploadId, at, jsonByLang);
          return true;
        });
  }

  /** The stored analysis of exactly this upload's data in a language, if it was finished. */
  public synchronized Optional<String> analysis(long uploadId, String lang) throws SQLException {
    return AnalysisTables.find(connection, uploadId, lang);
  }

  /**
   * The value at a JSON path (e.g. "$.groups") of the stored analysis of this upload's data in a
   * language, as JSON text ("null" when the path is absent). SQLite reads it out of the stored
   * JSON: the rest of an analysis of several MB never reaches Java.
   */
  public synchronized Optional<String> analysisPart(long uploadId, String lang, String path)
      throws SQLException {
    return AnalysisTables.part(connection, uploadId, lang, path);
  }

  /** Whether an analysis of this upload's data is stored in a language, without reading it. */
  public synchronized boolean hasAnalysis(long uploadId, String lang) throws SQLException {
    return AnalysisTables.has(connection, uploadId, lang);
  }

  /** One page of a view's rows, filtered and sorted, with how many match. */
  public synchronized RowPage rows(RowQuery query) throws SQLException {
    return RowTables.page(connection, query);
  }

  /** Each row of a view's slice in order, read one at a time: for a download. */
  public synchronized void eachRow(RowQuery query, Consumer<List<Object>> sink)
      throws SQLException {
    RowTables.each(connection, query, sink);
  }

  public synchronized long count(FileKind kind) throws SQLException {
    return loads.count(kind);
  }

  /** Whether any row of the kind is stored (no count over a million rows). */
  public synchronized boolean holdsRows(FileKind kind) throws SQLException {
    return loads.holdsRows(kind);
  }

  /**
   * The distinct orders stored now. The latest upload's report says (no count over a million rows
   * per page), unless an upload was deleted after it: then they are counted.
   */
  public synchronized long ordersStored() throws SQLException {
    Optional<IngestReport> latest = latestReport();
    boolean deletedSince = latest.isPresent() && lastVersion() > latestUploadId().orElseThrow();
    return latest.isEmpty() || deletedSince
        ? count(FileKind.ORDERS)
        : latest.get().ordersDistinct();
  }

  public synchronized Optional<IngestReport> latestReport() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT report_json FROM uploads ORDER BY id DESC LIMIT 1")) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(fromJson(rs.getString(1)));
    }
  }

  public synchronized List<UploadRecord> uploads() throws SQLException {
    List<UploadRecord> list = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT id, created_at, report_json, rows_kept FROM uploads ORDER BY id DESC")) {
      while (rs.next()) {
        list.add(
            new UploadRecord(
                rs.getLong(1),
                LocalDateTime.parse(rs.getString(2)),
                fromJson(rs.getString(3)),
                rs.getInt(4) == 1));
      }
    }
    return list;
  }

  /**
   * The stored rows of a kind as a canonical Tablesaw table (the same schema ingest produces).
   *
   * @param withExtras whether to add the export's unknown columns (costly for wide exports)
   */
  public synchronized Table load(FileKind kind, boolean withExtras) throws SQLException {
    return loads.load(kind, kind.fields(), withExtras);
  }

  /**
   * Only some of a kind's columns, for pipelines that read a few columns of a large export: a
   * million orders hold far less memory without the columns no stage reads.
   */
  public synchronized Table load(FileKind kind, List<String> fieldNames) throws SQLException {
    return loads.load(
        kind, kind.fields().stream().filter(f -> fieldNames.contains(f.name())).toList(), false);
  }

  /**
   * Keeps rows in hand that are all of the kind's stored rows, in key order, as the snapshot the
   * next {@link #load} reads (instead of reading them from SQLite to write it).
   */
  public synchronized void keepSnapshot(FileKind kind, Table rows) throws SQLException {
    loads.keepSnapshot(kind, rows);
  }

  /** Rows the last load read from SQLite (the rest came from a snapshot): tests see which way. */
  synchronized long rowsReadFromDatabase() {
    return loads.rowsReadFromDatabase();
  }

  private static String toJson(IngestReport report) {
    try {
      return Json.MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static IngestReport fromJson(String json) {
    try {
      return Json.MAPPER.readValue(json, IngestReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored report is not readable", e);
    }
  }

  @Override
  public synchronized void close() throws SQLException {
    connection.close();
  }
}
