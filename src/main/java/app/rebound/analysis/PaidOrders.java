package app.rebound.analysis;

import app.rebound.ingest.OrderStates;
import java.time.LocalDateTime;
import java.util.Set;
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
 * reads the orders once into this small table and selects its rows, instead of copying the whole
 * orders table per subset.
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
    StringColumn ids = orders.stringColumn("sub_order_id");
    StringColumn products = orders.stringColumn("product_id");
    DateTimeColumn paidAt = orders.dateTimeColumn("paid_at");
    DateTimeColumn completedAt = orders.dateTimeColumn("completed_at");
    NumericColumn<?> amounts = orders.numberColumn("payable_amount");
    StringColumn status = orders.stringColumn("order_status");
    StringColumn afterSale = orders.stringColumn("after_sale_status");
    StringColumn product = StringColumn.create("product_id");
    DateColumn date = DateColumn.create("date");
    DoubleColumn amount = DoubleColumn.create("payable_amount");
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
    Table open = paidOrders.where(paidOrders.booleanColumn("closed").isFalse());
    Table daily = ProductDays.sums(open, "payable_amount");
    daily.column("payable_amount").setName("gmv");
    return daily;
  }

  /**
   * Paid orders per product and day of payment, with how many were completed and how many refunded
   * or in after-sale (as the trust page's refund rate counts).
   */
  static Table dailyCounts(Table paidOrders) {
    return ProductDays.sums(paidOrders, "paid", "completed", "refunded");
  }
}
