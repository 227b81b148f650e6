package app.rebound.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Sums and medians per product through {@link CodeGroups}: the same figures, in the same order, as
 * summarize(column, sum or median).by("product_id"), without the table slice per group that costs
 * seconds over a million orders.
 */
final class ByProduct {

  private ByProduct() {}

  /** product_id and the column's sum under "Sum [column]", as summarize() names it. */
  static Table sums(Table rows, String column) {
    CodeGroups g = CodeGroups.byProduct(rows);
    double[] sum = new double[g.size()];
    NumericColumn<?> values = rows.numberColumn(column);
    for (int row = 0; row < rows.rowCount(); row++) {
      if (!values.isMissing(row)) {
        sum[g.group[row]] += values.getDouble(row);
      }
    }
    return g.keys().addColumns(DoubleColumn.create("Sum [" + column + "]", sum));
  }

  /**
   * product_id and the column's median (Tablesaw's: commons-math's 50th percentile) under "Median
   * [column]".
   */
  static Table medians(Table rows, String column) {
    CodeGroups g = CodeGroups.byProduct(rows);
    List<DoubleColumn> values = new ArrayList<>();
    for (int i = 0; i < g.size(); i++) {
      values.add(DoubleColumn.create(""));
    }
    NumericColumn<?> source = rows.numberColumn(column);
    for (int row = 0; row < rows.rowCount(); row++) {
      if (!source.isMissing(row)) {
        values.get(g.group[row]).append(source.getDouble(row));
      }
    }
    double[] median =
        values.stream().mapToDouble(v -> StatUtils.percentile(v.asDoubleArray(), 50.0)).toArray();
    return g.keys().addColumns(DoubleColumn.create("Median [" + column + "]", median));
  }
}
