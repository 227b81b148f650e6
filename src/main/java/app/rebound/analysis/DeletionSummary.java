package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.OrderStates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * What was deleted: orders, units and money per batch and per product, and the share of each
 * product's displayed sales removed (deleted units ÷ the units its paid orders counted over the
 * export window).
 */
public final class DeletionSummary {

  private DeletionSummary() {}

  public record Batch(
      String id, LocalDate date, long orders, long units, double money, List<String> products) {}

  public record Product(
      String productId,
      String name,
      long orders,
      long units,
      double money,
      long countedUnits,
      double deletedShare) {}

  public record Result(
      long orders, long units, double money, List<Batch> batches, List<Product> products) {}

  public static Result of(Table deletedOrders, Table orders) {
    List<Batch> batches = new ArrayList<>();
    for (String batch : deletedOrders.stringColumn(DeletedOrders.BATCH).unique().asList()) {
      Table rows =
          deletedOrders.where(deletedOrders.stringColumn(DeletedOrders.BATCH).isEqualTo(batch));
      batches.add(
          new Batch(
              batch,
              rows.dateColumn(DeletedOrders.BATCH_DATE).min(),
              rows.rowCount(),
              (long) units(rows),
              money(rows),
              rows.stringColumn(ColumnNames.PRODUCT_ID).unique().asList().stream()
                  .sorted()
                  .toList()));
    }
    batches.sort(Comparator.comparing(Batch::date).thenComparing(Batch::id));

    Table counted = countedUnits(orders);
    List<Product> products = new ArrayList<>();
    for (String product :
        deletedOrders.stringColumn(ColumnNames.PRODUCT_ID).unique().asList().stream()
            .sorted()
            .toList()) {
      Table rows =
          deletedOrders.where(
              deletedOrders.stringColumn(ColumnNames.PRODUCT_ID).isEqualTo(product));
      Table countedRow =
          counted.where(counted.stringColumn(ColumnNames.PRODUCT_ID).isEqualTo(product));
      long countedUnits = countedRow.isEmpty() ? 0 : (long) countedRow.numberColumn(1).getDouble(0);
      long deletedUnits = (long) units(rows);
      String name =
          rows.stringColumn(ColumnNames.PRODUCT_NAME).asList().stream()
              .filter(s -> !s.isEmpty())
              .findFirst()
              .orElse("");
      products.add(
          new Product(
              product,
              name,
              rows.rowCount(),
              deletedUnits,
              money(rows),
              countedUnits,
              countedUnits == 0 ? 0 : Math.min(1.0, deletedUnits / (double) countedUnits)));
    }
    return new Result(
        deletedOrders.rowCount(),
        (long) units(deletedOrders),
        money(deletedOrders),
        batches,
        products);
  }

  /** Units of paid orders per product: what the displayed sales counted before any deletion. */
  static Table countedUnits(Table orders) {
    Table paid =
        Views.columns(orders, ColumnNames.PRODUCT_ID, ColumnNames.QUANTITY)
            .where(
                orders
                    .dateTimeColumn(ColumnNames.PAID_AT)
                    .isNotMissing()
                    .and(
                        orders
                            .stringColumn(ColumnNames.ORDER_STATUS)
                            .isNotEqualTo(OrderStates.CLOSED)));
    return ByProduct.sums(paid, ColumnNames.QUANTITY);
  }

  /** The rows' units: an empty or absent 商品数量 counts as one, since each line is at least one. */
  static double units(Table rows) {
    return rows.intColumn(ColumnNames.QUANTITY).isMissing().size() == rows.rowCount()
        ? rows.rowCount()
        : rows.intColumn(ColumnNames.QUANTITY).sum()
            + rows.intColumn(ColumnNames.QUANTITY).isMissing().size();
  }

  private static double money(Table rows) {
    return Math.round(rows.doubleColumn(ColumnNames.PAYABLE_AMOUNT).sum() * 100) / 100.0;
  }
}
