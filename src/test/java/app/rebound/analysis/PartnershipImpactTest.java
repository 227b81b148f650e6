package app.rebound.analysis;

import static app.rebound.analysis.Rows.add;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Twenty days, 2026-06-01 to 06-20 (set by the orders export). Product A lost sales on 06-11 (day
 * 10), so days 0–9 are before and 10–19 after, for A and for the unaffected U1 and U2 alike.
 */
class PartnershipImpactTest {

  static final String A = TrustImpactTest.A;
  static final String U1 = TrustImpactTest.U1;
  static final String U2 = TrustImpactTest.U2;
  static final String DELETED = TrustImpactTest.DELETED;
  static final String X = "7590000000000000001";
  static final String Y = "7590000000000000002";
  static final String Z = "7590000000000000003";
  static final String W = "7590000000000000004";
  static final String Q = "7590000000000000005";

  static Table deletions() {
    return Rows.deletion(Rows.empty(FileKind.DELETIONS), DELETED, A, "2026-06-11 09:00", "WG1");
  }

  /**
   * A: X orders ¥10 on 06-01 and ¥20 on 06-12 (active days 0–6 and 11–17: 0.7 a day before, 0.7
   * after; GMV ¥1 a day before, ¥2 after). The deleted order by Q on 06-05 is left out. U1: X
   * orders ¥30 on 06-01 (0.7 before, 0 after; ¥3 then ¥0), and an order without affiliate on 06-20
   * closes the window. U2 sells once, without an affiliate.
   */
  static Table orders() {
    Table t = Rows.empty(FileKind.ORDERS);
    order(t, "1", A, "2026-06-01 10:00", 10, X);
    order(t, "2", A, "2026-06-12 10:00", 20, X);
    order(t, DELETED, A, "2026-06-05 10:00", 50, Q);
    order(t, "3", U1, "2026-06-01 11:00", 30, X);
    order(t, "4", U1, "2026-06-20 11:00", 40, null);
    order(t, "5", U2, "2026-06-03 11:00", 5, null);
    return t;
  }

  static void order(
      Table t, String id, String product, String time, double amount, String affiliate) {
    add(
        t,
        "sub_order_id",
        id,
        "product_id",
        product,
        "quantity",
        1,
        "payable_amount",
        amount,
        "submitted_at",
        time,
        "paid_at",
        time,
        "affiliate_id",
        affiliate,
        "order_status",
        "已完成");
  }

  /**
   * A: X and Y from 06-01; Y cancels 06-13; Z cooperates since 05-20 and cancels 06-15 (the 06-16
   * repeat of 已取消 is the same cancellation). Active before: 3 a day; after: X 10 days + Y 2 + Z 4 =
   * 1.6 a day. Cancellations: 0 before, 2 in 10 days after = 6 per 30 days. U1: X all along (1 and
   * 1). U2: W from 06-01, cancelled 06-05: active 4 of 10 days before (0.4), 0 after; 1
   * cancellation before (3 per 30 days).
   */
  static Table cooperation() {
    Table t = Rows.empty(FileKind.AFFILIATES);
    coop(t, "2026-05-20", Z, A, "合作中");
    coop(t, "2026-06-01", X, A, "合作中");
    coop(t, "2026-06-01", Y, A, "合作中");
    coop(t, "2026-06-01", X, U1, "合作中");
    coop(t, "2026-06-01", W, U2, "合作中");
    coop(t, "2026-06-05", W, U2, "已取消");
    coop(t, "2026-06-13", Y, A, "已取消");
    coop(t, "2026-06-15", Z, A, "已取消");
    coop(t, "2026-06-16", Z, A, "已取消");
    return t;
  }

  static void coop(Table t, String date, String affiliate, String product, String status) {
    add(t, "date", date, "affiliate_id", affiliate, "product_id", product, "status", status);
  }

  static MeasuredEffects partnerships(boolean withCooperation) {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    tables.put(FileKind.ORDERS, orders());
    tables.put(FileKind.DELETIONS, deletions());
    if (withCooperation) {
      tables.put(FileKind.AFFILIATES, cooperation());
    }
    ShopData shop = ShopData.of(tables);
    return PartnershipImpact.of(shop, DeletedOrders.of(shop));
  }

  static Measure find(List<Measure> measures, String id) {
    return TrustImpactTest.find(measures, id);
  }

  /** The t prediction interval for one product against two unaffected changes c1, c2. */
  static double predictionHalf(double c1, double c2) {
    double mean = (c1 + c2) / 2;
    double variance = (c1 - mean) * (c1 - mean) + (c2 - mean) * (c2 - mean); // n − 1 = 1
    return 12.706204736174698 * Math.sqrt(variance * 1.5);
  }

  @Test
  void cooperation_export_gives_active_affiliates_and_cancellations_per_30_days() {
    MeasuredEffects r = partnerships(true);
    assertEquals(LocalDate.of(2026, 6, 11), r.firstDeletion());
    Measure active = find(r.shop(), "cooperating_affiliates");
    assertTrue(active.measured(), String.valueOf(active.reason()));
    assertEquals(3.0, active.affected().before(), 1e-12);
    assertEquals(1.6, active.affected().after(), 1e-12);
    assertEquals((1 + 0.4) / 2, active.unaffected().before(), 1e-12);
    assertEquals((1 + 0.0) / 2, active.unaffected().after(), 1e-12);
    assertEquals(2, active.unaffected().nBefore(), "products are the units");
    // -1.4 − mean(0, −0.4) = −1.2
    assertEquals(-1.2, active.effect().estimate(), 1e-12);
    assertEquals(-1.2 - predictionHalf(0, -0.4), active.effect().low(), 1e-6);
    assertEquals(Did.ONE_UNIT, active.effect().method());

    Measure cancels = find(r.shop(), "affiliate_cancellations");
    assertEquals("per_30_days", cancels.unit());
    assertEquals(0.0, cancels.affected().before(), 1e-12);
    assertEquals(6.0, cancels.affected().after(), 1e-12);
    // +6 − mean(0, −3) = 7.5
    assertEquals(7.5, cancels.effect().estimate(), 1e-12);
    assertEquals(7.5 + predictionHalf(0, -3), cancels.effect().high(), 1e-6);

    Series perDay =
        r.series().stream()
            .filter(s -> s.id().equals("affiliate_cancellations_per_day"))
            .findFirst()
            .orElseThrow();
    assertEquals(20, perDay.points().size());
    assertEquals(1.0, perDay.points().get(12).affected(), "Y on 06-13");
    assertEquals(1.0, perDay.points().get(4).unaffected(), "W on 06-05");
    assertEquals(
        0.0, perDay.points().get(15).affected(), "the repeated 已取消 on 06-16 is not counted again");
  }

  @Test
  void orders_give_affiliates_active_in_a_trailing_week_and_their_gmv_without_deleted_orders() {
    MeasuredEffects r = partnerships(true);
    Measure active = find(r.shop(), "active_affiliates");
    assertEquals(
        0.7, active.affected().before(), 1e-12, "the deleted order's affiliate Q is left out");
    assertEquals(0.7, active.affected().after(), 1e-12);
    assertEquals(0.35, active.unaffected().before(), 1e-12);
    assertEquals(0.0, active.unaffected().after(), 1e-12);
    // 0 − mean(−0.7, 0) = 0.35
    assertEquals(0.35, active.effect().estimate(), 1e-12);

    Measure gmv = find(r.shop(), "affiliate_gmv");
    assertEquals(1.0, gmv.affected().before(), 1e-12);
    assertEquals(2.0, gmv.affected().after(), 1e-12);
    // +1 − mean(−3, 0) = 2.5
    assertEquals(2.5, gmv.effect().estimate(), 1e-12);
    assertEquals(2.5 - predictionHalf(-3, 0), gmv.effect().low(), 1e-6);

    ProductImpact a = r.products().get(0);
    assertEquals(A, a.productId());
    assertEquals(2.5, find(a.measures(), "affiliate_gmv").effect().estimate(), 1e-12);
  }

  @Test
  void without_the_cooperation_export_only_the_orders_based_measures_are_given() throws Exception {
    MeasuredEffects r = partnerships(false);
    for (String id : List.of("cooperating_affiliates", "affiliate_cancellations")) {
      Measure m = find(r.shop(), id);
      assertFalse(m.measured());
      assertEquals("达人合作.csv", m.needs());
      Reason upload = Reason.of("upload_commissions", "精选联盟订单明细.xlsx", "达人合作.csv");
      assertEquals(upload, m.reason());
      assertNull(m.effect());
      assertEquals(upload, find(r.products().get(0).measures(), id).reason());
    }
    assertTrue(find(r.shop(), "active_affiliates").measured());
    assertTrue(find(r.shop(), "affiliate_gmv").measured());
    Series coop =
        r.series().stream()
            .filter(s -> s.id().equals("cooperating_affiliates_per_day"))
            .findFirst()
            .orElseThrow();
    assertFalse(coop.measured());
    String json = Json.MAPPER.writeValueAsString(r);
    assertTrue(json.contains("\"unaffected_products\" : 2"));
    assertFalse(json.contains("NaN"));
  }

  /** The affiliate orders of {@link #orders()} as 精选联盟 commission orders, plus a refunded one. */
  static Table commissions() {
    Table t = Rows.empty(FileKind.COMMISSIONS);
    commission(t, "1", A, "2026-06-01 10:00", 10, X, "订单结算");
    commission(t, "2", A, "2026-06-12 10:00", 20, X, "订单付款");
    commission(t, DELETED, A, "2026-06-05 10:00", 50, Q, "订单结算");
    commission(t, "3", U1, "2026-06-01 11:00", 30, X, "订单结算");
    commission(t, "9", U1, "2026-06-15 11:00", 99, W, "订单退货退款");
    return t;
  }

  static void commission(
      Table t,
      String id,
      String product,
      String time,
      double amount,
      String affiliate,
      String status) {
    add(
        t,
        "sub_order_id",
        id,
        "product_id",
        product,
        "affiliate_account",
        affiliate,
        "paid_amount",
        amount,
        "paid_at",
        time,
        "status",
        status);
  }

  @Test
  void commission_orders_give_the_same_affiliate_measures_as_the_orders_affiliate_ids() {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    Table withoutIds = orders();
    withoutIds.stringColumn("affiliate_id").setMissingTo("");
    tables.put(FileKind.ORDERS, withoutIds);
    tables.put(FileKind.DELETIONS, deletions());
    tables.put(FileKind.COMMISSIONS, commissions());
    ShopData shop = ShopData.of(tables);
    MeasuredEffects fromCommissions = PartnershipImpact.of(shop, DeletedOrders.of(shop));
    MeasuredEffects fromOrders = partnerships(false);
    for (String id : List.of("active_affiliates", "affiliate_gmv")) {
      Measure c = find(fromCommissions.shop(), id);
      Measure o = find(fromOrders.shop(), id);
      assertEquals("精选联盟订单明细.xlsx", c.needs());
      assertTrue(c.measured(), String.valueOf(c.reason()));
      assertEquals(o.affected().before(), c.affected().before(), 1e-12, id);
      assertEquals(o.affected().after(), c.affected().after(), 1e-12, id);
      assertEquals(o.unaffected().after(), c.unaffected().after(), 1e-12, id + ": refund left out");
      assertEquals(o.effect().estimate(), c.effect().estimate(), 1e-12, id);
    }
    Measure cooperating = find(fromCommissions.shop(), "cooperating_affiliates");
    assertTrue(cooperating.measured(), String.valueOf(cooperating.reason()));
    assertEquals("精选联盟订单明细.xlsx", cooperating.needs());
  }

  @Test
  void an_affiliate_whose_commission_orders_stop_for_two_weeks_has_ended_its_cooperation() {
    Table orders = Rows.empty(FileKind.COMMISSIONS);
    commission(orders, "1", A, "2026-06-01 10:00", 10, X, "订单结算");
    commission(orders, "2", A, "2026-06-03 10:00", 10, X, "订单结算");
    commission(orders, "3", A, "2026-06-25 10:00", 10, X, "订单结算"); // after 22 days: anew
    commission(orders, "4", U1, "2026-06-20 10:00", 10, Y, "订单结算"); // ended 07-04
    commission(orders, "5", U1, "2026-07-10 10:00", 10, Z, "订单结算"); // last day: too recent
    Table events =
        PartnershipImpact.cooperationFromCommissions(
            PartnershipImpact.commissionOrders(orders, java.util.Set.of()));
    List<String> seen = new java.util.ArrayList<>();
    for (int row = 0; row < events.rowCount(); row++) {
      seen.add(
          events.dateColumn("date").get(row)
              + " "
              + events.stringColumn("affiliate_id").get(row)
              + " "
              + events.stringColumn("product_id").get(row)
              + " "
              + events.stringColumn("status").get(row));
    }
    assertEquals(
        List.of(
            "2026-06-01 " + X + " " + A + " 合作中",
            "2026-06-17 " + X + " " + A + " 已取消",
            "2026-06-25 " + X + " " + A + " 合作中",
            "2026-07-09 " + X + " " + A + " 已取消",
            "2026-06-20 " + Y + " " + U1 + " 合作中",
            "2026-07-04 " + Y + " " + U1 + " 已取消",
            "2026-07-10 " + Z + " " + U1 + " 合作中"),
        seen);
  }

  @Test
  void orders_without_any_affiliate_say_so() {
    Table orders = Rows.empty(FileKind.ORDERS);
    order(orders, "1", A, "2026-06-01 10:00", 10, null);
    order(orders, "2", U1, "2026-06-20 10:00", 10, null);
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    tables.put(FileKind.ORDERS, orders);
    tables.put(FileKind.DELETIONS, deletions());
    ShopData shop = ShopData.of(tables);
    Measure m =
        find(PartnershipImpact.of(shop, DeletedOrders.of(shop)).shop(), "active_affiliates");
    assertFalse(m.measured());
    assertEquals(Reason.of("no_affiliate_orders", "订单明细.csv"), m.reason());
  }

  @Test
  void an_orders_window_of_centuries_is_not_measured_instead_of_allocated_per_day() {
    Table orders = orders();
    order(orders, "ancient", U1, "1000-01-01 10:00", 1, X); // slipped past ingest's date check
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    tables.put(FileKind.ORDERS, orders);
    tables.put(FileKind.DELETIONS, deletions());
    tables.put(FileKind.AFFILIATES, cooperation());
    ShopData shop = ShopData.of(tables);
    MeasuredEffects result = PartnershipImpact.of(shop, DeletedOrders.of(shop));
    for (String id : List.of("active_affiliates", "cooperating_affiliates")) {
      Measure m = find(result.shop(), id);
      assertFalse(m.measured(), id);
      assertEquals("window_too_long", m.reason().code(), id);
      assertEquals(String.valueOf(PartnershipImpact.MAX_WINDOW_DAYS), m.reason().args().get(2), id);
    }
  }
}
