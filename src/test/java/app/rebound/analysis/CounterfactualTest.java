package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
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
  void an_exact_linear_relation_recovers_the_injected_loss_exactly() {
    double[] c = controls(new Random(1));
    double[] y = new double[c.length];
    for (int t = 0; t < y.length; t++) {
      double saturday = DAYS.get(t).getDayOfWeek() == DayOfWeek.SATURDAY ? 5 : 0;
      y[t] = 0.2 * c[t] + saturday - (t >= 40 ? 10 : 0);
    }
    Counterfactual.Estimate e = Counterfactual.estimate(DAYS, y, c, 5, 40).estimate();
    assertEquals(200, e.loss(), 1e-6);
    assertEquals(1.0, e.fit().rSquared(), 1e-9);
    assertEquals(40, e.fit().preDays());
    assertEquals(20, e.fit().postDays());
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
      if (Counterfactual.estimate(DAYS, y, c, 5, 40).estimate().significant()) {
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
      Counterfactual.Estimate e = Counterfactual.estimate(DAYS, y, c, 5, 40).estimate();
      if (e.lossLow() <= trueLoss && trueLoss <= e.lossHigh()) {
        covered++;
      }
    }
    assertTrue(covered >= 180, "intervals covering the true loss: " + covered + " of 200");
  }

  @Test
  void too_few_controls_or_pre_period_days_are_refused_with_a_reason() {
    double[] c = controls(new Random(3));
    double[] y = c.clone();
    Counterfactual.Result fewControls = Counterfactual.estimate(DAYS, y, c, 1, 40);
    assertFalse(fewControls.measured());
    assertTrue(fewControls.refusal().contains("unaffected product"));
    Counterfactual.Result shortPre = Counterfactual.estimate(DAYS, y, c, 5, 10);
    assertFalse(shortPre.measured());
    assertTrue(shortPre.refusal().contains("before the deletion"));
  }
}
