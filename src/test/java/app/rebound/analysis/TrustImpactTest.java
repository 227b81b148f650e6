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
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * A shop of three products: A lost one order's sales on 2026-06-10, U1 and U2 did not. The numbers
 * below are worked out by hand in the comments.
 */
class TrustImpactTest {

  static final double Z = 1.959963984540054;
  static final String A = "3500000000000000001";
  static final String U1 = "3500000000000000002";
  static final String U2 = "3500000000000000003";
  static final String DELETED = "6920000000000000999";

  static Table deletions() {
    return Rows.deletion(Rows.empty(FileKind.DELETIONS), DELETED, A, "2026-06-10 09:00", "WG1");
  }

  /**
   * A before: 5,5,5,4,4 (mean 4.6, no low, no doubt) plus the deleted order's 5-star review, left
   * out. A after: 5, 2 销量…, 3 假货…, 4, 1 (mean 3.0, low 3/5, doubtful 2/5). Unaffected before:
   * 5,5,4,4,3 (mean 4.2, low 1/5; "放假" is a holiday, not doubt). After: 5,5,5,4,3 (mean 4.4, low
   * 1/5, no doubt).
   */
  static Table reviews() {
    Table t = Rows.empty(FileKind.REVIEWS);
    add(
        t,
        "reviewed_at",
        "2026-06-02",
        "sub_order_id",
        DELETED,
        "product_id",
        A,
        "rating",
        5,
        "content",
        "好评好评");
    int i = 0;
    for (int rating : new int[] {5, 5, 5, 4, 4}) {
      add(
          t,
          "reviewed_at",
          "2026-06-0" + (1 + i++),
          "product_id",
          A,
          "rating",
          rating,
          "content",
          "不错");
    }
    String[] after = {"好", "销量怎么突然少了", "是不是假货", "还行", "质量差"};
    int[] ratings = {5, 2, 3, 4, 1};
    for (int k = 0; k < 5; k++) {
      add(
          t,
          "reviewed_at",
          "2026-06-1" + k,
          "product_id",
          A,
          "rating",
          ratings[k],
          "content",
          after[k]);
    }
    int[] uBefore = {5, 5, 4, 4, 3};
    for (int k = 0; k < 5; k++) {
      add(
          t,
          "reviewed_at",
          "2026-06-0" + (1 + k),
          "product_id",
          k % 2 == 0 ? U1 : U2,
          "rating",
          uBefore[k],
          "content",
          k == 0 ? "放假前就到了" : "还可以");
    }
    int[] uAfter = {5, 5, 5, 4, 3};
    for (int k = 0; k < 5; k++) {
      add(
          t,
          "reviewed_at",
          "2026-06-1" + k,
          "product_id",
          k % 2 == 0 ? U1 : U2,
          "rating",
          uAfter[k]);
    }
    return t;
  }

  static ShopData shop(Map<FileKind, Table> tables) {
    Map<FileKind, Table> all = new EnumMap<>(FileKind.class);
    all.putAll(tables);
    all.putIfAbsent(FileKind.DELETIONS, deletions());
    return ShopData.of(all);
  }

  static Measure find(List<Measure> measures, String id) {
    return measures.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
  }

  static MeasuredEffects trust(ShopData shop) {
    return TrustImpact.of(shop, DeletedOrders.of(shop));
  }

  @Test
  void reviews_give_rating_low_star_and_doubt_measures_with_their_difference_in_differences() {
    MeasuredEffects r = trust(shop(Map.of(FileKind.REVIEWS, reviews())));
    assertEquals(LocalDate.of(2026, 6, 10), r.firstDeletion());
    assertEquals(1, r.affectedProducts());
    assertEquals(2, r.unaffectedProducts());

    Measure rating = find(r.shop(), "average_rating");
    assertTrue(rating.measured());
    assertEquals(5, rating.affected().nBefore(), "the deleted order's review is left out");
    assertEquals(4.6, rating.affected().before(), 1e-12);
    assertEquals(3.0, rating.affected().after(), 1e-12);
    assertEquals(-1.6, rating.affected().change(), 1e-12);
    assertEquals(0.2, rating.unaffected().change(), 1e-12);
    assertEquals(-1.8, rating.effect().estimate(), 1e-12);
    // Sample variances over n: 0.3/5 + 2.5/5 + 0.7/5 + 0.8/5 = 0.86.
    assertEquals(-1.8 - Z * Math.sqrt(0.86), rating.effect().low(), 1e-9);
    assertEquals(-1.8 + Z * Math.sqrt(0.86), rating.effect().high(), 1e-9);

    Measure low = find(r.shop(), "low_rating_share");
    assertEquals(0L, low.affected().countBefore());
    assertEquals(3L, low.affected().countAfter());
    assertEquals(0.6, low.effect().estimate(), 1e-12);

    Measure doubt = find(r.shop(), "doubtful_review_share");
    assertEquals(2L, doubt.affected().countAfter());
    assertEquals(0L, doubt.unaffected().countBefore(), "放假 is not doubt");
    assertEquals(0.4, doubt.effect().estimate(), 1e-12);
    // (x+1)/(n+2): 1/7, 3/7, 1/7, 1/7 → variances 6/245, 12/245, 6/245, 6/245.
    assertEquals(0.4 - Z * Math.sqrt(30.0 / 245), doubt.effect().low(), 1e-9);
    assertEquals(0.4 + Z * Math.sqrt(30.0 / 245), doubt.effect().high(), 1e-9);
    assertFalse(doubt.effect().excludesZero(), "five reviews a side cannot show it");

    ProductImpact a = r.products().get(0);
    assertEquals(A, a.productId());
    assertEquals(LocalDate.of(2026, 6, 10), a.deletedOn());
    assertEquals(-1.8, find(a.measures(), "average_rating").effect().estimate(), 1e-12);
    assertEquals(Measure.SCOPE_PRODUCT, find(a.measures(), "average_rating").scope());
  }

  @Test
  void doubt_words_catch_sales_doubts_but_not_holidays() {
    assertTrue(TrustImpact.isDoubtful("销量一下子没了，还敢买吗"));
    assertTrue(TrustImpact.isDoubtful("怀疑是刷单"));
    assertTrue(TrustImpact.isDoubtful("水军好评"));
    assertTrue(TrustImpact.isDoubtful("感觉被骗了"));
    assertTrue(TrustImpact.isDoubtful("放假买的，结果是假货"));
    assertFalse(TrustImpact.isDoubtful("放假前就到了"));
    assertFalse(TrustImpact.isDoubtful("质量很好"));
    assertFalse(TrustImpact.isDoubtful(""));
  }

  /**
   * Paid orders. A before: 10 paid 06-01 with one 退款成功, plus the deleted order (left out), plus
   * three refunds on 06-05 inside the 7 days before the deletion (left out). A after: 10 paid,
   * 退款成功, 售后中, 退款成功 (0.3), and one closed unpaid order (not paid, left out). Unaffected: 1 of 10
   * before and after.
   */
  static Table orders() {
    Table t = Rows.empty(FileKind.ORDERS);
    int[] id = {1};
    BiConsumer<Object[], String> order =
        (spec, afterSale) ->
            add(
                t,
                "sub_order_id",
                "69200000000000" + String.format("%05d", id[0]++),
                "product_id",
                spec[0],
                "quantity",
                1,
                "payable_amount",
                10.0,
                "submitted_at",
                spec[1],
                "paid_at",
                spec[2],
                "after_sale_status",
                afterSale,
                "order_status",
                spec.length > 3 ? spec[3] : "已完成");
    for (int k = 0; k < 10; k++) {
      order.accept(
          new Object[] {A, "2026-06-01 10:00", "2026-06-01 10:01"}, k == 0 ? "退款成功" : null);
      order.accept(
          new Object[] {A, "2026-06-11 10:00", "2026-06-11 10:01"},
          k == 0 ? "退款成功" : k == 1 ? "售后中" : k == 2 ? "退款成功" : null);
      order.accept(
          new Object[] {k % 2 == 0 ? U1 : U2, "2026-06-01 10:00", "2026-06-01 10:01"},
          k == 0 ? "退款成功" : null);
      order.accept(
          new Object[] {k % 2 == 0 ? U1 : U2, "2026-06-12 10:00", "2026-06-12 10:01"},
          k == 0 ? "售后中" : null);
    }
    for (int k = 0; k < 3; k++) {
      order.accept(new Object[] {A, "2026-06-05 10:00", "2026-06-05 10:01", "已关闭"}, "退款成功");
    }
    order.accept(new Object[] {A, "2026-06-12 10:00", null, "已关闭"}, null);
    add(
        t,
        "sub_order_id",
        DELETED,
        "product_id",
        A,
        "quantity",
        1,
        "payable_amount",
        10.0,
        "submitted_at",
        "2026-06-02 10:00",
        "paid_at",
        "2026-06-02 10:00",
        "order_status",
        "已完成");
    return t;
  }

  @Test
  void refund_rate_counts_refunds_and_open_after_sales_among_paid_orders() {
    MeasuredEffects r = trust(shop(Map.of(FileKind.ORDERS, orders())));
    Measure refund = find(r.shop(), "refund_rate");
    assertTrue(refund.measured(), String.valueOf(refund.reason()));
    assertEquals(
        10, refund.affected().nBefore(), "deleted and just-before-deletion orders left out");
    assertEquals(10, refund.affected().nAfter(), "the unpaid closed order is left out");
    assertEquals(0.1, refund.affected().before(), 1e-12);
    assertEquals(0.3, refund.affected().after(), 1e-12);
    assertEquals(0.0, refund.unaffected().change(), 1e-12);
    assertEquals(0.2, refund.effect().estimate(), 1e-12);
    // (x+1)/(n+2) = 2/12, 4/12, 2/12, 2/12 → variances 5/360 + 8/360 + 5/360 + 5/360.
    assertEquals(0.2 - Z * Math.sqrt(23.0 / 360), refund.effect().low(), 1e-9);
    assertEquals(0.2 + Z * Math.sqrt(23.0 / 360), refund.effect().high(), 1e-9);
  }

  /**
   * Seven days at 4.8 and 4.7 alternating before the first deletion, seven at 4.5 and 4.4 after.
   */
  static Table scores(boolean complaints) {
    Table t = Rows.empty(FileKind.SHOP_SCORES);
    for (int d = 0; d < 14; d++) {
      LocalDate date = LocalDate.of(2026, 6, 3).plusDays(d);
      double score = (d < 7 ? 4.8 : 4.5) - (d % 2) * 0.1;
      add(
          t,
          "date",
          date.toString(),
          "experience_score",
          score,
          "complaints",
          complaints ? (d < 7 ? 1 : 3) : null);
    }
    return t;
  }

  @Test
  void shop_score_and_complaints_are_compared_before_and_after_the_first_deletion() {
    MeasuredEffects r = trust(shop(Map.of(FileKind.SHOP_SCORES, scores(true))));
    Measure score = find(r.shop(), "shop_experience_score");
    assertEquals(Measure.SCOPE_SHOP, score.scope());
    assertNull(score.unaffected());
    assertEquals(7, score.affected().nBefore());
    // Before (even days first): four days at 4.8, three at 4.7; after (odd days first): three at
    // 4.5, four at 4.4.
    assertEquals((4 * 4.8 + 3 * 4.7) / 7, score.affected().before(), 1e-9);
    assertEquals((3 * 4.5 + 4 * 4.4) / 7, score.affected().after(), 1e-9);
    assertEquals(-2.2 / 7, score.effect().estimate(), 1e-9);
    assertTrue(score.effect().high() < 0);
    Measure complaints = find(r.shop(), "complaints_per_day");
    assertEquals(2.0, complaints.effect().estimate(), 1e-12);

    Measure none =
        find(trust(shop(Map.of(FileKind.SHOP_SCORES, scores(false)))).shop(), "complaints_per_day");
    assertFalse(none.measured());
    assertEquals(Reason.of("no_complaints_column", "店铺体验分.csv"), none.reason());
  }

  @Test
  void each_missing_export_leaves_its_measures_unmeasured_with_the_file_to_upload() {
    MeasuredEffects r = trust(shop(Map.of()));
    for (String id : List.of("average_rating", "low_rating_share", "doubtful_review_share")) {
      Measure m = find(r.shop(), id);
      assertFalse(m.measured());
      assertEquals("评价.csv", m.needs());
      assertEquals(Reason.of("upload", "评价.csv"), m.reason());
      assertNull(m.effect());
      assertNull(m.affected());
    }
    assertEquals(Reason.of("upload", "订单明细.csv"), find(r.shop(), "refund_rate").reason());
    assertEquals(
        Reason.of("upload", "店铺体验分.csv"), find(r.shop(), "shop_experience_score").reason());
    assertEquals(Reason.of("upload", "店铺体验分.csv"), find(r.shop(), "complaints_per_day").reason());
    assertTrue(r.series().stream().noneMatch(Series::measured));
    assertEquals(
        Reason.of("upload", "评价.csv"),
        find(r.products().get(0).measures(), "average_rating").reason());
  }

  @Test
  void too_few_reviews_are_not_measured_and_say_how_many_there_were() {
    Table few = Rows.empty(FileKind.REVIEWS);
    add(few, "reviewed_at", "2026-06-01", "product_id", A, "rating", 5);
    add(few, "reviewed_at", "2026-06-12", "product_id", A, "rating", 1);
    Measure m = find(trust(shop(Map.of(FileKind.REVIEWS, few))).shop(), "average_rating");
    assertFalse(m.measured());
    assertNull(m.effect());
    assertEquals(1, m.affected().nBefore());
    assertEquals(Reason.of("too_few_reviews_affected_before", 1, 5), m.reason());
    assertEquals("未测量：受影响商品在删除前只有 1 条评价，至少需要 5 条", m.reason().text(true));
  }

  @Test
  void a_shop_without_deletions_says_so() {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    tables.put(FileKind.REVIEWS, reviews());
    tables.put(FileKind.DELETIONS, Rows.empty(FileKind.DELETIONS));
    MeasuredEffects r = trust(ShopData.of(tables));
    assertNull(r.firstDeletion());
    assertEquals(Reason.of("no_deletions"), find(r.shop(), "average_rating").reason());
    assertTrue(r.products().isEmpty());
  }

  @Test
  void series_count_doubtful_reviews_per_day_and_average_ratings_per_week() {
    MeasuredEffects r = trust(shop(Map.of(FileKind.REVIEWS, reviews())));
    Series doubt =
        r.series().stream()
            .filter(s -> s.id().equals("doubtful_reviews_per_day"))
            .findFirst()
            .orElseThrow();
    assertEquals(LocalDate.of(2026, 6, 10), doubt.split());
    assertEquals(LocalDate.of(2026, 6, 1), doubt.points().get(0).date());
    assertEquals(14, doubt.points().size());
    Series.Point june11 = doubt.points().get(10);
    assertEquals(LocalDate.of(2026, 6, 11), june11.date());
    assertEquals(1.0, june11.affected());
    assertEquals(0.0, june11.unaffected());
    Series weekly =
        r.series().stream()
            .filter(s -> s.id().equals("average_rating_per_week"))
            .findFirst()
            .orElseThrow();
    // 2026-06-01 is a Monday: week one holds A's 5,5,5,4,4; week two A's 5,2,3,4,1.
    assertEquals(LocalDate.of(2026, 6, 1), weekly.points().get(0).date());
    assertEquals(4.6, weekly.points().get(0).affected(), 1e-12);
    assertEquals(3.0, weekly.points().get(1).affected(), 1e-12);
  }

  @Test
  void results_serialize_to_snake_case_json_without_nan() throws Exception {
    String json = Json.MAPPER.writeValueAsString(trust(shop(Map.of(FileKind.REVIEWS, reviews()))));
    assertTrue(json.contains("\"doubtful_review_share\""));
    assertTrue(json.contains("\"n_before\""));
    assertTrue(json.contains("\"count_after\""));
    assertTrue(json.contains("\"first_deletion\" : \"2026-06-10\""));
    assertTrue(
        json.replaceAll("\\s+", "")
            .contains("\"reason\":{\"code\":\"upload\",\"args\":[\"订单明细.csv\"]}"),
        "a reason is its code and arguments");
    assertFalse(json.contains("NaN"));
    assertFalse(json.contains("excludes_zero"), "a derived flag, not a field");
  }
}
