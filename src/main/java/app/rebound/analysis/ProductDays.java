package app.rebound.analysis;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Sums per product and day through {@link CodeGroups}: Tablesaw's summarize().by("product_id",
 * "date") builds a table slice per group and a string key per row, seconds for a shop with a
 * million orders or tens of thousands of product-days; this pass reads each row once and gives the
 * same sums (missing values skipped), groups in the order summarize() gives them.
 */
final class ProductDays {

  private ProductDays() {}

  /**
   * One row per product and day: product_id, date, then the sum of each named column under its own
   * name.
   */
  static Table sums(Table rows, String... columns) {
    CodeGroups g = CodeGroups.byProductAndDay(rows);
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
   * One row per product and day with n (values present), sum and sum_sq of the value column: what a
   * mean, a share and their variance need.
   */
  static Table moments(Table rows, String value) {
    CodeGroups g = CodeGroups.byProductAndDay(rows);
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
    return g.keys()
        .addColumns(
            DoubleColumn.create("n", n),
            DoubleColumn.create("sum", sum),
            DoubleColumn.create("sum_sq", squares));
  }
}
