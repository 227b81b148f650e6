package app.rebound.sim;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything that shapes a simulated shop. Same config, same files, byte for byte.
 *
 * @param seed the only source of randomness
 * @param products number of products (at least 4, so some stay unaffected as controls)
 * @param days length of the export window (at least 42: 28 days before a batch, 14 after)
 * @param start first day of the window
 * @param scenario causes of the deletion batches
 * @param effectSize relative fall in an affected product's visitors at full strength (0.25 = a
 *     quarter); split into exposure (rank) and click-through (social proof); conversion falls by
 *     half of it
 * @param targetOrders total orders to aim for; 0 keeps the natural volume of a small shop
 * @param gb18030 write GB18030 without BOM (as Excel on Chinese Windows saves) instead of UTF-8
 *     with BOM
 * @param promotionSpike add a shop-wide promotion in the post-deletion period (lifts every product)
 * @param impactDynamics how the deletion's effect and the shop's other dynamics unfold over time
 * @param causeDynamics how each cause shows itself in the orders, refunds and complaints
 * @param lastNoticeDaysBeforeEnd the newest deletion notice this many days before the window's last
 *     day, as a merchant sees a fresh notice (the demo shop); {@link #LAST_NOTICE_ANYWHERE} keeps
 *     every batch at least 14 days before the end
 */
public record SimConfig(
    long seed,
    int products,
    int days,
    LocalDate start,
    Scenario scenario,
    double effectSize,
    long targetOrders,
    boolean gb18030,
    boolean promotionSpike,
    ImpactDynamics impactDynamics,
    CauseDynamics causeDynamics,
    int lastNoticeDaysBeforeEnd) {

  /** No batch pinned to the end of the window: batches keep 14 days after them. */
  public static final int LAST_NOTICE_ANYWHERE = -1;

  public SimConfig {
    Objects.requireNonNull(impactDynamics, "impactDynamics");
    Objects.requireNonNull(causeDynamics, "causeDynamics");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(scenario, "scenario");
    if (products < 4 || products > 5000) {
      throw new IllegalArgumentException("products must be between 4 and 5000, was " + products);
    }
    if (days < 42 || days > 3660) {
      throw new IllegalArgumentException(
          "days must be at least 42 (28 before a batch, 14 after), was " + days);
    }
    if (!(effectSize >= 0 && effectSize <= 0.9)) {
      throw new IllegalArgumentException(
          "effect size must be between 0 and 0.9, was " + effectSize);
    }
    if (lastNoticeDaysBeforeEnd < LAST_NOTICE_ANYWHERE || lastNoticeDaysBeforeEnd > 13) {
      throw new IllegalArgumentException(
          "the last notice must be 0 to 13 days before the end, was " + lastNoticeDaysBeforeEnd);
    }
    if (targetOrders < 0) {
      throw new IllegalArgumentException("target orders must not be negative, was " + targetOrders);
    }
  }

  /**
   * A small natural shop: seed 1, 20 products, 90 days from 2026-05-01, mixed causes, effect 0.25.
   */
  public static SimConfig defaults() {
    return new SimConfig(
        1,
        20,
        90,
        LocalDate.of(2026, 5, 1),
        Scenario.MIXED,
        0.25,
        0,
        false,
        false,
        ImpactDynamics.PLAIN,
        CauseDynamics.PLAIN,
        LAST_NOTICE_ANYWHERE);
  }

  /** The last day of the window. */
  public LocalDate end() {
    return start.plusDays(days - 1L);
  }

  public SimConfig withSeed(long value) {
    return with(b -> b.seed = value);
  }

  public SimConfig withProducts(int value) {
    return with(b -> b.products = value);
  }

  public SimConfig withDays(int value) {
    return with(b -> b.days = value);
  }

  public SimConfig withStart(LocalDate value) {
    return with(b -> b.start = value);
  }

  public SimConfig withScenario(Scenario value) {
    return with(b -> b.scenario = value);
  }

  public SimConfig withEffectSize(double value) {
    return with(b -> b.effectSize = value);
  }

  public SimConfig withTargetOrders(long value) {
    return with(b -> b.targetOrders = value);
  }

  public SimConfig withGb18030(boolean value) {
    return with(b -> b.gb18030 = value);
  }

  public SimConfig withPromotionSpike(boolean value) {
    return with(b -> b.promotionSpike = value);
  }

  public SimConfig withImpactDynamics(ImpactDynamics value) {
    return with(b -> b.impactDynamics = value);
  }

  public SimConfig withCauseDynamics(CauseDynamics value) {
    return with(b -> b.causeDynamics = value);
  }

  public SimConfig withLastNoticeDaysBeforeEnd(int value) {
    return with(b -> b.lastNoticeDaysBeforeEnd = value);
  }

  /** This config with one field changed, checked again by the constructor. */
  private SimConfig with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The fields of a config, to change one and build again: the one place that lists them all. */
  private static final class Copy {
    long seed;
    int products;
    int days;
    LocalDate start;
    Scenario scenario;
    double effectSize;
    long targetOrders;
    boolean gb18030;
    boolean promotionSpike;
    ImpactDynamics impactDynamics;
    CauseDynamics causeDynamics;
    int lastNoticeDaysBeforeEnd;

    Copy(SimConfig c) {
      seed = c.seed;
      products = c.products;
      days = c.days;
      start = c.start;
      scenario = c.scenario;
      effectSize = c.effectSize;
      targetOrders = c.targetOrders;
      gb18030 = c.gb18030;
      promotionSpike = c.promotionSpike;
      impactDynamics = c.impactDynamics;
      causeDynamics = c.causeDynamics;
      lastNoticeDaysBeforeEnd = c.lastNoticeDaysBeforeEnd;
    }

    SimConfig build() {
      return new SimConfig(
          seed,
          products,
          days,
          start,
          scenario,
          effectSize,
          targetOrders,
          gb18030,
          promotionSpike,
          impactDynamics,
          causeDynamics,
          lastNoticeDaysBeforeEnd);
    }
  }
}
