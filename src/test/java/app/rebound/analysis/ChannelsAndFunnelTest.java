package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ChannelsAndFunnelTest {

  private static final LocalDate START = LocalDate.of(2026, 5, 1);
  private static final int DAYS = 56;
  private static final int DELETION_DAY = 35;
  private static final List<String> AFFECTED = List.of("A", "B");
  private static final List<String> PRODUCTS = List.of("A", "B", "C", "D", "E", "F");

  /**
   * Six products selling through 搜索 and 推荐 every day; one order of A and of B deleted on day 35.
   * After it, the affected products' 搜索 orders keep searchShare of their level.
   */
  static ShopData shop(double searchShare, long seed) {
    Random random = new Random(seed);
    Table orders = Rows.empty(FileKind.ORDERS);
    int id = 0;
    for (int day = 0; day < DAYS; day++) {
      for (String product : PRODUCTS) {
        for (String source : List.of("搜索", "推荐")) {
          double mean = 4;
          if (day >= DELETION_DAY && AFFECTED.contains(product) && source.equals("搜索")) {
            mean *= searchShare;
          }
          int n = poisson(random, mean);
          for (int k = 0; k < n; k++) {
            String time = START.plusDays(day) + " 10:00";
            Rows.add(
                orders,
                "sub_order_id",
                "o" + id++,
                "product_id",
                product,
                "product_name",
                "商品" + product,
                "quantity",
                1,
                "payable_amount",
                50.0,
                "submitted_at",
                time,
                "paid_at",
                time,
                "order_status",
                "已完成",
                "traffic_source",
                source);
          }
        }
      }
    }
    Table deletions = Rows.empty(FileKind.DELETIONS);
    for (String product : AFFECTED) {
      Rows.add(
          deletions,
          "sub_order_id",
          "x" + product,
          "product_id",
          product,
          "processed_at",
          START.plusDays(DELETION_DAY) + " 09:00");
    }
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    tables.put(FileKind.ORDERS, orders);
    tables.put(FileKind.DELETIONS, deletions);
    return ShopData.of(tables);
  }

  private static int poisson(Random random, double mean) {
    double limit = Math.exp(-mean);
    double p = random.nextDouble();
    int k = 0;
    while (p > limit) {
      p *= random.nextDouble();
      k++;
    }
    return k;
  }

  private static ChannelImpact.Channel source(ChannelImpact.Result result, String value) {
    return result.dimensions().stream()
        .filter(d -> d.id().equals("traffic_source"))
        .findFirst()
        .orElseThrow()
        .channels()
        .stream()
        .filter(c -> c.value().equals(value))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void when_only_search_orders_of_the_affected_products_fall_the_loss_shows_in_search_alone() {
    ShopData shop = shop(0.25, 1);
    ChannelImpact.Result result = ChannelImpact.of(shop, DeletedOrders.of(shop), Set.of());
    ChannelImpact.Channel search = source(result, "搜索");
    ChannelImpact.Channel feed = source(result, "推荐");
    assertEquals(ImpactReport.Loss.LOSS, search.loss().verdict(), search.loss().toString());
    assertTrue(
        search.ratio() < 0.5, "search orders fell against the unaffected: " + search.ratio());
    assertFalse(feed.loss().verdict().equals(ImpactReport.Loss.LOSS), feed.loss().toString());
    assertEquals(28, result.beforeDays());
    assertEquals(DAYS - DELETION_DAY, result.afterDays());
  }

  @Test
  void without_a_deletion_effect_no_channel_shows_a_significant_loss() {
    ShopData shop = shop(1.0, 2);
    ChannelImpact.Result result = ChannelImpact.of(shop, DeletedOrders.of(shop), Set.of());
    for (String value : List.of("搜索", "推荐")) {
      ImpactReport.Loss loss = source(result, value).loss();
      assertTrue(loss.measured(), loss.toString());
      assertFalse(loss.significant(), value + ": " + loss);
    }
  }

  @Test
  void a_channel_with_too_few_orders_is_not_given_a_number() {
    ShopData shop = shop(1.0, 3);
    Table orders = shop.orders();
    // Three 直播 orders of A before the deletion: far too few to measure.
    for (int row = 0; row < 3; row++) {
      int r = orders.stringColumn("product_id").indexOf("A") + row;
      orders.stringColumn("traffic_source").set(r, "直播");
    }
    ChannelImpact.Result result = ChannelImpact.of(shop, DeletedOrders.of(shop), Set.of());
    ImpactReport.Loss live = source(result, "直播").loss();
    assertFalse(live.measured());
    assertEquals(ChannelImpact.TOO_FEW, live.reason());
  }

  /**
   * Two products, eight days before and eight after a deletion of A, every day alike: the pooled
   * rates and their difference in differences checked by hand.
   */
  @Test
  void the_funnel_rates_are_the_counts_divided_step_by_step() {
    Table orders = Rows.empty(FileKind.ORDERS);
    Table traffic = Rows.empty(FileKind.TRAFFIC);
    LocalDate first = LocalDate.of(2026, 6, 1);
    int id = 0;
    for (int d = 0; d < 16; d++) {
      boolean after = d >= 8;
      String day = first.plusDays(d).toString();
      // A: 100 impressions, 10 visitors before; 100 and 5 after. 2 paid orders a day, 1 completed
      // before, 2 completed after; one refund a day after. B: 100 impressions, 10 visitors before
      // and 8 after, 2 paid, 1 completed.
      Rows.add(
          traffic, "product_id", "A", "date", day, "impressions", 100, "visitors", after ? 5 : 10);
      Rows.add(
          traffic, "product_id", "B", "date", day, "impressions", 100, "visitors", after ? 8 : 10);
      for (String product : List.of("A", "B")) {
        for (int k = 0; k < 2; k++) {
          boolean done = k == 0 || (after && product.equals("A"));
          boolean refund = after && product.equals("A") && k == 1;
          Rows.add(
              orders,
              "sub_order_id",
              "o" + id++,
              "product_id",
              product,
              "submitted_at",
              day + " 10:00",
              "paid_at",
              day + " 10:00",
              "order_status",
              done ? "已完成" : "已发货",
              "after_sale_status",
              refund ? "退款成功" : "");
        }
      }
    }
    Table deletions = Rows.empty(FileKind.DELETIONS);
    Rows.add(
        deletions, "sub_order_id", "o0", "product_id", "A", "processed_at", "2026-06-09 09:00");
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    tables.put(FileKind.ORDERS, orders);
    tables.put(FileKind.TRAFFIC, traffic);
    tables.put(FileKind.DELETIONS, deletions);
    ShopData shop = ShopData.of(tables);
    Funnel.Result funnel = Funnel.of(shop, DeletedOrders.of(shop), Set.of());
    assertEquals(8, funnel.beforeDays());
    assertEquals(8, funnel.afterDays());
    Measure click = step(funnel, "click_rate");
    assertEquals(800, click.affected().nBefore());
    assertEquals(80, click.affected().countBefore());
    assertEquals(0.10, click.affected().before(), 1e-9);
    assertEquals(0.05, click.affected().after(), 1e-9);
    assertEquals(0.08, click.unaffected().after(), 1e-9);
    assertEquals(-0.05 - -0.02, click.effect().estimate(), 1e-9);
    Measure conversion = step(funnel, "conversion_rate");
    assertEquals(0.2, conversion.affected().before(), 1e-9);
    assertEquals(0.4, conversion.affected().after(), 1e-9);
    assertEquals(0.25, conversion.unaffected().after(), 1e-9);
    assertEquals(0.2 - 0.05, conversion.effect().estimate(), 1e-9);
    Measure completion = step(funnel, "completion_rate");
    assertEquals(0.5, completion.affected().before(), 1e-9);
    assertEquals(1.0, completion.affected().after(), 1e-9);
    assertEquals(0.5, completion.unaffected().after(), 1e-9);
    assertEquals(0.5, completion.effect().estimate(), 1e-9);
    Measure refunds = step(funnel, "refund_rate");
    assertEquals(0.0, refunds.affected().before(), 1e-9);
    assertEquals(0.5, refunds.affected().after(), 1e-9);
    assertEquals(0.5, refunds.effect().estimate(), 1e-9);
    assertTrue(refunds.effect().low() <= 0.5 && refunds.effect().high() >= 0.5);
    // A is the only affected product: its own funnel is the pooled one.
    assertEquals(0.05, funnel.products().get(0).steps().get(0).affected().after(), 1e-9);
  }

  @Test
  void a_funnel_over_too_few_days_gives_no_number() {
    ShopData shop = shop(1.0, 5);
    Table orders = shop.orders();
    // Keep the deletion but only the last three days after it.
    LocalDate cut = START.plusDays(DELETION_DAY + 3);
    Table kept = orders.where(orders.dateTimeColumn("paid_at").isBefore(cut.atStartOfDay()));
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    tables.put(FileKind.ORDERS, kept);
    tables.put(FileKind.DELETIONS, shop.table(FileKind.DELETIONS));
    ShopData short_ = ShopData.of(tables);
    Measure completion = step(Funnel.of(short_, DeletedOrders.of(short_), Set.of()), "refund_rate");
    assertFalse(completion.measured());
    assertEquals(Funnel.TOO_FEW_DAYS, completion.reason());
  }

  @Test
  void the_funnel_difference_in_differences_is_the_change_in_the_daily_gap() {
    ShopData shop = shop(0.25, 4);
    Funnel.Result funnel = Funnel.of(shop, DeletedOrders.of(shop), Set.of());
    Measure refunds = step(funnel, "completion_rate");
    // Every order is completed in both arms: the gap is zero every day.
    assertTrue(refunds.measured(), refunds.toString());
    assertEquals(0, refunds.effect().estimate(), 1e-12);
    assertFalse(step(funnel, "click_rate").measured(), "no traffic export: not measured");
  }

  private static Measure step(Funnel.Result funnel, String id) {
    return funnel.shop().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }
}
