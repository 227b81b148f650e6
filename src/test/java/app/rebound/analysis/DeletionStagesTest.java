package app.rebound.analysis;

import static app.rebound.analysis.Rows.add;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Stage 1 on hand-made tables: which orders were deleted, in which batch, and the share of sales
 * removed.
 */
class DeletionStagesTest {

  static final String P1 = "3500000000000000001";
  static final String P2 = "3500000000000000002";

  static Table orders() {
    Table orders = Rows.empty(FileKind.ORDERS);
    // P1: four paid orders of 2, 1, 1, 1 units (5 counted) and one closed order that never counted.
    order(orders, "1", P1, "面霜", 2, 20.0, "2026-05-01 10:00", "已完成");
    order(orders, "2", P1, "面霜", 1, 10.0, "2026-05-02 10:00", "已完成");
    order(orders, "3", P1, "面霜", 1, 10.0, "2026-05-03 10:00", "已完成");
    order(orders, "4", P1, "面霜", 1, 10.0, "2026-05-04 10:00", "已发货");
    order(orders, "5", P1, "面霜", 3, 30.0, "2026-05-04 11:00", "已关闭");
    // P2: one paid order, flagged as deleted inside the orders export, without a notice.
    add(
        orders,
        "sub_order_id",
        "6",
        "product_id",
        P2,
        "product_name",
        "袜子",
        "quantity",
        4,
        "payable_amount",
        40.0,
        "submitted_at",
        "2026-05-05 10:00",
        "paid_at",
        "2026-05-05 10:01",
        "order_status",
        "已完成",
        "sales_deleted",
        true);
    return orders;
  }

  /** A paid order, paid a minute after it was submitted at {@code submitted}. */
  private static void order(
      Table orders,
      String id,
      String product,
      String name,
      int quantity,
      double amount,
      String submitted,
      String status) {
    LocalDateTime at = LocalDateTime.parse(submitted.replace(' ', 'T'));
    add(
        orders,
        "sub_order_id",
        id,
        "product_id",
        product,
        "product_name",
        name,
        "quantity",
        quantity,
        "payable_amount",
        amount,
        "submitted_at",
        submitted,
        "paid_at",
        at.plusMinutes(1).toString().replace('T', ' '),
        "order_status",
        status);
  }

  static Table deletions() {
    Table deletions = Rows.empty(FileKind.DELETIONS);
    Rows.deletion(deletions, "1", P1, "2026-05-10 00:00", "WG1");
    Rows.deletion(deletions, "2", P1, "2026-05-11 00:00", "WG1");
    add(deletions, "sub_order_id", "3", "processed_at", "2026-05-12 00:00");
    return deletions;
  }

  @Test
  void deleted_orders_come_from_the_deletions_file_and_the_orders_flag_with_their_batches() {
    ShopData shop = ShopData.of(Map.of(FileKind.ORDERS, orders(), FileKind.DELETIONS, deletions()));
    Table deleted = DeletedOrders.of(shop);
    assertEquals(
        List.of("1", "2", "3", "6"),
        deleted.sortOn("sub_order_id").stringColumn("sub_order_id").asList());
    Table sorted = deleted.sortOn("sub_order_id");
    // A notice groups its orders and dates the batch by its first processing day; without a notice
    // the processing day is the batch.
    assertEquals(
        List.of("WG1", "WG1", "2026-05-12", "flagged"),
        sorted.stringColumn(DeletedOrders.BATCH).asList());
    assertEquals(
        List.of(
            LocalDate.of(2026, 5, 10),
            LocalDate.of(2026, 5, 10),
            LocalDate.of(2026, 5, 12),
            LocalDate.of(2026, 5, 6)),
        sorted.dateColumn(DeletedOrders.BATCH_DATE).asList());
    // The product comes from the order when the deletion notice does not name it.
    assertEquals(P1, sorted.stringColumn("product_id").get(2));
    assertEquals(
        List.of("deletions", "deletions", "deletions", "orders_flag"),
        sorted.stringColumn(DeletedOrders.SOURCE).asList());
  }

  @Test
  void the_share_of_displayed_sales_removed_is_deleted_units_over_counted_units() {
    ShopData shop = ShopData.of(Map.of(FileKind.ORDERS, orders(), FileKind.DELETIONS, deletions()));
    DeletionSummary.Result summary = DeletionSummary.of(DeletedOrders.of(shop), shop.orders());
    assertEquals(4, summary.orders());
    assertEquals(2 + 1 + 1 + 4, summary.units());
    assertEquals(80.0, summary.money());
    DeletionSummary.Product p1 = summary.products().get(0);
    assertEquals(P1, p1.productId());
    assertEquals(4, p1.units());
    assertEquals(5, p1.countedUnits()); // the closed order never counted
    assertEquals(0.8, p1.deletedShare(), 1e-9);
    assertEquals(1.0, summary.products().get(1).deletedShare(), 1e-9);
    assertEquals(
        List.of("2026-05-06", "2026-05-10", "2026-05-12"),
        summary.batches().stream().map(b -> b.date().toString()).toList());
  }

  @Test
  void traffic_loss_is_exact_when_the_affected_product_keeps_a_fixed_share_of_the_controls() {
    Table traffic = Rows.empty(FileKind.TRAFFIC);
    LocalDate start = LocalDate.of(2026, 5, 4);
    for (int d = 0; d < 42; d++) {
      LocalDate day = start.plusDays(d);
      int weekly = day.getDayOfWeek().getValue() >= 6 ? 150 : 100;
      int trend = d * 2;
      // Two unaffected products; P1 draws half their sum, and loses 10 visitors a day from day 28.
      for (String product : List.of("C1", "C2", P1)) {
        int visitors = weekly + trend - (product.equals(P1) && d >= 28 ? 10 : 0);
        add(
            traffic,
            "date",
            day.toString(),
            "product_id",
            product,
            "impressions",
            1000,
            "visitors",
            visitors,
            "buyers",
            5);
      }
    }
    Table orders = Rows.empty(FileKind.ORDERS);
    add(
        orders,
        "sub_order_id",
        "9",
        "product_id",
        P1,
        "quantity",
        1,
        "payable_amount",
        9.9,
        "submitted_at",
        "2026-05-10 10:00",
        "paid_at",
        "2026-05-10 10:00",
        "order_status",
        "已完成");
    Table deletions = Rows.empty(FileKind.DELETIONS);
    Rows.deletion(deletions, "9", P1, start.plusDays(28) + " 00:00", "WG9");
    ShopData shop =
        ShopData.of(
            Map.of(
                FileKind.ORDERS, orders, FileKind.DELETIONS, deletions, FileKind.TRAFFIC, traffic));

    TrafficImpact.Result impact = TrafficImpact.of(shop, DeletedOrders.of(shop));
    assertTrue(impact.visitors().measured());
    assertEquals(14 * 10, impact.visitors().loss(), 1e-6);
    assertEquals(0, impact.impressions().loss(), 1e-6);
  }

  @Test
  void without_the_traffic_export_traffic_is_not_measured_and_says_which_file_to_upload() {
    ShopData shop = ShopData.of(Map.of(FileKind.ORDERS, orders(), FileKind.DELETIONS, deletions()));
    TrafficImpact.Result impact = TrafficImpact.of(shop, DeletedOrders.of(shop));
    assertFalse(impact.visitors().measured());
    assertEquals(Reason.of("upload", "商品流量.csv"), impact.visitors().reason());
    assertEquals(0, impact.visitors().loss());
  }
}
