package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.OrderStates;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The shop's paid orders, one row each in the orders' order, fake orders left out, with the figures
 * the daily sales and the funnel's daily counts sum: what a paid order is, said once. A stage that
 * needs the daily tables for many subsets of the orders (the channel view: one per channel value)
 * reads the orders once into this small table and sums every subset's in one pass ({@link #daily}),
 * instead of copying the orders per subset.
 */
final class PaidOrders {

  private PaidOrders() {}

  /**
   * product_id, date (of payment), payable_amount, closed, paid (1), completed and refunded (1 or
   * 0), and the {@code carried} string columns of the orders as they are.
   *
   * @param leftOut sub-orders left out (the fakes: they would inflate the days before the deletion)
   */
  static Table of(Table orders, Set<String> leftOut, String... carried) {
    StringColumn ids = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn products = orders.stringColumn(ColumnNames.PRODUCT_ID);
    DateTimeColumn paidAt = orders.dateTimeColumn(ColumnNames.PAID_AT);
    DateTimeColumn completedAt = orders.dateTimeColumn(ColumnNames.COMPLETED_AT);
    NumericColumn<?> amounts = orders.numberColumn(ColumnNames.PAYABLE_AMOUNT);
    StringColumn status = orders.stringColumn(ColumnNames.ORDER_STATUS);
    StringColumn afterSale = orders.stringColumn(ColumnNames.AFTER_SALE_STATUS);
    StringColumn product = StringColumn.create(ColumnNames.PRODUCT_ID);
    DateColumn date = DateColumn.create(ColumnNames.DATE);
    DoubleColumn amount = DoubleColumn.create(ColumnNames.PAYABLE_AMOUNT);
    BooleanColumn closed = BooleanColumn.create("closed");
    DoubleColumn paid = DoubleColumn.create("paid");
    DoubleColumn completed = DoubleColumn.create("completed");
    DoubleColumn refunded = DoubleColumn.create("refunded");
    StringColumn[] from = new StringColumn[carried.length];
    StringColumn[] to = new StringColumn[carried.length];
    for (int c = 0; c < carried.length; c++) {
      from[c] = orders.stringColumn(carried[c]);
      to[c] = StringColumn.create(carried[c]);
    }
    for (int row = 0; row < orders.rowCount(); row++) {
      LocalDateTime at = paidAt.get(row);
      if (at == null || leftOut.contains(ids.get(row))) {
        continue;
      }
      product.append(products.get(row));
      date.append(at.toLocalDate());
      if (amounts.isMissing(row)) {
        amount.appendMissing();
      } else {
        amount.append(amounts.getDouble(row));
      }
      String state = status.get(row);
      closed.append(OrderStates.CLOSED.equals(state));
      paid.append(1.0);
      completed.append(completedAt.get(row) != null || OrderStates.completed(state) ? 1.0 : 0.0);
      String sale = afterSale.get(row);
      refunded.append(AfterSales.refunded(sale) || AfterSales.open(sale) ? 1.0 : 0.0);
      for (int c = 0; c < carried.length; c++) {
        to[c].append(from[c].get(row));
      }
    }
    Table out =
        Table.create("paid_orders", product, date, amount, closed, paid, completed, refunded);
    return out.addColumns(to);
  }

  /** Paid money (gmv) per product and day, closed orders left out. */
  static Table dailySales(Table paidOrders) {
    return daily(paidOrders, new int[paidOrders.rowCount()], 1).get(0).sales();
  }

  /**
   * Paid orders per product and day of payment, with how many were completed and how many refunded
   * or in after-sale (as the trust page's refund rate counts).
   */
  static Table dailyCounts(Table paidOrders) {
    return daily(paidOrders, new int[paidOrders.rowCount()], 1).get(0).counts();
  }

  /**
   * One group's daily tables.
   *
   * @param sales product_id, date, gmv: paid money, closed orders left out
   * @param counts product_id, date, paid, completed, refunded
   */
  record Daily(Table sales, Table counts) {}

  /**
   * The daily tables of each group of the paid orders (the channel view's channel values), in one
   * pass: no copy of a group's rows. Rows in the order their product and day first appear in the
   * group, each sum added in the orders' order with missing values skipped, as {@link
   * ProductDays#sums} gives them.
   *
   * @param groupOf each row's group, 0 to groups - 1
   */
  static List<Daily> daily(Table paidOrders, int[] groupOf, int groups) {
    CodeGroups days = CodeGroups.byProductAndDay(paidOrders);
    BooleanColumn closed = paidOrders.booleanColumn("closed");
    NumericColumn<?> amount = paidOrders.numberColumn(ColumnNames.PAYABLE_AMOUNT);
    List<NumericColumn<?>> counted =
        Stream.of("paid", "completed", "refunded")
            .<NumericColumn<?>>map(paidOrders::numberColumn)
            .toList();
    List<DaySums> sales = new ArrayList<>();
    List<DaySums> counts = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      sales.add(new DaySums(List.of(amount), days.size()));
      counts.add(new DaySums(counted, days.size()));
    }
    for (int row = 0; row < paidOrders.rowCount(); row++) {
      int day = days.group[row];
      if (day < 0) {
        continue;
      }
      counts.get(groupOf[row]).add(day, row);
      if (Boolean.FALSE.equals(closed.get(row))) {
        sales.get(groupOf[row]).add(day, row);
      }
    }
    Table keys = days.keys();
    List<Daily> out = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      out.add(
          new Daily(
              sales.get(g).table(keys, "gmv"),
              counts.get(g).table(keys, "paid", "completed", "refunded")));
    }
    return out;
  }

  /** Sums of some columns per product and day, for the rows of one group. */
  private static final class DaySums {
    private final List<NumericColumn<?>> columns;
    private final List<DoubleArrayList> sums = new ArrayList<>();

    /** The shop's product-day (a {@link CodeGroups} group) of each of this group's days. */
    private final IntArrayList days = new IntArrayList();

    /** Each of the shop's product-days' place among this group's days; -1 until it has a row. */
    private final int[] index;

    /**
     * @param shopDays how many product-days the shop's paid orders have
     */
    DaySums(List<NumericColumn<?>> columns, int shopDays) {
      this.columns = columns;
      columns.forEach(c -> sums.add(new DoubleArrayList()));
      index = new int[shopDays];
      Arrays.fill(index, -1);
    }

    void add(int day, int row) {
      int at = index[day];
      if (at < 0) {
        at = days.size();
        index[day] = at;
        days.add(day);
        sums.forEach(s -> s.add(0.0));
      }
      for (int c = 0; c < columns.size(); c++) {
        if (!columns.get(c).isMissing(row)) {
          DoubleArrayList sum = sums.get(c);
          sum.set(at, sum.getDouble(at) + columns.get(c).getDouble(row));
        }
      }
    }

    Table table(Table keys, String... names) {
      // Picked one by one: Table.rows() would give them in the table's order, not the days'.
      StringColumn products = keys.stringColumn(ColumnNames.PRODUCT_ID);
      DateColumn dates = keys.dateColumn(ColumnNames.DATE);
      StringColumn product = StringColumn.create(ColumnNames.PRODUCT_ID);
      DateColumn date = DateColumn.create(ColumnNames.DATE);
      for (int day : days) {
        product.append(products.get(day));
        date.appendInternal(dates.getIntInternal(day));
      }
      Table out = Table.create("groups", product, date);
      for (int c = 0; c < names.length; c++) {
        out.addColumns(DoubleColumn.create(names[c], sums.get(c).toDoubleArray()));
      }
      return out;
    }
  }
}
