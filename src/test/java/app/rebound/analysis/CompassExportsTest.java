package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** What the 罗盘 成交分析 and 流量来源 exports add to the report, read as they are. */
class CompassExportsTest {

  private static final LocalDate SPLIT = LocalDate.of(2026, 5, 10);

  private static Table overview() {
    Table t = Rows.empty(FileKind.DEAL_OVERVIEW);
    // 30 days before the deletion (only the last 28 count) and 5 from it: 直播 halves, 商品卡 holds.
    for (LocalDate day = SPLIT.minusDays(30);
        day.isBefore(SPLIT.plusDays(5));
        day = day.plusDays(1)) {
      boolean after = !day.isBefore(SPLIT);
      Rows.add(
          t,
          "date",
          day.toString(),
          "carrier",
          "直播",
          "impressions",
          after ? 500 : 1000,
          "visitors",
          after ? 50 : 100,
          "gmv",
          300.0);
      Rows.add(
          t,
          "date",
          day.toString(),
          "carrier",
          "商品卡",
          "impressions",
          500,
          "visitors",
          40,
          "gmv",
          200.0);
    }
    return t;
  }

  @Test
  void the_shops_exposure_is_summed_over_carriers_and_compared_before_and_after_the_deletion() {
    CompassExports.ShopTraffic s = CompassExports.shopTraffic(overview(), SPLIT);
    assertTrue(s.measured(), String.valueOf(s.reason()));
    assertEquals(SPLIT.minusDays(28), s.beforeFrom(), "the 28 days before, as the channels use");
    assertEquals(SPLIT.minusDays(1), s.beforeTo());
    assertEquals(SPLIT, s.afterFrom());
    assertEquals(SPLIT.plusDays(4), s.afterTo());
    assertEquals(28, s.beforeDays());
    assertEquals(5, s.afterDays());
    CompassExports.Change impressions = s.rows().get(0);
    assertEquals("impressions", impressions.id());
    assertEquals(1500, impressions.before());
    assertEquals(1000, impressions.after());
    assertEquals(-1 / 3.0, impressions.change(), 1e-4);
    CompassExports.Change visitors = s.rows().get(1);
    assertEquals(140, visitors.before());
    assertEquals(90, visitors.after());
    CompassExports.Change gmv = s.rows().get(2);
    assertEquals(0.0, gmv.change(), "成交金额 did not move");
  }

  @Test
  void the_shop_traffic_says_why_when_it_cannot_compare() {
    assertEquals(
        Reason.of("upload", CompassExports.DEAL_WORKBOOK),
        CompassExports.shopTraffic(Rows.empty(FileKind.DEAL_OVERVIEW), SPLIT).reason());
    assertEquals(ImpactFrame.NO_DELETIONS, CompassExports.shopTraffic(overview(), null).reason());
    assertEquals(
        CompassExports.NO_DAYS_BEFORE,
        CompassExports.shopTraffic(overview(), SPLIT.minusDays(40)).reason());
    assertEquals(
        CompassExports.NO_DAYS_AFTER,
        CompassExports.shopTraffic(overview(), SPLIT.plusDays(10)).reason());
  }

  @Test
  void of_two_traffic_source_periods_only_the_latest_is_shown_never_their_sum() {
    Table t = Rows.empty(FileKind.TRAFFIC_SOURCES);
    for (var p :
        List.of(List.of("2026-04-01", "2026-04-30", 7), List.of("2026-05-01", "2026-05-31", 1))) {
      int k = (Integer) p.get(2);
      Rows.add(
          t,
          "period_start",
          p.get(0),
          "period_end",
          p.get(1),
          "channel",
          "自然流量",
          "sub_channel",
          "推荐",
          "impressions",
          2000 * k,
          "visitors",
          100 * k);
      Rows.add(
          t,
          "period_start",
          p.get(0),
          "period_end",
          p.get(1),
          "channel",
          "自然流量",
          "sub_channel",
          "搜索",
          "impressions",
          3000 * k,
          "visitors",
          80 * k,
          "click_rate",
          0.027,
          "gmv",
          500.0,
          "buyers",
          10,
          "conversion_rate",
          0.125);
    }
    CompassExports.Sources s = CompassExports.sources(t);
    assertTrue(s.measured());
    assertEquals(LocalDate.of(2026, 5, 1), s.from());
    assertEquals(LocalDate.of(2026, 5, 31), s.to());
    assertEquals(2, s.periods(), "the page says another period was uploaded");
    assertEquals(2, s.rows().size());
    assertEquals("搜索", s.rows().get(0).subChannel(), "most exposed first");
    assertEquals(3000, s.rows().get(0).impressions(), "May's own figure, not April's added");
    assertEquals(10, s.rows().get(0).buyers());
    assertNull(s.rows().get(1).gmv(), "a figure the file lacks stays empty, not 0");
  }

  @Test
  void deal_products_are_held_against_the_orders_on_the_same_days() {
    Table deal = Rows.empty(FileKind.DEAL_PRODUCTS);
    for (String carrier : List.of("直播", "商品卡")) {
      for (String day : List.of("2026-05-01", "2026-05-02")) {
        Rows.add(
            deal,
            "date",
            day,
            "product_id",
            "P1",
            "product_name",
            "面霜",
            "carrier",
            carrier,
            "gmv",
            50.0,
            "refund_amount",
            5.0);
      }
    }
    Rows.add(deal, "date", "2026-05-01", "product_id", "P2", "carrier", "直播", "gmv", 30.0);
    Table orders = Rows.empty(FileKind.ORDERS);
    // P1 sold on 05-01 only in the orders export; a closed order does not count; P2 not at all.
    Rows.add(
        orders,
        "sub_order_id",
        "S1",
        "product_id",
        "P1",
        "quantity",
        1,
        "payable_amount",
        90.0,
        "submitted_at",
        "2026-05-01 10:00",
        "paid_at",
        "2026-05-01 10:01",
        "order_status",
        "已完成");
    Rows.add(
        orders,
        "sub_order_id",
        "S2",
        "product_id",
        "P1",
        "quantity",
        1,
        "payable_amount",
        70.0,
        "submitted_at",
        "2026-05-02 10:00",
        "paid_at",
        "2026-05-02 10:01",
        "order_status",
        "已关闭");
    CompassExports.Result r =
        CompassExports.of(
            ShopData.of(Map.of(FileKind.DEAL_PRODUCTS, deal, FileKind.ORDERS, orders)), null);
    CompassExports.DealProducts d = r.dealProducts();
    assertTrue(d.measured());
    assertEquals(LocalDate.of(2026, 5, 1), d.from());
    assertEquals(LocalDate.of(2026, 5, 2), d.to());
    assertEquals(230.0, d.gmv());
    assertEquals(90.0, d.ordersGmv());
    assertEquals(2, d.daysOrdersLack(), "P1 on 05-02 and P2 on 05-01");
    assertEquals(130.0, d.gmvOrdersLack());
    CompassExports.DealProduct p1 = d.rows().get(0);
    assertEquals("P1", p1.productId());
    assertEquals("面霜", p1.name());
    assertEquals(200.0, p1.gmv(), "summed over 载体类型");
    assertEquals(20.0, p1.refunds());
    assertEquals(1, p1.daysOrdersLack());
    assertFalse(r.shopTraffic().measured(), "no 成交概览 uploaded");
    assertFalse(r.sources().measured());
  }
}
