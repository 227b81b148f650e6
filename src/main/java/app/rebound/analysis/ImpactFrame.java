package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What the trust and partnership measures share: which products are affected and from when, which
 * are the comparison, the shop's first deletion date, the calendar window of the orders export, and
 * the deleted sub-orders (left out of every measure: the platform removed them with their reviews,
 * and a violation's paid orders say nothing about real buyers).
 *
 * @param splits affected product → its first deletion date (the earliest batch_date if several)
 * @param unaffected the shop's other products, seen in any export
 * @param firstDeletion the earliest split; null when nothing was deleted
 * @param windowStart first day of the orders export; null without orders
 * @param windowEnd last day of the orders export
 */
record ImpactFrame(
    Map<String, LocalDate> splits,
    Set<String> unaffected,
    LocalDate firstDeletion,
    Map<String, String> names,
    LocalDate windowStart,
    LocalDate windowEnd,
    Set<String> deletedSubOrders) {

  static final Reason NO_DELETIONS = Reason.of("no_deletions");

  static ImpactFrame of(ShopData shop, Table deletedOrders) {
    Table splitTable = productSplits(deletedOrders);
    Map<String, LocalDate> splits = new TreeMap<>();
    for (int row = 0; row < splitTable.rowCount(); row++) {
      splits.put(
          splitTable.stringColumn(ColumnNames.PRODUCT_ID).get(row),
          splitTable.dateColumn("split_date").get(row));
    }
    Set<String> products = new TreeSet<>();
    for (FileKind kind : new FileKind[] {FileKind.ORDERS, FileKind.REVIEWS, FileKind.AFFILIATES}) {
      for (String id :
          shop.table(kind)
              .stringColumn(ColumnNames.PRODUCT_ID)
              .asSet()) { // the dictionary's values, not every row
        if (!id.isEmpty()) {
          products.add(id);
        }
      }
    }
    products.removeAll(splits.keySet());
    LocalDate first = splits.values().stream().min(LocalDate::compareTo).orElse(null);
    Map<String, String> names = new LinkedHashMap<>();
    Table orders = shop.orders();
    LocalDate start = null;
    LocalDate end = null;
    // Columns looked up once: a lookup by name per row costs seconds over a million orders.
    StringColumn productNames = orders.stringColumn(ColumnNames.PRODUCT_NAME);
    StringColumn productIds = orders.stringColumn(ColumnNames.PRODUCT_ID);
    for (int row = 0; row < orders.rowCount(); row++) {
      String name = productNames.get(row);
      if (!name.isEmpty()) {
        names.putIfAbsent(productIds.get(row), name);
      }
    }
    DateTimeColumn submitted = orders.dateTimeColumn(ColumnNames.SUBMITTED_AT);
    if (submitted.countMissing() < submitted.size()) {
      start = submitted.min().toLocalDate();
      end = submitted.max().toLocalDate();
    }
    Set<String> deleted =
        new HashSet<>(deletedOrders.stringColumn(ColumnNames.SUB_ORDER_ID).asList());
    return new ImpactFrame(
        Collections.unmodifiableMap(splits),
        Collections.unmodifiableSet(products),
        first,
        names,
        start,
        end,
        Collections.unmodifiableSet(deleted));
  }

  /** Stage: one row per affected product with its first deletion date (product_id, split_date). */
  static Table productSplits(Table deletedOrders) {
    Map<String, LocalDate> first = new TreeMap<>();
    StringColumn products = deletedOrders.stringColumn(ColumnNames.PRODUCT_ID);
    DateColumn dates = deletedOrders.dateColumn(DeletedOrders.BATCH_DATE);
    for (int row = 0; row < deletedOrders.rowCount(); row++) {
      String product = products.get(row);
      LocalDate date = dates.get(row);
      if (product.isEmpty() || date == null) {
        continue;
      }
      first.merge(product, date, (a, b) -> a.isBefore(b) ? a : b);
    }
    Table out =
        Table.create(
            "product_splits",
            StringColumn.create(ColumnNames.PRODUCT_ID),
            DateColumn.create("split_date"));
    first.forEach(
        (product, date) -> {
          out.stringColumn(ColumnNames.PRODUCT_ID).append(product);
          out.dateColumn("split_date").append(date);
        });
    return out;
  }

  boolean hasDeletions() {
    return firstDeletion != null;
  }

  /**
   * Why nothing can be measured from this frame: no deletions, or no orders in the window before
   * them. Null when it can be measured.
   */
  Reason whyNotMeasurable() {
    if (!hasDeletions()) {
      return NO_DELETIONS;
    }
    return windowStart == null ? Reason.of("upload", TrafficImpact.NEEDS_ORDERS) : null;
  }

  String name(String productId) {
    return names.getOrDefault(productId, "");
  }

  /** Days of the orders window, or 0 without orders. */
  int days() {
    return windowStart == null ? 0 : (int) (windowEnd.toEpochDay() - windowStart.toEpochDay() + 1);
  }

  /** Index of a date in the window (may be negative or beyond the end). */
  int index(LocalDate date) {
    return (int) (date.toEpochDay() - windowStart.toEpochDay());
  }
}
