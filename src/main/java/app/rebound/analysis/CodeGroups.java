package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.strings.DictionaryMap;

/**
 * Rows grouped through integer codes: the product id's code in its column's dictionary and, by day,
 * the packed date. What summarize().by("product_id"[, "date"]) groups, without a table slice per
 * group or a string key per row. Groups are numbered in the order they first appear, as summarize()
 * gives them.
 */
final class CodeGroups {

  /** Each row's group; -1 for a row without a date when grouping by day (no caller keeps those). */
  final int[] group;

  private final List<String> products = new ArrayList<>();

  /** Each group's packed date; null when grouping by product alone. */
  private final List<Integer> packedDates;

  private CodeGroups(Table rows, boolean byDay) {
    DictionaryMap dictionary = rows.stringColumn(ColumnNames.PRODUCT_ID).getDictionary();
    DateColumn dates = byDay ? rows.dateColumn(ColumnNames.DATE) : null;
    packedDates = byDay ? new ArrayList<>() : null;
    group = new int[rows.rowCount()];
    // Primitive keys and values: a boxed Long and Integer per row were most of a large shop's cost.
    Long2IntOpenHashMap index = new Long2IntOpenHashMap();
    index.defaultReturnValue(-1);
    for (int row = 0; row < rows.rowCount(); row++) {
      if (byDay && dates.isMissing(row)) {
        group[row] = -1;
        continue;
      }
      int code = dictionary.getKeyForIndex(row);
      int packed = byDay ? dates.getIntInternal(row) : 0;
      long key = ((long) code << 32) | (packed & 0xffffffffL);
      int found = index.get(key);
      if (found < 0) {
        found = products.size();
        index.put(key, found);
        products.add(dictionary.getValueForKey(code));
        if (byDay) {
          packedDates.add(packed);
        }
      }
      group[row] = found;
    }
  }

  static CodeGroups byProduct(Table rows) {
    return new CodeGroups(rows, false);
  }

  static CodeGroups byProductAndDay(Table rows) {
    return new CodeGroups(rows, true);
  }

  int size() {
    return products.size();
  }

  /** One row per group: product_id, and date when grouped by day. */
  Table keys() {
    Table keys = Table.create("groups", StringColumn.create(ColumnNames.PRODUCT_ID, products));
    if (packedDates != null) {
      DateColumn date = DateColumn.create(ColumnNames.DATE);
      packedDates.forEach(date::appendInternal);
      keys.addColumns(date);
    }
    return keys;
  }
}
