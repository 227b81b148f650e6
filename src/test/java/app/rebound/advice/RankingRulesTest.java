package app.rebound.advice;

import static app.rebound.advice.Reports.DAY;
import static app.rebound.advice.Reports.batch;
import static app.rebound.advice.Reports.measure;
import static app.rebound.advice.Reports.missing;
import static app.rebound.advice.Reports.unmeasured;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingRulesTest {

  static final Assumptions A = Assumptions.defaults();
  static final LocalDate AS_OF = DAY.plusDays(2);

  static Plan plan(Reports.Builder b) {
    return RecoveryPlan.of(b.build(), A, AS_OF);
  }

  static RankedAction action(Plan p, ActionId id) {
    return p.actions().stream().filter(a -> a.id() == id).findFirst().orElse(null);
  }

  @Test
  void actions_are_ranked_by_expected_net_value_with_consecutive_ranks() {
    Plan p = plan(new Reports.Builder());
    for (int i = 0; i < p.actions().size(); i++) {
      assertEquals(i + 1, p.actions().get(i).rank());
      if (i > 0 && p.actions().get(i - 1).rankRule().equals(RankedAction.BY_NET_VALUE)) {
        RankedAction prev = p.actions().get(i - 1);
        RankedAction cur = p.actions().get(i);
        assertTrue(
            prev.expectedGmv() - prev.cost() >= cur.expectedGmv() - cur.cost() - 0.02,
            prev + " vs " + cur);
      }
    }
    for (RankedAction a : p.actions()) {
      assertTrue(
          a.expectedGmvLow() <= a.expectedGmv() && a.expectedGmv() <= a.expectedGmvHigh(),
          a.toString());
      assertTrue(a.confidence() >= 0 && a.confidence() <= 1);
    }
  }

  @Test
  void a_violation_batch_is_not_appealed_and_compliance_comes_first() {
    Reports.Builder b = new Reports.Builder();
    b.batches =
        List.of(
            batch("N1", DAY, 10, 1000, "system_error"), batch("N2", DAY, 50, 50000, "violation"));
    Plan p = plan(b);
    assertEquals(ActionId.COMPLIANCE, p.actions().get(0).id());
    assertEquals(RankedAction.VIOLATION_FIRST, p.actions().get(0).rankRule());
    RankedAction appeal = action(p, ActionId.APPEAL);
    assertNotNull(appeal);
    assertEquals(10, appeal.unitsRestored(), "the violation batch's 50 units are left out");
    assertTrue(appeal.rationale().contains("not appealed"), appeal.rationale());
    assertTrue(
        p.steps().stream()
            .noneMatch(s -> s.actionId() == ActionId.APPEAL && s.text().contains("N2")));
  }

  @Test
  void compliance_comes_first_even_when_its_value_is_small() {
    Reports.Builder b = new Reports.Builder();
    b.batches =
        List.of(
            batch("N1", DAY, 100, 30000, "malicious_report"), batch("N2", DAY, 1, 10, "violation"));
    Plan p = plan(b);
    assertEquals(ActionId.COMPLIANCE, p.actions().get(0).id());
  }

  @Test
  void without_a_violation_there_is_no_compliance_action() {
    assertNull(action(plan(new Reports.Builder()), ActionId.COMPLIANCE));
  }

  @Test
  void a_shop_whose_trust_fell_most_gets_customer_service_ahead_of_promotion() {
    Reports.Builder b = new Reports.Builder();
    b.trust =
        List.of(
            measure("doubtful_review_share", 0.08, 0.04, 0.12),
            measure("average_rating", -0.5, -0.8, -0.2),
            measure("refund_rate", 0.05, 0.02, 0.08),
            measure("shop_experience_score", -12, -15, -9));
    Plan p = plan(b);
    RankedAction cs = action(p, ActionId.CUSTOMER_SERVICE);
    RankedAction promo = action(p, ActionId.PROMOTION);
    assertNotNull(cs);
    assertTrue(promo == null || cs.rank() < promo.rank(), p.actions().toString());
    assertTrue(cs.gap().contains("4 of 4"), cs.gap());
  }

  @Test
  void a_shop_whose_trust_held_gets_promotion_and_no_customer_service() {
    Plan p = plan(new Reports.Builder());
    assertNotNull(action(p, ActionId.PROMOTION));
    assertNull(action(p, ActionId.CUSTOMER_SERVICE));
  }

  @Test
  void no_affiliate_action_when_partnerships_were_not_measured() {
    assertNull(action(plan(new Reports.Builder()), ActionId.AFFILIATE));
  }

  @Test
  void no_affiliate_action_when_the_effect_interval_includes_zero() {
    Reports.Builder b = new Reports.Builder();
    b.partners =
        List.of(
            measure("affiliate_gmv", -200, -500, 100),
            measure("affiliate_cancellations", 1, -1, 3));
    assertNull(action(plan(b), ActionId.AFFILIATE));
  }

  @Test
  void no_affiliate_action_when_affiliates_did_better() {
    Reports.Builder b = new Reports.Builder();
    b.partners =
        List.of(
            measure("affiliate_gmv", 300, 100, 500),
            measure("affiliate_cancellations", -2, -3, -1));
    assertNull(action(plan(b), ActionId.AFFILIATE));
  }

  @Test
  void a_significant_affiliate_gmv_loss_gets_an_affiliate_action_valued_from_it() {
    Reports.Builder b = new Reports.Builder();
    b.partners =
        List.of(measure("affiliate_gmv", -200, -300, -100), unmeasured("affiliate_cancellations"));
    RankedAction a = action(plan(b), ActionId.AFFILIATE);
    assertNotNull(a);
    assertEquals(200 * 30 * A.get("affiliate.recovery"), a.expectedGmv(), 0.01);
    assertTrue(a.rationale().contains("6,000"), a.rationale());
  }

  @Test
  void an_unmeasured_traffic_gap_gives_listing_low_confidence_and_says_why() {
    Reports.Builder b = new Reports.Builder();
    b.visitors = missing("visitors", "商品流量.csv");
    b.impressions = missing("impressions", "商品流量.csv");
    b.buyers = missing("buyers", "商品流量.csv");
    Plan p = plan(b);
    RankedAction listing = action(p, ActionId.LISTING);
    if (listing != null) {
      assertTrue(listing.confidence() <= A.get("confidence.unmeasured"));
      assertTrue(listing.gap().contains("商品流量.csv"), listing.gap());
      assertTrue(listing.rationale().contains("not measured"), listing.rationale());
    }
    RankedAction measuredListing = action(plan(new Reports.Builder()), ActionId.LISTING);
    assertTrue(measuredListing.confidence() > A.get("confidence.unmeasured"));
  }

  @Test
  void a_loss_whose_interval_includes_zero_lowers_confidence_and_says_so() {
    Reports.Builder b = new Reports.Builder();
    b.visitors = Reports.loss("visitors", 1000, -500, 2500, 20000);
    RankedAction listing = action(plan(b), ActionId.LISTING);
    RankedAction significant = action(plan(new Reports.Builder()), ActionId.LISTING);
    assertTrue(listing.confidence() < significant.confidence());
    assertTrue(listing.rationale().contains("includes zero"), listing.rationale());
  }

  @Test
  void a_batch_past_its_window_is_not_valued_and_no_appeal_is_ranked() {
    Reports.Builder b = new Reports.Builder();
    b.batches = List.of(batch("OLD", DAY.minusDays(20), 10, 1000, "system_error"));
    Plan p = plan(b);
    assertNull(action(p, ActionId.APPEAL));
    assertTrue(
        p.steps().stream()
            .anyMatch(s -> s.actionId() == ActionId.APPEAL && s.text().contains("closed")));
    assertFalse(p.steps().stream().anyMatch(s -> s.text().startsWith("Submit")));
  }

  @Test
  void the_plan_is_in_the_reports_language() {
    Plan zh = plan(new Reports.Builder().lang("zh"));
    assertEquals("zh", zh.lang());
    assertTrue(zh.actions().get(0).gap().codePoints().anyMatch(cp -> cp >= 0x4e00 && cp <= 0x9fff));
    assertEquals("en", plan(new Reports.Builder()).lang());
  }

  @Test
  void replies_to_doubtful_reviews_count_only_when_their_share_rose_significantly() {
    Reports.Builder held = new Reports.Builder();
    Reports.Builder rose = new Reports.Builder();
    rose.trust =
        List.of(
            measure("doubtful_review_share", 0.1, 0.05, 0.15),
            measure("average_rating", 0, -0.1, 0.1));
    RankedAction before = action(plan(held), ActionId.INTERACTION);
    RankedAction after = action(plan(rose), ActionId.INTERACTION);
    assertTrue(after.expectedGmv() > before.expectedGmv());
    assertTrue(before.rationale().contains("did not rise"), before.rationale());
  }

  // ---- the appeal's value: units restored and the products' loss won back, never the paid money

  /** One appealable batch of 20 units on p1, whose own GMV loss over 30 days is ¥3,000. */
  static Reports.Builder appealable(double paid) {
    Reports.Builder b = new Reports.Builder();
    b.batches = List.of(batch("N1", DAY, 20, paid, "malicious_report"));
    b.products.add(
        Reports.product(
            "p1",
            DAY,
            Reports.loss("yuan", 3000, 1000, 5000, 20000),
            Reports.loss("visitors", 600, 200, 1000, 5000)));
    return b;
  }

  @Test
  void the_appeal_is_valued_by_its_products_own_loss_won_back_not_by_the_money_already_paid() {
    RankedAction small = action(plan(appealable(2_000)), ActionId.APPEAL);
    RankedAction large = action(plan(appealable(2_000_000)), ActionId.APPEAL);
    // the series is absent, so the product's loss spans the default window
    double perHorizon = A.get("horizon.days") / A.get("loss.window_days_default");
    double expected =
        A.get("appeal.success_malicious_report") * A.get("appeal.gmv_recovery") * 3000 * perHorizon;
    assertEquals(expected, small.expectedGmv(), 0.01);
    assertEquals(
        small.expectedGmv(), large.expectedGmv(), 0.001, "¥2,000,000 paid is not won back");
    assertEquals(20, small.unitsRestored(), "the sales count restored, in units");
    assertTrue(
        small.gap().contains("p1, in the 30 days since its deletion: GMV lost ¥3,000"),
        small.gap());
    assertFalse(small.rationale().contains("2,000,000 of sales restored"), small.rationale());
  }

  @Test
  void an_unmeasured_gmv_loss_gives_the_appeal_no_money_value_and_the_rule_still_ranks_it() {
    Reports.Builder b = appealable(50_000);
    b.products.clear();
    b.gmv = missing("yuan", "商品流量.csv");
    Plan p = plan(b);
    RankedAction appeal = action(p, ActionId.APPEAL);
    assertEquals(0, appeal.expectedGmv(), 0.001);
    assertEquals(1, appeal.rank(), "the open window comes first without a violation");
    assertEquals(RankedAction.APPEAL_WINDOW_FIRST, appeal.rankRule());
    assertTrue(appeal.rationale().contains("not measured"), appeal.rationale());
    p.actions().stream()
        .filter(a -> a.id() != ActionId.APPEAL)
        .forEach(a -> assertEquals(RankedAction.BY_NET_VALUE, a.rankRule(), a.id().code()));
  }
}
