package app.rebound.store;

import app.rebound.ingest.Field;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.KindTable;
import app.rebound.ingest.MergeCounts;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntComparator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The rows an upload stores, kept as they were parsed, so that the analysis which follows an upload
 * into a new or empty shop (the {@code analyze} command, a server's first upload) need not read a
 * million rows back from SQLite. A kind's rows stand for its stored rows only when the kind held no
 * rows before the upload and every accepted row of it was new (no key met another in the upload):
 * then the merge kept each row as it came, and the stored rows are these in key order. Otherwise
 * {@link #table} is empty and the caller reads that kind from the store, where the merge rule
 * lives.
 */
public final class RowsInHand {

  private final Map<FileKind, List<String>> fields;
  private final Map<FileKind, List<Table>> kept = new EnumMap<>(FileKind.class);
  private final List<Table> file = new ArrayList<>();
  private final Set<FileKind> merged = EnumSet.noneOf(FileKind.class);
  private long upload;

  /**
   * @param fields the columns to keep of each kind (the columns the reader of {@link #tables}
   *     needs); a kind not named is kept whole
   */
  public RowsInHand(Map<FileKind, List<String>> fields) {
    fields.forEach(
        (kind, names) -> {
          if (!names.containsAll(kind.keyFields())) {
            throw new IllegalArgumentException(kind.id() + " rows are kept without their key");
          }
        });
    this.fields = Map.copyOf(fields);
  }

  /** The kind held rows before the upload: what it stores is no longer what the upload read. */
  void heldRows(FileKind kind) {
    merged.add(kind);
  }

  /** A chunk of the current file's accepted rows, after the merge has stored it. */
  void add(FileKind kind, Table chunk) {
    if (!merged.contains(kind)) { // only the store knows the kind's rows: nothing is kept
      file.add(chunk.retainColumns(names(kind).toArray(String[]::new)));
    }
  }

  /** The current file is done: its rows are kept if it was stored, each of them as a new row. */
  void fileStored(FileKind kind, MergeCounts counts, long acceptedRows) {
    if (counts.added() != acceptedRows) {
      merged.add(kind);
    }
    kept.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(file);
    file.clear();
  }

  /** The current file was refused: the store rolled it back, and so is it here. */
  void fileRefused() {
    file.clear();
  }

  /** The upload was committed as this upload (the shop's data version it made). */
  void committed(long uploadId) {
    upload = uploadId;
  }

  /**
   * The upload whose stored rows these are, or 0 while it is not committed: they stand for the
   * shop's rows only while no later upload or delete changed them.
   */
  public long upload() {
    return upload;
  }

  /**
   * The kind's rows as the store would give them back (in key order, the kept columns), or empty
   * when the upload merged rows of the kind into others and only the store knows the result.
   */
  public Optional<Table> table(FileKind kind) {
    if (merged.contains(kind)) {
      return Optional.empty();
    }
    Table all = KindTable.empty(kind).retainColumns(names(kind).toArray(String[]::new));
    for (Table chunk : kept.getOrDefault(kind, List.of())) {
      all.append(chunk);
    }
    return Optional.of(inKeyOrder(kind, all));
  }

  /** The kept columns in the kind's own order, as the store reads them back. */
  private List<String> names(FileKind kind) {
    List<String> wanted = fields.get(kind);
    return kind.fields().stream()
        .map(Field::name)
        .filter(name -> wanted == null || wanted.contains(name))
        .toList();
  }

  /**
   * The rows sorted as SQLite's ORDER BY on the key sorts them ({@link KeyOrder}). An export comes
   * in some order of its own, often by id or by time and so by id: rows already in key order, or in
   * reverse, are not sorted again.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Table inKeyOrder(FileKind kind, Table rows) {
    List<Column<?>> key = kind.keyFields().stream().<Column<?>>map(rows::column).toList();
    IntComparator byKey = (i, j) -> KeyOrder.compare(key, i, key, j);
    int n = rows.rowCount();
    if (inOrder(n, byKey)) {
      return rows;
    }
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    if (inOrder(n, (i, j) -> byKey.compare(j, i))) {
      IntArrays.reverse(order);
    } else {
      IntArrays.mergeSort(order, byKey);
    }
    Table out = rows.emptyCopy();
    for (int c = 0; c < rows.columnCount(); c++) {
      Column target = out.column(c);
      Column<?> from = rows.column(c);
      for (int row : order) {
        target.append(from, row);
      }
    }
    return out;
  }

  /** Whether rows 0..n-1 are strictly ascending by the comparator (keys here are unique). */
  private static boolean inOrder(int n, IntComparator order) {
    for (int i = 1; i < n; i++) {
      if (order.compare(i - 1, i) >= 0) {
        return false;
      }
    }
    return true;
  }
}
