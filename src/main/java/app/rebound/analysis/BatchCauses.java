package app.rebound.analysis;

import static tech.tablesaw.aggregate.AggregateFunctions.count;

import app.rebound.ingest.ColumnNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Stage 2: the likely cause of each deletion batch (system error, malicious report, violation),
 * from signals the merchant can check in their own exports. See {@link CauseRule} for the decision
 * and {@link BatchSignals} for what is measured.
 */
public final class BatchCauses {

  private BatchCauses() {}

  /** One answer per batch of the deleted-orders table (stage 1), in date order. */
  public static List<BatchCause> of(ShopData shop, Table deletedOrders) {
    return of(deletedOrders, new ShopBaseline(shop, deletedOrders));
  }

  static List<BatchCause> of(Table deletedOrders, ShopBaseline base) {
    Table batches =
        deletedOrders
            .summarize(ColumnNames.SUB_ORDER_ID, count)
            .by(DeletedOrders.BATCH, DeletedOrders.BATCH_DATE)
            .sortAscendingOn(DeletedOrders.BATCH_DATE, DeletedOrders.BATCH);
    List<BatchCause> out = new ArrayList<>();
    for (int row = 0; row < batches.rowCount(); row++) {
      String id = batches.stringColumn(DeletedOrders.BATCH).get(row);
      LocalDate date = batches.dateColumn(DeletedOrders.BATCH_DATE).get(row);
      out.add(one(id, date, batchRows(deletedOrders, id), base));
    }
    return out;
  }

  static Table batchRows(Table deletedOrders, String id) {
    return deletedOrders.where(deletedOrders.stringColumn(DeletedOrders.BATCH).isEqualTo(id));
  }

  static BatchCause one(String id, LocalDate date, Table rows, ShopBaseline base) {
    Map<String, Signal> signals = BatchSignals.measure(rows, date, base);
    List<String> products = productsByOrders(rows);
    CauseRule.Verdict verdict = CauseRule.decide(signals, rows.rowCount());
    Table found = rows.where(rows.booleanColumn(DeletedOrders.IN_ORDERS).isTrue());
    long units = (long) DeletionSummary.units(found);
    double money = Math.round(found.doubleColumn(ColumnNames.PAYABLE_AMOUNT).sum() * 100) / 100.0;
    List<Signal> all = new ArrayList<>(verdict.notes());
    all.addAll(signals.values());
    return new BatchCause(
        id,
        date,
        rows.rowCount(),
        units,
        money,
        products,
        verdict.cause(),
        Math.round(verdict.confidence() * 100) / 100.0,
        verdict.thin(),
        all,
        Consequences.of(verdict.cause(), date, money),
        verdict.odds());
  }

  /** Product ids, most deleted orders first, then by id. */
  static List<String> productsByOrders(Table rows) {
    Table counts = rows.summarize(ColumnNames.SUB_ORDER_ID, count).by(ColumnNames.PRODUCT_ID);
    String n = counts.columnNames().get(1);
    return counts
        .sortOn("-" + n, ColumnNames.PRODUCT_ID)
        .stringColumn(ColumnNames.PRODUCT_ID)
        .asList();
  }
}
