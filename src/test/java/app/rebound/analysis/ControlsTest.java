package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Control hygiene: a control whose share of the shop breaks after the deletion is left out. */
class ControlsTest {

  static final int DAYS = 84;
  static final int SPLIT = 56;

  static double[][] shop(Random random, double substituteLift) {
    double[][] c = new double[4][DAYS];
    for (int t = 0; t < DAYS; t++) {
      double m = Math.exp(0.05 * random.nextGaussian());
      for (int j = 0; j < 4; j++) {
        double mean = (80 + 20 * j) * m * (j == 0 && t >= SPLIT ? substituteLift : 1);
        c[j][t] = Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
      }
    }
    return c;
  }

  static double[] total(double[][] c) {
    double[] s = new double[DAYS];
    for (double[] row : c) {
      for (int t = 0; t < DAYS; t++) {
        s[t] += row[t];
      }
    }
    return s;
  }

  @Test
  void a_control_that_rises_after_the_deletion_is_named_a_likely_substitute() {
    double[][] c = shop(new Random(1), 1.5);
    String reason = Controls.breakReason(c[0], total(c), SPLIT);
    assertTrue(reason != null && reason.contains("likely substitute"), String.valueOf(reason));
  }

  @Test
  void a_control_with_its_own_stock_out_is_left_out_as_a_shock_of_its_own() {
    double[][] c = shop(new Random(2), 0.4);
    String reason = Controls.breakReason(c[0], total(c), SPLIT);
    assertTrue(reason != null && reason.contains("shock of its own"), String.valueOf(reason));
  }

  @Test
  void steady_controls_are_kept() {
    Random random = new Random(3);
    int broke = 0;
    for (int shop = 0; shop < 50; shop++) {
      double[][] c = shop(random, 1);
      for (int j = 0; j < 4; j++) {
        broke += Controls.breakReason(c[j], total(c), SPLIT) == null ? 0 : 1;
      }
    }
    assertTrue(broke <= 2, "steady controls left out: " + broke + " of 200");
  }

  @Test
  void a_break_needs_three_weeks_before_and_one_after() {
    double[][] c = shop(new Random(4), 2);
    assertNull(Controls.breakReason(c[0], total(c), 14));
    assertEquals(null, Controls.breakReason(c[0], total(c), DAYS - 3));
  }
}
