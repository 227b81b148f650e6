package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CounterfactualTest {

  static final LocalDate START = LocalDate.of(2026, 5, 4); // a Monday
  static final List<LocalDate> DAYS = IntStream.range(0, 60).mapToObj(START::plusDays).toList();

  static double[] controls(Random random) {
    double[] c = new double[DAYS.size()];
    for (int t = 0; t < c.length; t++) {
      double weekly = DAYS.get(t).getDayOfWeek().getValue() >= 6 ? 1.3 : 1.0;
      double promotion =
          t >= 45 && t < 50 ? 1.6 : 1.0; // a shop-wide spike after the deletion: not damage
      c[t] = 1000 * weekly * promotion + random.nextGaussian() * 20;
    }
    return c;
  }

  @Test
  void a_product_that_moves_with_its_controls_gets_the_injected_loss_back_exactly() {
    double[] c = controls(new Random(1));
    double[] y = new double[c.length];
    double injected = 0;
    for (int t = 0; t < y.length; t++) {
      double loss = t >= 40 ? 0.3 * 0.2 * c[t] : 0;
      y[t] = 0.2 * c[t] - loss;
      injected += loss;
    }
    Counterfactual.Estimate e =
        Counterfactual.estimate(DAYS, y, Controls.pooled("controls", c), 40).estimate();
    assertEquals(injected, e.loss(), 1e-6);
    assertEquals(1.0, e.fit().rSquared(), 1e-9);
    assertEquals(40, e.fit().preDays());
    assertEquals(20, e.fit().postDays());
    assertTrue(e.significant());
  }

  @Test
  void a_shop_wide_promotion_after_the_deletion_is_not_mistaken_for_a_gain_or_loss() {
    Random random = new Random(7);
    int significant = 0;
    for (int shop = 0; shop < 200; shop++) {
      double[] c = controls(random);
      double[] y = new double[c.length];
      for (int t = 0; t < y.length; t++) {
        y[t] = 0.1 * c[t] + random.nextGaussian() * 8;
      }
      if (Counterfactual.estimate(DAYS, y, Controls.pooled("controls", c), 40)
          .estimate()
          .significant()) {
        significant++;
      }
    }
    assertTrue(significant <= 20, "placebo shops flagged significant: " + significant + " of 200");
  }

  @Test
  void the_95_percent_interval_covers_the_true_loss_in_most_shops() {
    Random random = new Random(11);
    int covered = 0;
    for (int shop = 0; shop < 200; shop++) {
      double[] c = controls(random);
      double[] y = new double[c.length];
      double trueLoss = 0;
      for (int t = 0; t < y.length; t++) {
        double counterfactual = 0.1 * c[t] + random.nextGaussian() * 8;
        double effect = t >= 40 ? 0.25 * 0.1 * c[t] : 0;
        y[t] = counterfactual - effect;
        trueLoss += effect;
      }
      Counterfactual.Estimate e =
          Counterfactual.estimate(DAYS, y, Controls.pooled("controls", c), 40).estimate();
      if (e.lossLow() <= trueLoss && trueLoss <= e.lossHigh()) {
        covered++;
      }
    }
    assertTrue(covered >= 180, "intervals covering the true loss: " + covered + " of 200");
  }

  @Test
  void too_few_pre_period_days_are_refused_with_a_reason() {
    double[] c = controls(new Random(3));
    Counterfactual.Result shortPre =
        Counterfactual.estimate(DAYS, c.clone(), Controls.pooled("controls", c), 10);
    assertFalse(shortPre.measured());
    assertEquals(Reason.of("few_pre_days", 10, Counterfactual.MIN_PRE_DAYS), shortPre.refusal());
  }

  @Test
  void one_control_or_none_gives_an_estimate_marked_weak_not_a_refusal() {
    double[] c = controls(new Random(5));
    double[] y = new double[c.length];
    for (int t = 0; t < y.length; t++) {
      y[t] = 0.5 * c[t] * (t >= 40 ? 0.7 : 1);
    }
    Counterfactual.Result one =
        Counterfactual.estimate(DAYS, y, Controls.sumOf(List.of("p1"), c), 40);
    assertTrue(one.measured());
    assertTrue(one.estimate().fit().weak());
    Counterfactual.Result none =
        Counterfactual.estimate(DAYS, y, Controls.sumOf(List.of(), new double[60]), 40);
    assertTrue(none.measured());
    assertTrue(none.estimate().fit().weak());
    assertTrue(none.estimate().loss() > 0, "the product fell 30%: " + none.estimate().loss());
    Counterfactual.Result pooled =
        Counterfactual.estimate(DAYS, y, Controls.sumOf(List.of("p1", "p2"), c), 40);
    assertFalse(pooled.estimate().fit().weak());
  }

  @Test
  void the_range_is_tested_on_the_shops_own_history_and_said_in_plain_words() {
    double[] c = controls(new Random(9));
    double[] y = new double[c.length];
    Random noise = new Random(10);
    for (int t = 0; t < y.length; t++) {
      y[t] = 0.1 * c[t] + noise.nextGaussian() * 8;
    }
    Counterfactual.Calibration cal =
        Counterfactual.estimate(DAYS, y, Controls.pooled("controls", c), 40)
            .estimate()
            .fit()
            .calibration();
    // 40 days before the deletion: pseudo-dates from day 14 to day 33, each with 7+ days after.
    assertEquals(20, cal.dates());
    assertTrue(cal.calibrated());
    assertTrue(cal.widening() >= 1);
    assertTrue(cal.sentence(false).startsWith("on 20 dates in your own history"));
    assertTrue(cal.sentence(true).contains("20 个"));
    Counterfactual.Calibration tooShort =
        Counterfactual.estimate(
                DAYS.subList(0, 30),
                Arrays.copyOf(y, 30),
                Controls.pooled("controls", Arrays.copyOf(c, 30)),
                16)
            .estimate()
            .fit()
            .calibration();
    assertFalse(tooShort.calibrated());
    assertTrue(tooShort.sentence(false).contains("too short"));
  }

  @Test
  void a_viral_day_of_one_control_barely_moves_the_counterfactual() {
    Random random = new Random(21);
    double[][] controls = new double[5][];
    for (int j = 0; j < 5; j++) {
      controls[j] = controls(random);
    }
    double[] y = new double[60];
    for (int t = 0; t < 60; t++) {
      y[t] = 0.2 * (controls[0][t] + controls[1][t] + controls[2][t] + controls[3][t]) / 4;
    }
    List<String> names = List.of("a", "b", "c", "d", "e");
    double calm =
        Counterfactual.estimate(
                DAYS, y, new Controls.Selection(names, controls, List.of(), false), 40)
            .estimate()
            .counterfactualTotal();
    double[][] viral = controls.clone();
    viral[4] = controls[4].clone();
    viral[4][45] *= 6;
    viral[4][46] *= 6;
    double shocked =
        Counterfactual.estimate(DAYS, y, new Controls.Selection(names, viral, List.of(), false), 40)
            .estimate()
            .counterfactualTotal();
    // Uncapped, two days at six times one control's level would add about 10 of the product's
    // 20 post days' worth × its weight; capped at three times its median day, a fraction of that.
    assertTrue(
        Math.abs(shocked - calm) / calm < 0.03,
        "counterfactual " + calm + " became " + shocked + " after one control's two viral days");
  }
}
