package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The money the shop was paid (结算账单) beside what its buyers paid: the settled total over the
 * settlement export's period, the deleted orders' part of it, and the share of the GMV paid in that
 * period whose sub-orders have settled. A deletion removes sales from the displayed count; the
 * deleted orders' money that settled reached the shop all the same.
 */
public final class Settlements {

  /** The export the figures need. */
  public static final String NEEDS = FileKind.SETTLEMENTS.csvName();

  private Settlements() {}

  /**
   * What the settlement export says, in yuan.
   *
   * @param from the first day a settlement in the export was made (结算时间); null when not measured
   * @param to the last such day
   * @param settled the 结算金额 of every settlement in the export: net of the platform's fee and
   *     commissions, deductions counted negative
   * @param settledOrders the sub-orders with a settlement
   * @param deletedOrders the deleted sub-orders, whether settled or not
   * @param deletedOrdersSettled the deleted sub-orders with a settlement
   * @param deletedSettled their 结算金额
   * @param paidGmv the payable amount of the orders paid from {@code from} to {@code to} (closed
   *     orders left out): the paid GMV of the period
   * @param paidGmvSettled the part of it whose sub-orders have a settlement
   * @param settledShare paidGmvSettled ÷ paidGmv; null when the orders export has no order paid in
   *     the period
   */
  public record Result(
      boolean measured,
      Reason reason,
      String needs,
      LocalDate from,
      LocalDate to,
      double settled,
      long settledOrders,
      long deletedOrders,
      long deletedOrdersSettled,
      double deletedSettled,
      double paidGmv,
      double paidGmvSettled,
      Double settledShare) {

    /** Without the settlement export: every figure unknown, the export named. */
    public static Result notMeasured(long deletedOrders) {
      return new Result(
          false,
          Reason.of("upload", NEEDS),
          NEEDS,
          null,
          null,
          0,
          0,
          deletedOrders,
          0,
          0,
          0,
          0,
          null);
    }
  }

  /** The shop's settlements against its orders and its deleted orders (one row each). */
  public static Result of(ShopData shop, Table deleted) {
    Set<String> deletedIds = new HashSet<>(deleted.stringColumn(ColumnNames.SUB_ORDER_ID).asList());
    Table settlements = shop.table(FileKind.SETTLEMENTS);
    if (settlements.isEmpty()) {
      return Result.notMeasured(deletedIds.size());
    }
    StringColumn ids = settlements.stringColumn(ColumnNames.SUB_ORDER_ID);
    DoubleColumn amounts = settlements.doubleColumn(ColumnNames.SETTLED_AMOUNT);
    DateTimeColumn times = settlements.dateTimeColumn(ColumnNames.SETTLED_AT);
    Set<String> settledIds = new HashSet<>();
    Set<String> deletedSettledIds = new HashSet<>();
    double settled = 0;
    double deletedSettled = 0;
    for (int row = 0; row < settlements.rowCount(); row++) {
      String id = ids.get(row);
      settledIds.add(id);
      settled += amounts.getDouble(row);
      if (deletedIds.contains(id)) {
        deletedSettledIds.add(id);
        deletedSettled += amounts.getDouble(row);
      }
    }
    LocalDate from = times.min().toLocalDate();
    LocalDate to = times.max().toLocalDate();
    double[] paid = paidInPeriod(shop.orders(), from, to, settledIds);
    return new Result(
        true,
        null,
        NEEDS,
        from,
        to,
        ImpactReport.round(settled, 2),
        settledIds.size(),
        deletedIds.size(),
        deletedSettledIds.size(),
        ImpactReport.round(deletedSettled, 2),
        ImpactReport.round(paid[0], 2),
        ImpactReport.round(paid[1], 2),
        paid[0] > 0 ? ImpactReport.round(paid[1] / paid[0], 4) : null);
  }

  /**
   * The paid GMV of the orders paid from {@code from} to {@code to}, and the part of it settled. An
   * order settles after it is paid, so one paid in the period and settled by its end is in the
   * export: the share is what had settled by then.
   */
  private static double[] paidInPeriod(
      Table orders, LocalDate from, LocalDate to, Set<String> settledIds) {
    StringColumn ids = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    DateTimeColumn paidAt = orders.dateTimeColumn(ColumnNames.PAID_AT);
    StringColumn status = orders.stringColumn(ColumnNames.ORDER_STATUS);
    DoubleColumn payable = orders.doubleColumn(ColumnNames.PAYABLE_AMOUNT);
    double paid = 0;
    double paidSettled = 0;
    for (int row = 0; row < orders.rowCount(); row++) {
      LocalDateTime at = paidAt.get(row);
      if (at == null
          || TrustImpact.CLOSED.equals(status.get(row))
          || at.toLocalDate().isBefore(from)
          || at.toLocalDate().isAfter(to)) {
        continue;
      }
      paid += payable.getDouble(row);
      if (settledIds.contains(ids.get(row))) {
        paidSettled += payable.getDouble(row);
      }
    }
    return new double[] {paid, paidSettled};
  }
}
