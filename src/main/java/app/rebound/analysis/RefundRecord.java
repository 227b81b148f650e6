package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One refund, the input of the refund-wave signal: from the orders export (售后状态 退款成功 with a 取消原因),
 * which has no application time and no 极速退款 flag, and where it is uploaded from the after-sales
 * export (售后列表: 商品单号, 售后申请时间, 是否极速退款, 退商品金额), whose record wins.
 *
 * @param subOrderId 子订单编号 (售后列表's 商品单号)
 * @param appliedAt 售后申请时间; null when not known
 * @param express 是否极速退款; null when not known
 * @param amount refunded yuan; null when not known
 */
public record RefundRecord(
    String subOrderId, LocalDateTime appliedAt, Boolean express, Double amount) {

  /**
   * Refunds the orders export shows: a refunded 售后状态 (退款成功, 已全额退款 …) with a cancel reason, keyed by
   * sub-order.
   */
  static Map<String, RefundRecord> fromOrders(Table orders) {
    Map<String, RefundRecord> out = new HashMap<>();
    StringColumn ids = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn status = orders.stringColumn(ColumnNames.AFTER_SALE_STATUS);
    StringColumn reason = orders.stringColumn(ColumnNames.CANCEL_REASON);
    DoubleColumn amount = orders.doubleColumn(ColumnNames.PAYABLE_AMOUNT);
    for (int row = 0; row < orders.rowCount(); row++) {
      if (AfterSales.refunded(status.get(row)) && !reason.get(row).isBlank()) {
        out.put(
            ids.get(row),
            new RefundRecord(
                ids.get(row), null, null, amount.isMissing(row) ? null : amount.get(row)));
      }
    }
    return out;
  }

  /**
   * The orders export's refunds with the after-sales export's requests laid over them: every
   * after-sale that is refunded or still open (an attack's wave is its requests, granted or not),
   * keyed by 商品单号, its latest request when one order has several.
   */
  static Map<String, RefundRecord> withAfterSales(
      Map<String, RefundRecord> fromOrders, Table afterSales) {
    Map<String, RefundRecord> out = new HashMap<>(fromOrders);
    StringColumn ids = afterSales.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn status = afterSales.stringColumn(ColumnNames.STATUS);
    var applied = afterSales.dateTimeColumn(ColumnNames.APPLIED_AT);
    boolean hasExpress = afterSales.columnNames().contains(ColumnNames.EXPRESS_REFUND);
    boolean hasAmount = afterSales.columnNames().contains(ColumnNames.REFUND_AMOUNT);
    for (int row = 0; row < afterSales.rowCount(); row++) {
      String state = status.get(row);
      if (!(AfterSales.refunded(state) || AfterSales.open(state))) {
        continue;
      }
      RefundRecord before = out.get(ids.get(row));
      LocalDateTime at = applied.get(row);
      if (before != null
          && before.appliedAt() != null
          && at != null
          && before.appliedAt().isAfter(at)) {
        continue;
      }
      Boolean express =
          hasExpress && !afterSales.booleanColumn(ColumnNames.EXPRESS_REFUND).isMissing(row)
              ? afterSales.booleanColumn(ColumnNames.EXPRESS_REFUND).get(row)
              : null;
      Double amount =
          hasAmount && !afterSales.numberColumn(ColumnNames.REFUND_AMOUNT).isMissing(row)
              ? afterSales.numberColumn(ColumnNames.REFUND_AMOUNT).getDouble(row)
              : before == null ? null : before.amount();
      out.put(ids.get(row), new RefundRecord(ids.get(row), at, express, amount));
    }
    return out;
  }
}
