package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.BatchCausesTest.Shop;
import app.rebound.analysis.OrderEvidence.Check;
import app.rebound.ingest.FileKind;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Each evidence rule on hand-made orders: the proofs found, the signs of a fake, and the verdict
 * they lead to. The shop is {@link BatchCausesTest}'s: five products at ¥100 with genuine orders in
 * the weeks before.
 */
class AppealEvidenceTest {

  static final LocalDateTime DAY = BatchCausesTest.D.minusDays(10).atTime(14, 0);

  /**
   * The evidence of the shop's deleted orders by id, their batch held at a decided system error:
   * these tests are about the orders' own proofs (a one-order batch diagnosed alone is a close
   * call, see the undecided test).
   */
  static Map<String, OrderEvidence> evidence(Shop shop, Set<FileKind> uploaded) {
    return evidence(shop, uploaded, BatchCause.SYSTEM_ERROR);
  }

  static Map<String, OrderEvidence> evidence(
      Shop shop, Set<FileKind> uploaded, String forcedCause) {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    tables.put(FileKind.ORDERS, shop.orders);
    tables.put(FileKind.DELETIONS, shop.deletions);
    tables.put(FileKind.CHATS, shop.chats);
    tables.put(FileKind.REVIEWS, shop.reviews);
    tables
        .keySet()
        .removeIf(k -> k != FileKind.ORDERS && k != FileKind.DELETIONS && !uploaded.contains(k));
    ShopData data = ShopData.of(tables);
    Table deleted = DeletedOrders.of(data);
    List<BatchCause> causes = BatchCauses.of(data, deleted);
    if (forcedCause != null) {
      causes =
          causes.stream()
              .map(
                  c ->
                      new BatchCause(
                          c.id(),
                          c.date(),
                          c.orders(),
                          c.units(),
                          c.money(),
                          c.products(),
                          forcedCause,
                          c.confidence(),
                          c.thinEvidence(),
                          c.signals(),
                          c.consequences()))
              .toList();
    }
    return AppealEvidence.of(data, deleted, causes).stream()
        .collect(Collectors.toMap(OrderEvidence::orderId, Function.identity()));
  }

  static Check.State state(OrderEvidence e, String code) {
    return e.checks().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().state();
  }

  @Test
  void a_shipped_delivered_order_with_a_chat_is_ready_to_appeal_with_every_proof_named() {
    Shop shop = new Shop();
    String id = shop.genuine("P1", DAY);
    shop.chat(id);
    shop.review(id, "P1");
    shop.delete(id, "P1", "WG1");
    OrderEvidence e = evidence(shop, Set.of(FileKind.CHATS, FileKind.REVIEWS)).get(id);
    assertEquals(OrderEvidence.APPEAL, e.verdict());
    assertEquals(List.of(), e.flags());
    assertEquals(List.of(), e.missing());
    assertEquals(0.95, e.score(), 1e-9, "all proofs but a traffic source");
    assertEquals("YT" + id.substring(1), e.trackingNumber());
    assertEquals("圆通速递", e.carrier());
    assertEquals(OrderEvidence.SHIPPED, e.reason());
  }

  @Test
  void
      without_the_chats_export_the_chat_is_unknown_and_named_as_missing_but_the_order_stays_appealable() {
    Shop shop = new Shop();
    String id = shop.genuine("P1", DAY);
    shop.delete(id, "P1", "WG1");
    OrderEvidence e = evidence(shop, Set.of()).get(id);
    assertEquals(Check.State.UNKNOWN, state(e, "chat"));
    assertEquals(Check.State.UNKNOWN, state(e, "review"));
    assertTrue(e.missing().contains("chat"), e.missing().toString());
    assertFalse(e.missing().contains("review"), "a review supports, it is not asked for");
    assertEquals(OrderEvidence.APPEAL, e.verdict());
  }

  @Test
  void an_order_not_yet_shipped_is_appealed_only_after_its_logistics_proof_is_added() {
    Shop shop = new Shop();
    String id = shop.order("P2", DAY, 100.0, null, "", "-", "");
    shop.delete(id, "P2", "WG1");
    OrderEvidence e = evidence(shop, Set.of(FileKind.CHATS)).get(id);
    assertEquals(OrderEvidence.APPEAL_AFTER_PROOF, e.verdict());
    assertTrue(
        e.missing().containsAll(List.of("logistics", "shipped", "delivered")),
        e.missing().toString());
    assertEquals(
        List.of(), e.flags(), "no tracking number on an unshipped order is no sign of a fake");
  }

  @Test
  void a_deleted_order_missing_from_the_orders_export_asks_for_it() {
    Shop shop = new Shop();
    shop.delete("S999", "P2", "WG1");
    OrderEvidence e = evidence(shop, Set.of(FileKind.CHATS)).get("S999");
    assertEquals(Check.State.ABSENT, state(e, "order_details"));
    assertEquals(Check.State.UNKNOWN, state(e, "logistics"));
    assertTrue(e.missing().contains("order_details"));
    assertEquals(OrderEvidence.APPEAL_AFTER_PROOF, e.verdict());
  }

  @Test
  void a_refunded_order_fits_the_refund_reason_and_needs_no_logistics() {
    Shop shop = new Shop();
    String id = shop.order("P3", DAY, 100.0, null, "", "退款成功", "不想要了");
    shop.chat(id);
    shop.delete(id, "P3", "WG1");
    OrderEvidence e = evidence(shop, Set.of(FileKind.CHATS)).get(id);
    assertEquals(OrderEvidence.REFUNDED, e.reason());
    assertFalse(e.missing().contains("logistics"));
    assertEquals(Check.State.ABSENT, state(e, "no_refund"));
    assertEquals(
        OrderEvidence.APPEAL_AFTER_PROOF,
        e.verdict(),
        "refund and promotion proof are screenshots");
  }

  @Test
  void an_export_without_waybills_does_not_make_every_shipped_order_look_fake() {
    // A custom orders export without 快递信息: no order has a waybill, so a missing one says
    // nothing (the real-data harness's real sales were all flagged before, and left the GMV series
    // as fakes).
    Shop shop = new Shop();
    shop.orders.stringColumn("logistics").setMissingTo("");
    for (int row = 0; row < shop.orders.rowCount(); row++) {
      shop.orders.stringColumn("logistics").set(row, "");
    }
    String a = shop.order("P1", DAY, 100.0, DAY.plusDays(4), "", "-", "");
    String b = shop.order("P2", DAY.plusHours(1), 100.0, DAY.plusDays(4), "", "-", "");
    shop.delete(a, "P1", "WG1");
    shop.delete(b, "P2", "WG1");
    Map<String, OrderEvidence> e = evidence(shop, Set.of(FileKind.CHATS), BatchCause.SYSTEM_ERROR);
    assertEquals(List.of(), e.get(a).flags());
    assertEquals(List.of(), e.get(b).flags());
  }

  @Test
  void each_sign_of_a_fake_is_found_on_the_order_and_means_do_not_appeal() {
    Shop shop = new Shop();
    String oneCent = shop.order("P1", DAY, 0.01, DAY.plusDays(4), "YT901-圆通速递", "-", "");
    String cheap = shop.order("P2", DAY.plusHours(1), 30.0, DAY.plusDays(4), "YT902-圆通速递", "-", "");
    String reusedA =
        shop.order("P3", DAY.plusHours(2), 100.0, DAY.plusDays(4), "YT903-圆通速递", "-", "");
    String reusedB =
        shop.order("P3", DAY.plusHours(3), 100.0, DAY.plusDays(4), "YT903-圆通速递", "-", "");
    String fast =
        shop.order("P4", DAY.plusHours(4), 100.0, DAY.plusHours(10), "YT905-圆通速递", "-", "");
    String noTracking = shop.order("P5", DAY.plusHours(5), 100.0, DAY.plusDays(4), "", "-", "");
    LocalDateTime night = DAY.minusDays(1).withHour(2);
    String burstA = shop.genuine("P1", night);
    String burstB = shop.genuine("P1", night.plusSeconds(70));
    String lateAlone = shop.genuine("P2", night.minusDays(2));
    for (String id :
        List.of(oneCent, cheap, reusedA, reusedB, fast, noTracking, burstA, burstB, lateAlone)) {
      shop.delete(id, "P1", "WG1");
    }
    // So many fakes make the batch a violation; held at system error, only the orders' own signs
    // count here.
    Map<String, OrderEvidence> e = evidence(shop, Set.of(FileKind.CHATS), BatchCause.SYSTEM_ERROR);
    assertEquals(List.of("one_cent"), e.get(oneCent).flags());
    assertEquals(List.of("far_below_price"), e.get(cheap).flags());
    assertEquals(List.of("reused_waybill"), e.get(reusedA).flags());
    assertEquals(List.of("reused_waybill"), e.get(reusedB).flags());
    assertEquals(List.of("completed_too_fast"), e.get(fast).flags());
    assertEquals(List.of("no_logistics"), e.get(noTracking).flags());
    // A night burst is a batch pattern: where the batch's diagnosis says genuine (a night live
    // stream), the order's time does not overrule it; in a violation batch it is named.
    assertEquals(List.of(), e.get(burstA).flags());
    assertEquals(OrderEvidence.APPEAL, e.get(burstA).verdict());
    Map<String, OrderEvidence> v = evidence(shop, Set.of(FileKind.CHATS), BatchCause.VIOLATION);
    assertEquals(List.of("night_burst", "violation_batch"), v.get(burstA).flags());
    assertEquals(List.of("night_burst", "violation_batch"), v.get(burstB).flags());
    assertEquals(
        List.of("violation_batch"),
        v.get(lateAlone).flags(),
        "one order at night alone is no burst");
    for (String id : List.of(oneCent, cheap, reusedA, fast, noTracking)) {
      assertEquals(OrderEvidence.DO_NOT_APPEAL, e.get(id).verdict(), id);
    }
    assertEquals(OrderEvidence.APPEAL, e.get(lateAlone).verdict());
  }

  @Test
  void an_order_of_an_undecided_batch_is_appealed_after_the_proof_that_settles_its_cause() {
    Shop shop = new Shop();
    String id = shop.genuine("P1", DAY);
    shop.chat(id);
    shop.delete(id, "P1", "WG1");
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    tables.put(FileKind.ORDERS, shop.orders);
    tables.put(FileKind.DELETIONS, shop.deletions);
    tables.put(FileKind.CHATS, shop.chats);
    ShopData data = ShopData.of(tables);
    Table deleted = DeletedOrders.of(data);
    List<BatchCause> causes = BatchCauses.of(data, deleted);
    assertTrue(causes.get(0).undecided(), "one genuine order, no complaint counts: a close call");
    OrderEvidence e = AppealEvidence.of(data, deleted, causes).get(0);
    assertEquals(OrderEvidence.APPEAL_AFTER_PROOF, e.verdict());
    assertEquals(List.of(OrderEvidence.BATCH_CAUSE), e.missing());
    String settle =
        e.checks().stream()
            .filter(c -> c.code().equals(OrderEvidence.BATCH_CAUSE))
            .findFirst()
            .orElseThrow()
            .source(true);
    assertTrue(settle.contains("店铺体验分.csv"), settle);
    OrderEvidence decided = evidence(shop, Set.of(FileKind.CHATS)).get(id);
    assertEquals(OrderEvidence.APPEAL, decided.verdict(), "the same order once the cause is known");
  }

  @Test
  void every_order_of_a_batch_that_looks_like_a_real_violation_is_not_appealed() {
    Shop shop = new Shop();
    String clean = shop.genuine("P1", DAY);
    shop.chat(clean);
    shop.delete(clean, "P1", "WG1");
    OrderEvidence e = evidence(shop, Set.of(FileKind.CHATS), BatchCause.VIOLATION).get(clean);
    assertEquals(List.of("violation_batch"), e.flags());
    assertEquals(OrderEvidence.DO_NOT_APPEAL, e.verdict());
    OrderEvidence same = evidence(shop, Set.of(FileKind.CHATS), BatchCause.SYSTEM_ERROR).get(clean);
    assertEquals(
        OrderEvidence.APPEAL, same.verdict(), "the same order in a system-error batch is appealed");
  }
}
