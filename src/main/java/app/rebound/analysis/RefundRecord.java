package app.rebound.analysis;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One refund, the input of the refund-wave signal. Today it comes from the orders export (售后状态 退款成功
 * with a 取消原因), which has no application time and no 极速退款 flag; the after-sales export (售后列表.csv:
 * 商品单号, 售后申请时间, 是否极速退款, 退商品金额) will fill those in.
 *
 * @param subOrderId 子订单编号 (售后列表's 商品单号)
 * @param appliedAt 售后申请时间; null when not known
 * @param express 是否极速退款; null when not known
 * @param amount refunded yuan; null when not known
 */
public record RefundRecord(
    String subOrderId, LocalDateTime appliedAt, Boolean express, Double amount) {

  /** Refunds the orders export shows: 退款成功 with a cancel reason, keyed by sub-order. */
  static Map<String, RefundRecord> fromOrders(Table orders) {
    Map<String, RefundRecord> out = new HashMap<>();
    StringColumn ids = orders.stringColumn("sub_order_id");
    StringColumn status = orders.stringColumn("after_sale_status");
    StringColumn reason = orders.stringColumn("cancel_reason");
    DoubleColumn amount = orders.doubleColumn("payable_amount");
    for (int row = 0; row < orders.rowCount(); row++) {
      if (ShopBaseline.REFUNDED.equals(status.get(row)) && !reason.get(row).isBlank()) {
        out.put(
            ids.get(row),
            new RefundRecord(
                ids.get(row), null, null, amount.isMissing(row) ? null : amount.get(row)));
      }
    }
    return out;
  }
}
