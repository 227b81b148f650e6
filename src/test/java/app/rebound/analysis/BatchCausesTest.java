package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import app.rebound.ingest.KindTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Hand-made shops of five products (P1 the best seller … P5 the weakest, ¥100 each, genuine orders
 * spread over the weeks before) and one batch each, so every signal's value can be worked out by
 * hand.
 */
class BatchCausesTest {

  static final LocalDate D = LocalDate.of(2026, 6, 30);
  static final Set<FileKind> ALL = Set.of(FileKind.CHATS, FileKind.REVIEWS, FileKind.SHOP_SCORES);

  /** A shop under construction: orders, deletions, chats, reviews and daily complaints. */
  static final class Shop {
    final Table orders = KindTable.empty(FileKind.ORDERS);
    final Table deletions = KindTable.empty(FileKind.DELETIONS);
    final Table chats = KindTable.empty(FileKind.CHATS);
    final Table reviews = KindTable.empty(FileKind.REVIEWS);
    final Table scores = KindTable.empty(FileKind.SHOP_SCORES);
    int next = 1;

    Shop() {
      int[] baseline = {10, 8, 6, 4, 2};
      for (int p = 0; p < baseline.length; p++) {
        for (int j = 0; j < baseline[p]; j++) {
          String id = genuine("P" + (p + 1), D.minusDays(40 - 3L * j).atTime(10, p));
          if (j % 2 == 0) {
            chat(id);
          }
          if (j == 0) {
            review(id, "P" + (p + 1));
          }
        }
      }
    }

    /**
     * A real order: daytime, full price, shipped the next day, completed four days after payment.
     */
    String genuine(String product, LocalDateTime at) {
      return order(
          product, at, 100.0, at.plusMinutes(1).plusDays(4), "YT" + next + "-圆通速递", "-", "");
    }

    String order(
        String product,
        LocalDateTime at,
        double paid,
        LocalDateTime completed,
        String logistics,
        String afterSale,
        String cancelReason) {
      String id = "S" + next++;
      Object[] values = {
        id,
        id,
        product + "名",
        null,
        1,
        product,
        null,
        100.0,
        null,
        paid,
        0.0,
        at,
        at.plusMinutes(1),
        completed == null ? null : at.plusDays(1),
        completed,
        completed != null ? "已完成" : "已关闭",
        afterSale,
        cancelReason,
        null,
        null,
        null,
        null,
        null,
        null,
        logistics,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null
      };
      for (int c = 0; c < orders.columnCount(); c++) {
        KindTable.append(orders.column(c), values[c]);
      }
      return id;
    }

    void delete(String id, String product, String notice) {
      Object[] values = {id, id, product, D.atTime(9, 0), "疑似虚假交易，销量已扣除", notice};
      for (int c = 0; c < deletions.columnCount(); c++) {
        KindTable.append(deletions.column(c), values[c]);
      }
    }

    void chat(String id) {
      KindTable.append(chats.column(0), id);
      KindTable.append(chats.column(1), 4);
      KindTable.append(chats.column(2), null);
    }

    void review(String id, String product) {
      Object[] values = {D.atStartOfDay(), id, product, 5, "好"};
      for (int c = 0; c < reviews.columnCount(); c++) {
        KindTable.append(reviews.column(c), values[c]);
      }
    }

    /**
     * One complaint a day from 40 days before the batch to 5 after, {@code spike} a day on the
     * given days.
     */
    Shop complaints(int spike, LocalDate... spikeDays) {
      for (LocalDate day = D.minusDays(40); !day.isAfter(D.plusDays(5)); day = day.plusDays(1)) {
        KindTable.append(scores.column(0), day);
        KindTable.append(scores.column(1), 4.8);
        KindTable.append(scores.column(2), List.of(spikeDays).contains(day) ? spike : 1);
      }
      return this;
    }

    BatchCause cause(Set<FileKind> uploaded) {
      Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
      tables.put(FileKind.ORDERS, orders);
      tables.put(FileKind.DELETIONS, deletions);
      tables.put(FileKind.CHATS, chats);
      tables.put(FileKind.REVIEWS, reviews);
      tables.put(FileKind.SHOP_SCORES, scores);
      tables
          .keySet()
          .removeIf(k -> k != FileKind.ORDERS && k != FileKind.DELETIONS && !uploaded.contains(k));
      ShopData shop = ShopData.of(tables);
      List<BatchCause> causes = BatchCauses.of(shop, DeletedOrders.of(shop));
      assertEquals(1, causes.size());
      return causes.get(0);
    }
  }

  static Map<String, Signal> byCode(BatchCause cause) {
    return cause.signals().stream().collect(Collectors.toMap(Signal::code, s -> s, (a, b) -> a));
  }

  static double value(BatchCause cause, String code) {
    return byCode(cause).get(code).value();
  }

  /**
   * Six fake orders on the weakest product: a night burst a minute apart, 0.01 or a tenth of the
   * price.
   */
  static Shop violation() {
    Shop shop = new Shop().complaints(1);
    LocalDateTime t = D.minusDays(10).atTime(2, 0);
    for (int i = 0; i < 6; i++) {
      String id =
          shop.order(
              "P5",
              t.plusMinutes(i),
              i < 3 ? 0.01 : 10.0,
              t.plusMinutes(i).plusHours(4),
              i % 2 == 0 ? "" : "SF100-顺丰速运",
              "-",
              "");
      shop.review(id, "P5");
      shop.delete(id, "P5", "WGV");
    }
    return shop;
  }

  @Test
  void a_night_burst_of_cheap_orders_completed_in_hours_is_a_violation() {
    BatchCause cause = violation().cause(ALL);
    assertEquals(BatchCause.VIOLATION, cause.likelyCause());
    assertEquals("WGV", cause.id());
    assertEquals(D, cause.date());
    assertEquals(6, cause.orders());
    assertEquals(6, cause.units());
    assertEquals(30.03, cause.money(), 1e-9);
    assertEquals(List.of("P5"), cause.products());
    assertEquals(1.0, value(cause, BatchSignals.BURST));
    assertEquals(1.0, value(cause, BatchSignals.NIGHT));
    assertEquals(1.0, value(cause, BatchSignals.LOW_PRICE));
    assertEquals(0.5, value(cause, BatchSignals.ONE_CENT));
    assertEquals(1.0, value(cause, BatchSignals.FAST_COMPLETE));
    assertEquals(0.5, value(cause, BatchSignals.TRACKING));
    assertEquals(0.5, value(cause, BatchSignals.REUSED_WAYBILL), "three orders share SF100");
    assertEquals(0.0, value(cause, BatchSignals.CHAT));
    assertEquals(1.0, value(cause, BatchSignals.REVIEW));
    assertEquals(1.0, value(cause, BatchSignals.COMPLETED));
    assertEquals(1.0, value(cause, BatchSignals.NO_REFUND));
    // Ranked on all orders of the 28 days before, the six fakes make P5 one of the three best
    // sellers (P1 6, P5 6, P2 4 units); P5's 6 units are a third of the 18 sold.
    assertEquals(1.0, value(cause, BatchSignals.BEST_SELLERS));
    assertEquals(6 / 18.0, value(cause, BatchSignals.BREADTH), 1e-9);
    assertEquals(1.0, value(cause, BatchSignals.COMPLAINTS), 1e-9);
    assertFalse(cause.thinEvidence());
    assertTrue(cause.confidence() >= 0.9, "confidence " + cause.confidence());
    assertEquals("6 笔被删订单中 3 笔（50%）有物流单号", byCode(cause).get(BatchSignals.TRACKING).text(true));
    assertEquals(
        "3 of 6 deleted orders (50%) have a tracking number",
        byCode(cause).get(BatchSignals.TRACKING).text(false));
    assertTrue(
        cause.consequences().stream()
            .anyMatch(c -> c.text(false).contains("−15") && c.text(true).contains("70 分降到 60 分")));
    assertTrue(
        cause.consequences().stream()
            .anyMatch(c -> c.text(false).contains("so the minimum applies")));
    assertTrue(
        cause.consequences().stream().allMatch(c -> c.source().equals("《抖音电商虚假交易实施细则》（2026-08）")));
  }

  @Test
  void genuine_orders_on_best_sellers_after_complaints_and_a_refund_group_are_a_malicious_report() {
    Shop shop = new Shop().complaints(8, D.minusDays(3), D.minusDays(2), D.minusDays(1));
    for (int i = 0; i < 6; i++) {
      String product = i < 3 ? "P1" : "P2";
      String id = shop.genuine(product, D.minusDays(20 - 2L * i).atTime(14, 0));
      shop.chat(id);
      shop.delete(id, product, "WGM");
    }
    for (int i = 0; i < 5; i++) {
      shop.order("P1", D.minusDays(1 + i % 3).atTime(11, i), 100.0, null, "", "退款成功", "质量问题");
    }
    BatchCause cause = shop.cause(ALL);
    assertEquals(BatchCause.MALICIOUS_REPORT, cause.likelyCause());
    assertEquals(List.of("P1", "P2"), cause.products());
    assertEquals(1.0, value(cause, BatchSignals.BEST_SELLERS));
    // P1 14 units (6 earlier, 3 deleted, 5 refunded) and P2 7 of the 23 sold in the 28 days before.
    assertEquals(21 / 23.0, value(cause, BatchSignals.BREADTH), 1e-9);
    // 3 days of 8 and 4 of 1 in the week before: 4 a day against 1.
    assertEquals(4.0, value(cause, BatchSignals.COMPLAINTS), 1e-9);
    // The rise rests on 21 complaints above the usual 7 a week, 4 refunds above the floor of 1.
    assertEquals(21.0, value(cause, BatchSignals.COMPLAINTS_EXTRA), 1e-9);
    assertEquals(
        "21.0 complaints above the usual level in the 7 days before",
        byCode(cause).get(BatchSignals.COMPLAINTS_EXTRA).text(false));
    assertEquals(
        "删除前 7 天的投诉比平时的水平多 21.0 起", byCode(cause).get(BatchSignals.COMPLAINTS_EXTRA).text(true));
    // P1 and P2 never refunded before: the expected count is floored at 1, so 5 refunds are 5×.
    assertEquals(5.0, value(cause, BatchSignals.REFUND_GROUP), 1e-9);
    assertEquals(4.0, value(cause, BatchSignals.REFUNDS_EXTRA), 1e-9);
    assertEquals(1.0, value(cause, BatchSignals.CHAT));
    assertEquals(0.0, value(cause, BatchSignals.BURST));
    assertEquals(0.0, value(cause, BatchSignals.LOW_PRICE));
    assertEquals(0.0, value(cause, BatchSignals.FAST_COMPLETE));
    assertEquals(1.0, value(cause, BatchSignals.TRACKING));
    assertEquals(0.0, value(cause, BatchSignals.REUSED_WAYBILL));
    assertFalse(cause.thinEvidence());
    assertTrue(cause.confidence() >= 0.9, "confidence " + cause.confidence());
    assertTrue(cause.consequences().get(0).text(false).startsWith("if the appeal is not won"));
    assertTrue(
        cause.consequences().get(1).text(true).contains("2026年7月6日 23:59 前（北京时间）"),
        cause.consequences().get(1).text(true));
  }

  @Test
  void genuine_orders_spread_across_the_catalogue_without_attack_signs_are_a_system_error() {
    Shop shop = new Shop().complaints(1);
    for (int p = 1; p <= 4; p++) {
      for (int i = 0; i < 2; i++) {
        String id = shop.genuine("P" + p, D.minusDays(25 - 5L * i - p).atTime(9 + p, 30));
        shop.chat(id);
        shop.delete(id, "P" + p, "WGS");
      }
    }
    BatchCause cause = shop.cause(ALL);
    assertEquals(BatchCause.SYSTEM_ERROR, cause.likelyCause());
    assertEquals(List.of("P1", "P2", "P3", "P4"), cause.products());
    // P1 (6+2), P2 (4+2), P3 (2+2), P4 (2) are every unit sold in the 28 days before.
    assertEquals(0.75, value(cause, BatchSignals.BEST_SELLERS));
    assertEquals(1.0, value(cause, BatchSignals.BREADTH), 1e-9);
    assertEquals(1.0, value(cause, BatchSignals.COMPLAINTS), 1e-9);
    assertEquals(0.0, value(cause, BatchSignals.REFUND_GROUP), 1e-9);
    assertEquals(1.0, value(cause, BatchSignals.COMPLETED));
    assertEquals(0.0, value(cause, BatchSignals.REVIEW));
    assertEquals(0.0, value(cause, BatchSignals.NIGHT));
    assertFalse(cause.thinEvidence());
    assertTrue(cause.confidence() >= 0.9, "confidence " + cause.confidence());
  }

  /** Three genuine orders on P4 (chatted, where a chats export is given). */
  static Shop small() {
    Shop shop = new Shop().complaints(1);
    for (int i = 0; i < 3; i++) {
      String id = shop.genuine("P4", D.minusDays(20 - 3L * i).atTime(15, 0));
      shop.chat(id);
      shop.delete(id, "P4", "WGT");
    }
    return shop;
  }

  @Test
  void few_orders_and_missing_exports_give_thin_evidence_and_say_which_file_to_upload() {
    BatchCause full = small().cause(ALL);
    BatchCause bare = small().cause(Set.of());
    assertTrue(full.thinEvidence(), "3 orders are thin evidence even with every export");
    assertTrue(bare.thinEvidence());
    assertTrue(
        bare.confidence() < full.confidence(), bare.confidence() + " vs " + full.confidence());
    assertTrue(bare.confidence() <= 0.5);
    Map<String, Signal> signals = byCode(bare);
    for (String code : List.of(BatchSignals.CHAT, BatchSignals.REVIEW, BatchSignals.COMPLAINTS)) {
      assertFalse(signals.get(code).measured(), code + " is not measured, never zero");
    }
    assertEquals(
        "not measured (buyers' customer-service chats): upload 客服聊天记录.csv",
        signals.get(BatchSignals.CHAT).text(false));
    assertEquals("未测量（买家评价）：请上传 评价.csv", signals.get(BatchSignals.REVIEW).text(true));
    assertTrue(signals.get(BatchSignals.COMPLAINTS).text(false).contains("upload 店铺体验分.csv"));
    Signal thin = signals.get("thin_evidence");
    assertTrue(thin.text(false).contains("only 3 orders"), thin.text(false));
    assertTrue(
        thin.text(false).contains("客服聊天记录.csv") && thin.text(false).contains("店铺体验分.csv"),
        thin.text(false));
    assertTrue(thin.text(true).startsWith("证据不足"), thin.text(true));
    assertEquals(
        1.0, signals.get(BatchSignals.TRACKING).value(), "the orders export alone still measures");
  }

  @Test
  void deleted_orders_missing_from_the_orders_export_are_thin_evidence() {
    Shop shop = violation();
    for (int i = 0; i < 4; i++) {
      shop.delete("GONE" + i, "P5", "WGV");
    }
    BatchCause cause = shop.cause(ALL);
    assertEquals(10, cause.orders());
    assertEquals(0.6, value(cause, BatchSignals.IN_ORDERS), 1e-9);
    assertTrue(cause.thinEvidence());
    assertTrue(byCode(cause).get("thin_evidence").text(false).contains("订单明细.csv"));
    assertEquals(
        BatchCause.VIOLATION, cause.likelyCause(), "the six orders present still look fake");
    assertTrue(cause.confidence() < violation().cause(ALL).confidence());
  }

  @Test
  void a_batch_with_an_order_placed_far_from_the_others_counts_only_the_close_ones_as_a_burst() {
    List<LocalDateTime> times =
        new ArrayList<>(
            List.of(D.atTime(1, 0, 0), D.atTime(1, 2, 59), D.atTime(1, 9, 0), D.atTime(13, 0)));
    assertEquals(2, BatchSignals.bursts(times));
  }

  @Test
  void batches_come_in_date_order() {
    Shop shop = violation();
    String early = shop.genuine("P3", D.minusDays(30).atTime(12, 0));
    Object[] values = {early, early, "P3", D.minusDays(5).atTime(9, 0), "疑似虚假交易，销量已扣除", "WGA"};
    for (int c = 0; c < shop.deletions.columnCount(); c++) {
      KindTable.append(shop.deletions.column(c), values[c]);
    }
    ShopData data =
        ShopData.of(Map.of(FileKind.ORDERS, shop.orders, FileKind.DELETIONS, shop.deletions));
    List<BatchCause> causes = BatchCauses.of(data, DeletedOrders.of(data));
    assertEquals(List.of("WGA", "WGV"), causes.stream().map(BatchCause::id).toList());
    assertTrue(causes.get(0).thinEvidence());
  }

  @Test
  void the_shared_sample_exports_give_a_cause_for_every_batch() throws Exception {
    Path dir =
        Path.of(getClass().getResource("/samples/douyin-export-small/评价.csv").toURI()).getParent();
    ShopData shop = SimulatedShops.read(dir);
    Table deleted = DeletedOrders.of(shop);
    List<BatchCause> causes = BatchCauses.of(shop, deleted);
    assertEquals(deleted.stringColumn(DeletedOrders.BATCH).countUnique(), causes.size());
    for (BatchCause cause : causes) {
      assertTrue(
          List.of(BatchCause.SYSTEM_ERROR, BatchCause.MALICIOUS_REPORT, BatchCause.VIOLATION)
              .contains(cause.likelyCause()));
      assertTrue(cause.confidence() >= 0 && cause.confidence() <= 1);
      assertFalse(cause.consequences().isEmpty());
    }
  }
}
