package app.rebound.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.strings.DictionaryMap;

/**
 * Sums per product and day, grouped through integer codes: the product id's code in its column's
 * dictionary and the day's packed date. Tablesaw's summarize().by("product_id", "date") builds a table
 * slice per group and a string key per row, seconds for a shop with a million orders or tens of thousands
 * of product-days; this pass reads each row once and gives the same sums (missing values skipped). Groups
 * come out in the order they first appear, as summarize() gives them.
 */
final class ProductDays {

  private ProductDays() {}

  /** One row per product and day: product_id, date, then the sum of each named column under its own name. */
  static Table sums(Table rows, String... columns) {
    Groups g = Groups.of(rows);
    Table out = g.keys();
    for (String name : columns) {
      double[] sum = new double[g.size()];
      NumericColumn<?> values = rows.numberColumn(name);
      for (int row = 0; row < rows.rowCount(); row++) {
        if (g.group[row] >= 0 && !values.isMissing(row)) {
          sum[g.group[row]] += values.getDouble(row);
        }
      }
      out.addColumns(DoubleColumn.create(name, sum));
    }
    return out;
  }

  /**
   * One row per product and day with n (values present), sum and sum_sq of the value column: what a mean,
   * a share and their variance need.
   */
  static Table moments(Table rows, String value) {
    Groups g = Groups.of(rows);
    double[] n = new double[g.size()];
    double[] sum = new double[g.size()];
    double[] squares = new double[g.size()];
    NumericColumn<?> values = rows.numberColumn(value);
    for (int row = 0; row < rows.rowCount(); row++) {
      int group = g.group[row];
      if (group >= 0 && !values.isMissing(row)) {
        double v = values.getDouble(row);
        n[group]++;
        sum[group] += v;
        squares[group] += v * v;
      }
    }
    return g.keys().addColumns(DoubleColumn.create("n", n), DoubleColumn.create("sum", sum),
        DoubleColumn.create("sum_sq", squares));
  }

  /** Each row's group (-1 for a row without a date), and the groups' product codes and dates. */
  private record Groups(int[] group, List<String> products, List<Integer> packedDates) {

    static Groups of(Table rows) {
      StringColumn ids = rows.stringColumn("product_id");
      DictionaryMap dictionary = ids.getDictionary();
      DateColumn dates = rows.dateColumn("date");
      int[] group = new int[rows.rowCount()];
      Map<Long, Integer> index = new HashMap<>();
      List<String> products = new ArrayList<>();
      List<Integer> packedDates = new ArrayList<>();
      for (int row = 0; row < rows.rowCount(); row++) {
        if (dates.isMissing(row)) {
          group[row] = -1; // summarize() would make a group of it; no caller keeps rows without a date
          continue;
        }
        int code = dictionary.getKeyForIndex(row);
        int packed = dates.getIntInternal(row);
        long key = ((long) code << 32) | (packed & 0xffffffffL);
        Integer found = index.get(key);
        if (found == null) {
          found = products.size();
          index.put(key, found);
          products.add(dictionary.getValueForKey(code));
          packedDates.add(packed);
        }
        group[row] = found;
      }
      return new Groups(group, products, packedDates);
    }

    int size() {
      return products.size();
    }

    Table keys() {
      DateColumn date = DateColumn.create("date");
      packedDates.forEach(date::appendInternal);
      return Table.create("product_days", StringColumn.create("product_id", products), date);
    }
  }
}
