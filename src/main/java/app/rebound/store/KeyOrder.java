package app.rebound.store;

import app.rebound.ingest.FileKind;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The order of a kind's rows by its key, as SQLite sorts them (text by UTF-8 bytes, which is code
 * point order; numbers and dates by value; an empty value last), and the merge of an older copy of
 * the rows with the rows changed since, both in that order.
 */
final class KeyOrder {

  private KeyOrder() {}

  /**
   * The older rows with each changed row put in (replacing the older row of the same key, or added
   * in key order). Both tables are in key order and have the same columns; so is the result.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Table merge(FileKind kind, Table older, Table changed) {
    if (changed.isEmpty()) {
      return older;
    }
    List<String> key = kind.keyFields();
    List<Column<?>> a = key.stream().<Column<?>>map(older::column).toList();
    List<Column<?>> b = key.stream().<Column<?>>map(changed::column).toList();
    // The plan first (which table, which row, for each row of the result), then each column copied
    // by it.
    int size = 0;
    int[] rows = new int[older.rowCount() + changed.rowCount()];
    boolean[] fromChanged = new boolean[rows.length];
    int i = 0;
    int j = 0;
    while (i < older.rowCount() || j < changed.rowCount()) {
      int order = i == older.rowCount() ? 1 : j == changed.rowCount() ? -1 : compare(a, i, b, j);
      if (order < 0) {
        rows[size++] = i++;
      } else {
        if (order == 0) {
          i++; // the older row of this key is replaced
        }
        fromChanged[size] = true;
        rows[size++] = j++;
      }
    }
    Table out = older.emptyCopy();
    for (int c = 0; c < older.columnCount(); c++) {
      Column target = out.column(c);
      Column<?> from = older.column(c);
      Column<?> to = changed.column(from.name());
      for (int r = 0; r < size; r++) {
        target.append(fromChanged[r] ? to : from, rows[r]);
      }
    }
    return out;
  }

  static int compare(List<Column<?>> a, int i, List<Column<?>> b, int j) {
    for (int k = 0; k < a.size(); k++) {
      int c = compareValues(a.get(k), i, b.get(k), j);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Column<?> x, int i, Column<?> y, int j) {
    boolean xMissing = x.isMissing(i);
    boolean yMissing = y.isMissing(j);
    if (xMissing || yMissing) {
      return Boolean.compare(
          xMissing, yMissing); // stored as '' (text), which SQLite sorts after numbers
    }
    Object u = x.get(i);
    Object v = y.get(j);
    if (u instanceof String s && v instanceof String t) {
      return compareCodePoints(s, t);
    }
    return ((Comparable) u).compareTo(v);
  }

  /**
   * Code point order (= UTF-8 byte order), which String.compareTo (UTF-16 units) is not above
   * U+FFFF.
   */
  static int compareCodePoints(String s, String t) {
    int n = Math.min(s.length(), t.length());
    for (int k = 0; k < n; k++) {
      char c = s.charAt(k);
      char d = t.charAt(k);
      if (c != d) {
        return fixUp(c) - fixUp(d);
      }
    }
    return s.length() - t.length();
  }

  /**
   * Moves surrogates (code points above U+FFFF) above U+E000..U+FFFF, as in ICU's code point
   * compare.
   */
  private static int fixUp(char c) {
    if (c < 0xD800) {
      return c;
    }
    return c >= 0xE000 ? c - 0x800 : c + 0x2000;
  }
}
