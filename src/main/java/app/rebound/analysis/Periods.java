package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import java.time.LocalDate;
import java.util.Set;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The before and after periods the channel and funnel views compare: the {@link #BEFORE_DAYS} days
 * before a split (fewer when the export starts later) and the days from the split to the end of the
 * export. A fixed, named before period, so the page can say "删除前 28 天 / 删除后 N 天".
 */
record Periods(LocalDate split, LocalDate beforeStart, LocalDate end) {

  static final int BEFORE_DAYS = 28;

  static Periods of(LocalDate split, LocalDate windowStart, LocalDate windowEnd) {
    LocalDate start = split.minusDays(BEFORE_DAYS);
    return new Periods(split, start.isBefore(windowStart) ? windowStart : start, windowEnd);
  }

  int beforeDays() {
    return Math.max(0, (int) (split.toEpochDay() - beforeStart.toEpochDay()));
  }

  int afterDays() {
    return Math.max(0, (int) (end.toEpochDay() - split.toEpochDay() + 1));
  }

  /** 0 before, 1 after, -1 outside both. */
  int period(LocalDate day) {
    if (day.isBefore(beforeStart) || day.isAfter(end)) {
      return -1;
    }
    return day.isBefore(split) ? 0 : 1;
  }

  /** A column of a product-day table summed over the products, before and after. */
  double[] totals(Table daily, String column, Set<String> products) {
    double[] out = new double[2];
    StringColumn ids = daily.stringColumn(ColumnNames.PRODUCT_ID);
    DateColumn dates = daily.dateColumn(ColumnNames.DATE);
    NumericColumn<?> values = daily.numberColumn(column);
    for (int row = 0; row < daily.rowCount(); row++) {
      int p = period(dates.get(row));
      if (p >= 0 && products.contains(ids.get(row)) && !values.isMissing(row)) {
        out[p] += values.getDouble(row);
      }
    }
    return out;
  }
}
