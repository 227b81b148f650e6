package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The settled money against the paid orders and the deleted ones. */
class SettlementsTest {

  /** d1 is deleted; n1 and n2 are paid in the settlement period; old was paid before it. */
  static Table orders() {
    Table t = Rows.empty(FileKind.ORDERS);
    order(t, "d1", 100.00, "2026-05-02 10:00", "已完成", true);
    order(t, "n1", 50.00, "2026-05-03 10:00", "已完成", false);
    order(t, "n2", 30.00, "2026-05-20 10:00", "已发货", false);
    order(t, "closed", 80.00, "2026-05-04 10:00", "已关闭", false);
    order(t, "old", 40.00, "2026-04-20 10:00", "已完成", false);
    return t;
  }

  static void order(
      Table t, String id, double amount, String paidAt, String status, boolean deleted) {
    Rows.add(
        t,
        "sub_order_id",
        id,
        "product_id",
        "p1",
        "quantity",
        1,
        "payable_amount",
        amount,
        "submitted_at",
        paidAt,
        "paid_at",
        paidAt,
        "order_status",
        status,
        "sales_deleted",
        deleted);
  }

  static Table settlements() {
    Table t = Rows.empty(FileKind.SETTLEMENTS);
    settle(t, "d1", 94.00, "2026-05-10 08:00");
    settle(t, "n1", 47.00, "2026-05-12 08:00");
    settle(t, "n1", -5.00, "2026-05-25 08:00"); // a deduction after a partial refund
    settle(t, "old", 37.60, "2026-05-01 08:00");
    return t;
  }

  static void settle(Table t, String id, double amount, String at) {
    Rows.add(t, "sub_order_id", id, "settled_amount", amount, "settled_at", at);
  }

  static Settlements.Result of(Table settlements) {
    ShopData shop =
        ShopData.of(Map.of(FileKind.ORDERS, orders(), FileKind.SETTLEMENTS, settlements));
    return Settlements.of(shop, DeletedOrders.of(shop));
  }

  @Test
  void settled_money_is_totalled_over_its_period_with_the_deleted_orders_apart() {
    Settlements.Result r = of(settlements());
    assertTrue(r.measured());
    assertEquals(LocalDate.of(2026, 5, 1), r.from());
    assertEquals(LocalDate.of(2026, 5, 25), r.to());
    assertEquals(94.00 + 47.00 - 5.00 + 37.60, r.settled(), 1e-9, "deductions count negative");
    assertEquals(3, r.settledOrders(), "n1 settled twice is one sub-order");
    assertEquals(1, r.deletedOrders());
    assertEquals(1, r.deletedOrdersSettled());
    assertEquals(94.00, r.deletedSettled(), 1e-9);
  }

  @Test
  void the_share_settled_is_of_the_gmv_paid_in_the_period() {
    Settlements.Result r = of(settlements());
    // paid 1–25 May and not closed: d1, n1, n2 (old was paid before, closed never counts)
    assertEquals(180.00, r.paidGmv(), 1e-9);
    assertEquals(150.00, r.paidGmvSettled(), 1e-9, "n2 has not settled");
    assertEquals(0.8333, r.settledShare(), 1e-9);
  }

  @Test
  void a_period_without_paid_orders_has_no_share() {
    Table late = Rows.empty(FileKind.SETTLEMENTS);
    settle(late, "d1", 94.00, "2026-07-01 08:00");
    Settlements.Result r = of(late);
    assertTrue(r.measured());
    assertEquals(0.0, r.paidGmv());
    assertNull(r.settledShare(), "no share, never 0%");
  }

  @Test
  void without_the_export_it_names_the_download_to_upload() {
    Settlements.Result r = of(Rows.empty(FileKind.SETTLEMENTS));
    assertFalse(r.measured());
    assertEquals(Reason.of("upload", "结算账单.csv"), r.reason());
    assertEquals(1, r.deletedOrders());
    assertNull(r.from());
  }
}
