package app.rebound.ingest;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The words 抖店 writes for an order's 订单状态 and 售后状态 (shared/docs/douyin-exports.md), and what each
 * means to the analysis. A value outside them is kept as written and counted in the file's report
 * ({@link Problem#UNKNOWN_VALUES}); the analysis reads it as no known state: not completed, not
 * closed, not refunded, no after-sale under way.
 */
public final class OrderStates {

  public static final String COMPLETED = "已完成";
  public static final String CLOSED = "已关闭";

  /** 订单状态 as the order export writes it. */
  public static final Set<String> ORDER_STATUSES = Set.of(COMPLETED, "已发货", CLOSED, "待发货", "待支付");

  /** 售后状态: the money went back to the buyer. */
  public static final Set<String> REFUNDED =
      Set.of("退款成功", "已全额退款", "同意退款，退款成功", "同意退款,退款成功", "退货退款成功");

  /**
   * 售后状态: an after-sale under way, not refunded yet and not "no refund" either (the appeal may not
   * claim it).
   */
  public static final Set<String> OPEN =
      Set.of("售后中", "退款中", "待收退货", "售后待处理", "待退货", "待商家处理", "待买家退货", "待商家收货", "仲裁中");

  /** 售后状态: the after-sale ended without a refund (closed or withdrawn). */
  public static final Set<String> ENDED_WITHOUT_REFUND = Set.of("售后关闭", "售后已关闭", "退款关闭");

  /** Every 售后状态 with a meaning ("-", no after-sale, is an empty cell). */
  public static final Set<String> AFTER_SALE_STATUSES = union(REFUNDED, OPEN, ENDED_WITHOUT_REFUND);

  private OrderStates() {}

  /**
   * The values a kind's status column may hold, or empty for a column of free text: 订单状态 and 售后状态
   * of the orders, 售后状态 of the after-sales export.
   */
  static Optional<Set<String>> vocabulary(FileKind kind, String field) {
    return Optional.ofNullable(
        switch (kind) {
          case ORDERS ->
              switch (field) {
                case ColumnNames.ORDER_STATUS -> ORDER_STATUSES;
                case ColumnNames.AFTER_SALE_STATUS -> AFTER_SALE_STATUSES;
                default -> null;
              };
          case AFTER_SALES -> field.equals(ColumnNames.STATUS) ? AFTER_SALE_STATUSES : null;
          default -> null;
        });
  }

  public static boolean completed(String orderStatus) {
    return orderStatus != null && COMPLETED.equals(orderStatus.strip());
  }

  public static boolean closed(String orderStatus) {
    return orderStatus != null && CLOSED.equals(orderStatus.strip());
  }

  public static boolean refunded(String afterSaleStatus) {
    return afterSaleStatus != null && REFUNDED.contains(afterSaleStatus.strip());
  }

  public static boolean open(String afterSaleStatus) {
    return afterSaleStatus != null && OPEN.contains(afterSaleStatus.strip());
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new HashSet<>();
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    return Set.copyOf(all);
  }
}
