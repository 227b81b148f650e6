package app.rebound.store;

import app.rebound.Json;
import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.ExportStamp;
import app.rebound.ingest.Field;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.IngestWarning;
import app.rebound.ingest.KindTable;
import app.rebound.ingest.MergeCounts;
import app.rebound.ingest.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.CRC32;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Merges one file's accepted rows into a kind's stored rows, by the kind's key, the newer row
 * winning, chunk by chunk as the file is read (SQLite upserts, no staging copy). For orders,
 * "newer" means a later latest event (submitted, paid, shipped, completed), so last week's export
 * uploaded after this week's does not turn a completed order back into a shipped one. On a tie (and
 * for every other kind, whose rows have no event time) the later export wins where the file names
 * say when they were exported ({@link ExportStamp}; a stamped file beats an unstamped one), and the
 * later upload otherwise.
 */
public final class Merge {

  private static final int BATCH = 5_000;

  /** Compact JSON, however the shared mapper indents; made once, not once a row. */
  private static final ObjectWriter EXTRAS_WRITER =
      Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private static final List<String> ORDER_EVENTS =
      List.of(
          ColumnNames.SUBMITTED_AT,
          ColumnNames.PAID_AT,
          ColumnNames.SHIPPED_AT,
          ColumnNames.COMPLETED_AT);

  /**
   * A row's recency is its latest event in seconds times this, plus its file's export stamp
   * (seconds since {@link ExportStamp#EPOCH}, below 2^31; 0 without one): one number SQLite
   * compares, the event first and the stamp on a tie. Events fit until 2106.
   */
  static final long STAMP_SPAN = 1L << 31;

  private final Connection connection;
  private final FileKind kind;
  private final long exportStamp;
  private final long storedBefore;
  private final String upsert;
  private final String hold;

  /** Whether each upload's own rows are kept ({@link Durability#KEPT}). */
  private final boolean keepUploadRows;

  private final int[] keyIndexes;

  /**
   * The kind's own indexes (those the row lists search by), dropped while a file fills the empty
   * kind and made again when it is done ({@link #restoreIndexes}): one index built over a million
   * rows costs a fraction of keeping it up to date row by row. Inside the upload's transaction, so
   * a refused file or a killed process leaves them as they were.
   */
  private final List<String> deferredIndexes;

  private long changed;

  /**
   * Copies the rows this file added to a kind that was empty when the file began into the upload's
   * own rows, in one statement per batch: such a row is new, so its own copy is the stored row
   * itself, and binding its values a second time was a third of a large first upload's cost.
   */
  private final String copyAdded;

  /** The last stored row (rowid) already copied by {@link #copyAdded}. */
  private long copiedUpTo;

  /**
   * The file's keys as 64-bit hashes (two independent 32-bit ones): 8 bytes a row, where the keys
   * themselves would take a hundred. A collision would only report a repeat too many.
   */
  private final LongOpenHashSet fileKeys = new LongOpenHashSet();

  private long repeats;
  private final List<String> repeatExamples = new ArrayList<>();

  /**
   * Starts merging a file's rows of one kind. Each row is an upsert keyed by the kind's key: a new
   * key is inserted; a stored key is replaced only when the row is at least as recent and differs
   * in content.
   *
   * @param exportStamp the file's export moment from its name ({@link ExportStamp}), or 0
   * @param keepUploadRows whether the upload's own copy of each row is kept as well
   */
  Merge(Connection connection, FileKind kind, long exportStamp, boolean keepUploadRows)
      throws SQLException {
    this.connection = connection;
    this.kind = kind;
    this.exportStamp = exportStamp;
    this.keepUploadRows = keepUploadRows;
    this.storedBefore = count(connection, kind);
    this.deferredIndexes = storedBefore == 0 ? dropIndexes(connection, kind) : List.of();
    String main = KindSchema.table(kind);
    List<String> columns = KindSchema.columns(kind);
    List<String> compared =
        new ArrayList<>(
            kind.fields().stream()
                .filter(f -> !KindSchema.isKey(kind, f))
                .map(Field::name)
                .map(KindSchema::quote)
                .toList());
    compared.add(KindSchema.EXTRA);
    String differs =
        compared.stream()
            .map(c -> "excluded." + c + " IS NOT " + main + "." + c)
            .collect(Collectors.joining(" OR "));
    this.upsert = upsert(main, columns, KindSchema.keyList(kind), " AND (" + differs + ")");
    // The upload's own copy of the row (UploadRows), a later duplicate within the upload winning by
    // the same rule.
    String held = KindSchema.heldTable(kind);
    this.hold = upsert(held, columns, KindSchema.keyList(kind) + ", " + KindSchema.UPLOAD, "");
    this.copyAdded =
        "INSERT INTO "
            + held
            + " ("
            + String.join(", ", columns)
            + ") SELECT "
            + String.join(", ", columns)
            + " FROM "
            + main
            + " WHERE rowid > ?";
    List<String> names = kind.fields().stream().map(Field::name).toList();
    this.keyIndexes = kind.keyFields().stream().mapToInt(names::indexOf).toArray();
  }

  /**
   * Inserts a row of every column into the table; a row of the same key is replaced when the new
   * one is at least as recent and the condition holds (SQL appended to the WHERE, or "").
   */
  private static String upsert(String table, List<String> columns, String key, String andWhen) {
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") VALUES ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", "))
        + ") ON CONFLICT ("
        + key
        + ") DO UPDATE SET "
        + columns.stream().map(c -> c + " = excluded." + c).collect(Collectors.joining(", "))
        + " WHERE excluded."
        + KindSchema.RECENCY
        + " >= "
        + table
        + "."
        + KindSchema.RECENCY
        + andWhen;
  }

  FileKind kind() {
    return kind;
  }

  /** Merges a chunk of the file's accepted rows. */
  void add(Table rows, long uploadId) throws SQLException {
    List<Field> fields = kind.fields();
    List<Column<?>> fieldColumns =
        fields.stream().<Column<?>>map(f -> rows.column(f.name())).toList();
    List<Column<?>> extras =
        rows.columns().stream().filter(c -> c.name().startsWith(KindTable.EXTRA_PREFIX)).toList();
    List<String> extraNames =
        extras.stream().map(c -> c.name().substring(KindTable.EXTRA_PREFIX.length())).toList();
    int[] events =
        kind == FileKind.ORDERS
            ? ORDER_EVENTS.stream()
                .mapToInt(fields.stream().map(Field::name).toList()::indexOf)
                .toArray()
            : new int[0];
    try (PreparedStatement ps = connection.prepareStatement(upsert);
        PreparedStatement kept = keepUploadRows ? connection.prepareStatement(hold) : null) {
      Object[] values = new Object[fields.size()];
      for (int row = 0; row < rows.rowCount(); row++) {
        for (int i = 0; i < fields.size(); i++) {
          Object value = fieldColumns.get(i).get(row);
          if (value instanceof String str && str.isEmpty()) {
            value = null;
          }
          if (value == null && KindSchema.isKey(kind, fields.get(i))) {
            value =
                ""; // keys are NOT NULL so that two rows without a sub-order id still compare equal
          }
          values[i] = value;
        }
        String key = keyOf(values);
        boolean firstOfKey = fileKeys.add(hash64(key));
        if (!firstOfKey) {
          repeats++;
          if (repeatExamples.size() < IngestWarning.MAX_EXAMPLES && !repeatExamples.contains(key)) {
            repeatExamples.add(key);
          }
        }
        String extra = extrasJson(extras, extraNames, row);
        long recency = recency(values, events) * STAMP_SPAN + exportStamp;
        // A key new to a kind that was empty is stored as it comes: copied, not bound again.
        boolean copied = storedBefore == 0 && firstOfKey;
        for (PreparedStatement statement :
            copied || !keepUploadRows ? List.of(ps) : List.of(ps, kept)) {
          for (int i = 0; i < fields.size(); i++) {
            SqlValues.bind(statement, i + 1, fields.get(i).type(), values[i]);
          }
          statement.setString(fields.size() + 1, extra);
          statement.setLong(fields.size() + 2, uploadId);
          statement.setLong(fields.size() + 3, recency);
          statement.addBatch();
        }
        if ((row + 1) % BATCH == 0) {
          flush(ps, kept);
        }
      }
      flush(ps, kept);
    }
  }

  /**
   * Runs a batch: the stored rows first, then the copies of the rows it added, then the upload's
   * own copies of the other rows (a later duplicate of a copied row overrides it by the same rule).
   */
  private void flush(PreparedStatement ps, PreparedStatement kept) throws SQLException {
    changed += sum(ps.executeBatch());
    if (!keepUploadRows) {
      return;
    }
    if (storedBefore == 0) {
      try (PreparedStatement copy = connection.prepareStatement(copyAdded)) {
        copy.setLong(1, copiedUpTo);
        copy.executeUpdate();
      }
      try (Statement s = connection.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT coalesce(max(rowid), 0) FROM " + KindSchema.table(kind))) {
        copiedUpTo = rs.next() ? rs.getLong(1) : copiedUpTo;
      }
    }
    kept.executeBatch();
  }

  private String keyOf(Object[] values) {
    StringBuilder key = new StringBuilder();
    for (int i : keyIndexes) {
      key.append(key.isEmpty() ? "" : " / ").append(values[i]);
    }
    return key.toString();
  }

  private static long hash64(String key) {
    CRC32 crc = new CRC32();
    crc.update(key.getBytes(StandardCharsets.UTF_8));
    return ((long) key.hashCode() << 32) | crc.getValue();
  }

  /** The kind's own indexes' definitions, each dropped. */
  private static List<String> dropIndexes(Connection connection, FileKind kind)
      throws SQLException {
    Map<String, String> indexes = new LinkedHashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?"
                + " AND sql IS NOT NULL ORDER BY name")) {
      ps.setString(1, KindSchema.table(kind));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          indexes.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    try (Statement s = connection.createStatement()) {
      for (String name : indexes.keySet()) {
        s.execute("DROP INDEX " + KindSchema.quote(name));
      }
    }
    return List.copyOf(indexes.values());
  }

  /** Makes again the indexes dropped while the file filled the empty kind. */
  void restoreIndexes() throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String sql : deferredIndexes) {
        s.execute(sql);
      }
    }
  }

  /**
   * Rows of the file whose key an earlier row of the file had: only one row per key is kept, so
   * they are said, with the first few keys. (Across files a repeat is the overlap of two exports'
   * periods, and says nothing.)
   */
  List<IngestWarning> warnings() {
    if (repeats == 0) {
      return List.of();
    }
    String keyName =
        kind.keyFields().stream()
            .map(k -> kind.fields().stream().filter(f -> f.name().equals(k)).findFirst().get())
            .map(Field::douyinHeader)
            .collect(Collectors.joining(" + "));
    return List.of(
        IngestWarning.of(Problem.REPEATED_KEY, repeats, repeatExamples, repeats, keyName));
  }

  /**
   * How the file's rows met the stored ones: new keys were added; other rows that changed something
   * updated a stored row (a later duplicate within the file too); the rest left it as it was.
   */
  MergeCounts counts(long acceptedRows) throws SQLException {
    long added = count(connection, kind) - storedBefore;
    long updated = changed - added;
    return new MergeCounts(added, updated, acceptedRows - added - updated);
  }

  private static long sum(int[] counts) {
    long total = 0;
    for (int c : counts) {
      total += Math.max(c, 0);
    }
    return total;
  }

  private static long count(Connection connection, FileKind kind) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + KindSchema.table(kind))) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  private static long recency(Object[] values, int[] events) {
    long latest = 0;
    for (int index : events) {
      if (values[index] instanceof LocalDateTime t) {
        latest = Math.max(latest, t.toEpochSecond(ZoneOffset.UTC));
      }
    }
    return latest;
  }

  /**
   * The row's non-empty extra cells as one JSON object, named by their headers, or null.
   *
   * @param names each extra column's header (its name without {@link KindTable#EXTRA_PREFIX})
   */
  private static String extrasJson(List<Column<?>> extras, List<String> names, int row) {
    if (extras.isEmpty()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int c = 0; c < extras.size(); c++) {
      String v = (String) extras.get(c).get(row);
      if (v != null && !v.isEmpty()) {
        values.put(names.get(c), v);
      }
    }
    try {
      return values.isEmpty() ? null : EXTRAS_WRITER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
