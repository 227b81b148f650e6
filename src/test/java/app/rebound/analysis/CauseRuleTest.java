package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.BatchCausesTest.Shop;
import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The diagnosis's rules, each on the fewest signals that show it: the graded complaint spike, the
 * reused waybill above the base rate, the undecided near tie, best sellers ranked before the batch
 * and breadth as a share of sales.
 */
class CauseRuleTest {

  /** Twenty genuine-looking orders: full price, real parcels at a parcel's pace, daytime. */
  static Map<String, Signal> genuineOrders() {
    Map<String, Signal> s = new LinkedHashMap<>();
    put(s, BatchSignals.IN_ORDERS, 1);
    for (String code :
        new String[] {
          BatchSignals.REUSED_EXCESS,
          BatchSignals.NO_WAYBILL,
          BatchSignals.LOW_PRICE,
          BatchSignals.FAST_COMPLETE,
          BatchSignals.BURST,
          BatchSignals.NIGHT
        }) {
      put(s, code, 0);
    }
    return s;
  }

  static void put(Map<String, Signal> s, String code, double value) {
    s.put(code, new Signal(code, value, Phrase.of(code)));
  }

  /** The rule's verdict on {@code s}, asserted to name {@code cause} and not to be undecided. */
  static CauseRule.Verdict assertDecided(String cause, Map<String, Signal> s, int orders) {
    CauseRule.Verdict v = CauseRule.decide(s, orders);
    assertEquals(cause, v.cause());
    assertFalse(v.odds().undecided(), v.odds().probabilities().toString());
    return v;
  }

  @Test
  void a_spike_of_five_times_the_usual_complaints_outweighs_no_refunds() {
    Map<String, Signal> s = genuineOrders();
    put(s, BatchSignals.REFUND_GROUP, 0.5);
    put(s, BatchSignals.CHAT, 0.5);
    put(s, BatchSignals.COMPLAINTS, 5.0);
    CauseRule.Verdict v = assertDecided(BatchCause.MALICIOUS_REPORT, s, 20);
    assertEquals(BatchSignals.COMPLAINTS, v.odds().drivers().get(0).code());
    // A spike of 1.6 times is not one of 5: the same batch is then not an attack.
    put(s, BatchSignals.COMPLAINTS, 1.6);
    CauseRule.Verdict mild = CauseRule.decide(s, 20);
    assertTrue(
        mild.odds().undecided() || !mild.cause().equals(BatchCause.MALICIOUS_REPORT),
        mild.odds().probabilities().toString());
  }

  @Test
  void a_rise_in_complaints_resting_on_a_handful_weighs_less_than_the_same_rise_on_many() {
    // A sweep's batch: calm refunds, few best sellers, and complaints 2.2 times the usual.
    Map<String, Signal> s = genuineOrders();
    put(s, BatchSignals.REFUND_GROUP, 0.7);
    put(s, BatchSignals.REFUNDS_EXTRA, -1.3);
    put(s, BatchSignals.BEST_SELLERS, 0.2);
    put(s, BatchSignals.COMPLAINTS, 2.2);
    // 4 complaints above a usual 3.5 a week: chance about one week in twenty.
    put(s, BatchSignals.COMPLAINTS_EXTRA, 4.2);
    CauseRule.Verdict few = assertDecided(BatchCause.SYSTEM_ERROR, s, 20);
    // The same ratio on 40 complaints above the usual: the rise counts in full.
    put(s, BatchSignals.COMPLAINTS_EXTRA, 40);
    CauseRule.Verdict many = CauseRule.decide(s, 20);
    double attackFew = few.odds().probabilities().get(BatchCause.MALICIOUS_REPORT);
    double attackMany = many.odds().probabilities().get(BatchCause.MALICIOUS_REPORT);
    assertTrue(attackMany > 1.5 * attackFew, attackFew + " vs " + attackMany);
    // A calm week counts in full however few complaints it rests on.
    put(s, BatchSignals.COMPLAINTS, 1.0);
    put(s, BatchSignals.COMPLAINTS_EXTRA, 0);
    CauseRule.Verdict calm = CauseRule.decide(s, 20);
    put(s, BatchSignals.COMPLAINTS_EXTRA, 30);
    assertEquals(calm.odds().probabilities(), CauseRule.decide(s, 20).odds().probabilities());
  }

  @Test
  void a_reused_waybill_share_above_the_base_rate_marks_brushing_even_with_real_parcels() {
    Map<String, Signal> s = genuineOrders();
    put(s, BatchSignals.REFUND_GROUP, 0.5);
    put(s, BatchSignals.COMPLAINTS, 1.0);
    put(s, BatchSignals.REUSED_EXCESS, 0.08);
    CauseRule.Verdict v = assertDecided(BatchCause.VIOLATION, s, 40);
    assertTrue(v.confidence() >= 0.9, "confidence " + v.confidence());
  }

  @Test
  void the_base_rate_of_reused_waybills_is_subtracted_and_a_shared_main_order_is_no_reuse() {
    Shop shop = new Shop().complaints(1);
    // One main order of two sub-orders in one parcel: genuine.
    String a = shop.genuine("P1", BatchCausesTest.D.minusDays(9).atTime(10, 0));
    String b = shop.genuine("P2", BatchCausesTest.D.minusDays(9).atTime(10, 0));
    shop.orders.stringColumn("order_id").set(shop.orders.rowCount() - 1, a);
    shop.orders
        .stringColumn("logistics")
        .set(shop.orders.rowCount() - 1, "YT" + a.substring(1) + "-圆通速递");
    shop.delete(a, "P1", "WGR");
    shop.delete(b, "P2", "WGR");
    BatchCause cause = shop.cause(BatchCausesTest.ALL);
    assertEquals(0.0, BatchCausesTest.value(cause, BatchSignals.REUSED_WAYBILL));
    assertEquals(0.0, BatchCausesTest.value(cause, BatchSignals.REUSED_EXCESS));
  }

  @Test
  void a_near_tie_is_undecided_and_names_what_would_settle_it() {
    Map<String, Signal> s = genuineOrders();
    put(s, BatchSignals.CHAT, 0.5);
    put(s, BatchSignals.REFUND_GROUP, 0.5);
    put(s, BatchSignals.BEST_SELLERS, 1.0);
    // No complaint counts: nothing tells an attack on best sellers from a sweep.
    CauseRule.Verdict v = CauseRule.decide(s, 20);
    double system = v.odds().probabilities().get(BatchCause.SYSTEM_ERROR);
    double attack = v.odds().probabilities().get(BatchCause.MALICIOUS_REPORT);
    assertTrue(Math.abs(system - attack) < 0.2, v.odds().probabilities().toString());
    assertTrue(v.odds().undecided());
    assertTrue(v.odds().settle(true).contains("店铺体验分.csv"), v.odds().settle(true));
    assertTrue(v.odds().settle(false).contains("店铺体验分.csv"), v.odds().settle(false));
    put(s, BatchSignals.COMPLAINTS, 1.0);
    assertFalse(CauseRule.decide(s, 20).odds().undecided(), "calm complaints settle it");
  }

  @Test
  void every_weight_has_its_meaning_and_source_and_the_probabilities_sum_to_one() {
    CauseWeights w = CauseWeights.load();
    for (String code : CauseRule.WEIGHED.keySet()) {
      assertFalse(w.source(code + ".cuts").isBlank(), code);
    }
    Map<String, Signal> s = genuineOrders();
    double sum =
        CauseRule.decide(s, 20).odds().probabilities().values().stream()
            .mapToDouble(Double::doubleValue)
            .sum();
    assertEquals(1.0, sum, 0.01);
  }

  /**
   * P4 sold most in the weeks before the batch, then its orders were deleted and P1, P2 and P3 sold
   * a lot after: ranked on orders before the batch, P4 is a best seller (ranked on kept orders or
   * on the whole export it would not be).
   */
  @Test
  void best_sellers_are_ranked_on_all_orders_before_the_batch() {
    Shop shop = new Shop().complaints(1);
    LocalDate d = BatchCausesTest.D;
    for (int i = 0; i < 20; i++) {
      String id = shop.genuine("P4", d.minusDays(20 - i / 2).atTime(12, i));
      shop.chat(id);
      shop.delete(id, "P4", "WGB");
    }
    for (String product : new String[] {"P1", "P2", "P3"}) {
      for (int i = 0; i < 40; i++) {
        shop.genuine(product, d.plusDays(1 + i % 4).atTime(13, i));
      }
    }
    BatchCause cause = shop.cause(BatchCausesTest.ALL);
    assertEquals(1.0, BatchCausesTest.value(cause, BatchSignals.BEST_SELLERS));
  }

  /** One product, but the best seller: breadth is its share of the units, not 1 of 5 products. */
  @Test
  void breadth_is_a_share_of_the_shops_sales_not_a_count_of_products() {
    Shop shop = new Shop().complaints(1);
    LocalDate d = BatchCausesTest.D;
    for (int i = 0; i < 12; i++) {
      String id = shop.genuine("P1", d.minusDays(20 - i).atTime(12, i));
      shop.delete(id, "P1", "WGW");
    }
    BatchCause cause = shop.cause(Set.of(FileKind.CHATS));
    // In the 28 days before: P1 6 + 12, P2 4, P3 2 units.
    assertEquals(18 / 24.0, BatchCausesTest.value(cause, BatchSignals.BREADTH), 1e-9);
  }

  @Test
  void the_diagnosis_sentence_never_gives_a_cause_0_or_100_percent() {
    assertEquals(">99%", CauseRule.probability(1.0));
    assertEquals("<1%", CauseRule.probability(0.001));
    assertEquals("97%", CauseRule.probability(0.966));
  }
}
