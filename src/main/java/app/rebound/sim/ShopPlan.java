package app.rebound.sim;

import app.rebound.sim.Draws.Stream;
import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The hidden model of one shop, fixed before any row is drawn: products, the shop-wide daily
 * rhythm, the deletion batches with their causes and products, the effects they have, and the
 * affiliates.
 */
final class ShopPlan {

  /** Days an effect takes to reach full strength: rank and social proof react over a few days. */
  static final int RAMP_DAYS = 3;

  static final int MIN_PRE_DAYS = 28;
  static final int MIN_POST_DAYS = 14;

  /**
   * Gamma shape of the day-to-day mixing: counts are negative binomial, more spread than Poisson.
   */
  static final double OVERDISPERSION = 25;

  static final double PROMOTION_LIFT = 1.6;

  /** Weekend shoppers buy more: Monday … Sunday. */
  private static final double[] DAY_OF_WEEK = {0.93, 0.91, 0.94, 0.97, 1.04, 1.17, 1.14};

  private static final String NOTICE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  record Product(
      int index,
      String id,
      String name,
      String sku,
      List<String> specs,
      long priceFen,
      double baseImpressions,
      double ctr,
      double cvr) {}

  record Affiliate(String id, String name) {}

  /**
   * An affiliate promoting a product from startDay until cancelDay (-1: still cooperating at the
   * end).
   */
  record Cooperation(
      int affiliate, int product, int startDay, int cancelDay, boolean cancelledByDeletion) {
    boolean activeOn(int day) {
      return day >= startDay && (cancelDay < 0 || day < cancelDay);
    }
  }

  /** One deletion batch (one 违规单号) and the signature its cause leaves. */
  static final class Batch {
    int index;
    String noticeId;
    int day; // moved to the end of the window for a fresh notice (SimConfig)
    final Cause cause;
    final List<Integer> products = new ArrayList<>();
    double scoreDrop;

    /** Days (inclusive) of the complaint spike and abnormal refunds before a malicious report. */
    int spikeFrom = -1;

    int spikeTo = -1;

    Batch(int day, Cause cause) {
      this.day = day;
      this.cause = cause;
    }
  }

  final SimConfig config;
  final int days;
  final double effectSize;
  final List<Product> products = new ArrayList<>();
  final List<Affiliate> affiliates = new ArrayList<>();
  final List<Cooperation> cooperations = new ArrayList<>();
  final double[] shopFactor;
  final double[][] noise;
  final List<Batch> batches = new ArrayList<>();
  final int[] batchOf;
  final double[] effImp;
  final double[] effCtr;
  final double[] effCvr;
  final double[] effVis;

  /** Each product's category (see Mechanisms): substitutes and seasons are per category. */
  final int[] category;

  /** Per product-day exposure multipliers of the impact mechanisms; null in the plain world. */
  double[][] exposureFactor;

  int promoFrom = -1;
  int promoTo = -1;
  double scale = 1;

  private ShopPlan(SimConfig config) {
    this.config = config;
    this.days = config.days();
    this.effectSize = config.scenario() == Scenario.PLACEBO ? 0 : config.effectSize();
    int n = config.products();
    shopFactor = new double[days];
    noise = new double[n][days];
    batchOf = new int[n];
    Arrays.fill(batchOf, -1);
    effImp = new double[n];
    effCtr = new double[n];
    effCvr = new double[n];
    effVis = new double[n];
    category = new int[n];
  }

  static ShopPlan create(SimConfig config) {
    ShopPlan plan = new ShopPlan(config);
    SplittableRandom r = Draws.rng(config.seed(), Stream.PLAN, 0, 0);
    plan.drawProducts(r);
    plan.drawRhythm();
    plan.drawBatches(r);
    plan.drawEffects(r);
    plan.drawPromotion(r);
    plan.exposureFactor = Mechanisms.exposureFactors(plan);
    plan.scaleToTarget();
    plan.drawAffiliates();
    return plan;
  }

  private void drawProducts(SplittableRandom r) {
    int n = config.products();
    List<Integer> kinds = new ArrayList<>();
    for (int i = 0; i < Catalog.KINDS.size(); i++) {
      kinds.add(i);
    }
    shuffle(kinds, r);
    int stride = 99_999 / n;
    for (int i = 0; i < n; i++) {
      Catalog.Kind kind = Catalog.KINDS.get(kinds.get(i % kinds.size()));
      category[i] = Mechanisms.category(kinds.get(i % kinds.size()));
      String id = "35000000000030" + String.format("%05d", i * stride + r.nextInt(stride));
      long price = kind.pricesFen()[r.nextInt(kind.pricesFen().length)];
      // Log-normal exposure: a few best sellers get most of the traffic, a long tail gets little.
      double base = Math.max(30, Math.min(50_000, Draws.logNormal(r, 400, 1.0)));
      double ctr = Draws.uniform(r, 0.05, 0.12);
      // Dearer products convert worse.
      double cvr =
          Math.max(
              0.01, Math.min(0.2, Draws.uniform(r, 0.04, 0.10) * Math.pow(4900.0 / price, 0.25)));
      products.add(
          new Product(
              i,
              id,
              kind.name() + "-" + String.format("%02d", i),
              "SKU" + String.format("%03d", i + 1),
              kind.specs(),
              price,
              base,
              ctr,
              cvr));
    }
    if (config.impactDynamics().dominantBestSeller()) {
      Mechanisms.makeDominant(this);
    }
  }

  /**
   * The shop-wide factor every product shares (weekday, slow trend, common shocks) and per-product
   * wobble.
   */
  private void drawRhythm() {
    SplittableRandom s = Draws.rng(config.seed(), Stream.SHOP, 0, 0);
    double trend = Draws.uniform(s, -0.0015, 0.003);
    double shock = 0;
    for (int d = 0; d < days; d++) {
      shock = 0.5 * shock + 0.04 * s.nextGaussian();
      DayOfWeek dow = config.start().plusDays(d).getDayOfWeek();
      shopFactor[d] = DAY_OF_WEEK[dow.getValue() - 1] * Math.exp(trend * d + shock);
    }
    for (int p = 0; p < products.size(); p++) {
      SplittableRandom np = Draws.rng(config.seed(), Stream.NOISE, p, 0);
      double y = 0;
      for (int d = 0; d < days; d++) {
        y = 0.7 * y + 0.05 * np.nextGaussian();
        noise[p][d] = Math.exp(y);
      }
    }
  }

  private void drawBatches(SplittableRandom r) {
    List<Cause> causes = new ArrayList<>();
    switch (config.scenario()) {
      case SYSTEM_ERROR -> repeat(causes, Cause.SYSTEM_ERROR, 1 + (r.nextDouble() < 0.4 ? 1 : 0));
      case MALICIOUS_REPORT ->
          repeat(causes, Cause.MALICIOUS_REPORT, 1 + (r.nextDouble() < 0.4 ? 1 : 0));
      case VIOLATION -> repeat(causes, Cause.VIOLATION, 1 + r.nextInt(3));
      case MIXED -> {
        causes.addAll(List.of(Cause.SYSTEM_ERROR, Cause.MALICIOUS_REPORT, Cause.VIOLATION));
        if (r.nextDouble() < 0.3) {
          causes.add(Cause.values()[r.nextInt(3)]);
        }
      }
      case PLACEBO -> {
        int k = 1 + r.nextInt(3);
        for (int i = 0; i < k; i++) {
          causes.add(Cause.values()[r.nextInt(3)]);
        }
      }
    }
    shuffle(causes, r);
    // Batches sit in the middle of the window, spread out: each has ≥ 28 days before and ≥ 14
    // after.
    int lo = MIN_PRE_DAYS;
    int hi = days - MIN_POST_DAYS;
    int n = Math.min(causes.size(), hi - lo + 1);
    int segment = (hi - lo + 1) / n;
    List<Batch> drawn = new ArrayList<>();
    // Staggered batches come one after another, a fixed number of days apart, while they fit.
    int stagger = config.impactDynamics().staggerDays();
    int first = stagger > 0 ? lo + r.nextInt(7) : lo;
    for (int i = 0; i < n; i++) {
      int day = stagger > 0 ? first + i * stagger : lo + i * segment + r.nextInt(segment);
      if (day <= hi) {
        drawn.add(new Batch(day, causes.get(i)));
      }
    }
    // Products: best sellers for malicious reports first, then the boosted products, then the broad
    // sweep.
    List<Integer> byPower = new ArrayList<>();
    for (int p = 0; p < products.size(); p++) {
      byPower.add(p);
    }
    byPower.sort(Comparator.comparingDouble((Integer p) -> -salesPower(p)).thenComparing(p -> p));
    int np = products.size();
    int kept = config.impactDynamics().controlsKept();
    int budget = np - (kept > 0 ? kept : Math.max(2, (int) Math.ceil(0.35 * np)));
    Set<Integer> taken = new HashSet<>();
    for (Cause cause : List.of(Cause.MALICIOUS_REPORT, Cause.VIOLATION, Cause.SYSTEM_ERROR)) {
      for (Batch b : drawn) {
        if (b.cause != cause) {
          continue;
        }
        List<Integer> pool = new ArrayList<>();
        int k;
        switch (cause) {
          case MALICIOUS_REPORT -> {
            // Attackers go after the best sellers.
            k =
                config.causeDynamics().attacksOnSeveralBestSellers()
                    ? 3 + r.nextInt(3)
                    : 1 + r.nextInt(2) + (np >= 15 ? 1 : 0);
            byPower.stream().filter(p -> !taken.contains(p)).forEach(pool::add);
          }
          case VIOLATION -> {
            // Merchants boost weaker products, one or two at a time.
            k = r.nextDouble() < 0.7 ? 1 : 2;
            byPower.subList(np * 3 / 10, np).stream()
                .filter(p -> !taken.contains(p))
                .forEach(pool::add);
            shuffle(pool, r);
            byPower.stream()
                .filter(p -> !taken.contains(p) && !pool.contains(p))
                .forEach(pool::add);
          }
          default -> {
            // A system error sweeps broadly across the catalogue.
            k = Math.max(2, (int) Math.round(np * Draws.uniform(r, 0.3, 0.45)));
            byPower.stream().filter(p -> !taken.contains(p)).forEach(pool::add);
            shuffle(pool, r);
          }
        }
        k = Math.min(k, Math.min(budget, pool.size()));
        for (int i = 0; i < k; i++) {
          b.products.add(pool.get(i));
          taken.add(pool.get(i));
        }
        budget -= k;
      }
    }
    drawn.removeIf(b -> b.products.isEmpty());
    drawn.sort(Comparator.comparingInt(b -> b.day));
    if (config.lastNoticeDaysBeforeEnd() >= 0 && !drawn.isEmpty()) {
      // A fresh notice, as a merchant downloading the exports that week sees it.
      drawn.get(drawn.size() - 1).day = days - 1 - config.lastNoticeDaysBeforeEnd();
    }
    DateTimeFormatter compact = DateTimeFormatter.BASIC_ISO_DATE;
    for (Batch b : drawn) {
      b.index = batches.size();
      StringBuilder id =
          new StringBuilder("WG").append(config.start().plusDays(b.day).format(compact));
      for (int i = 0; i < 4; i++) {
        id.append(NOTICE_CHARS.charAt(r.nextInt(NOTICE_CHARS.length())));
      }
      b.noticeId = id.toString();
      b.products.sort(Comparator.naturalOrder());
      for (int p : b.products) {
        batchOf[p] = b.index;
      }
      if (b.cause == Cause.MALICIOUS_REPORT) {
        b.spikeFrom = b.day - 2 - r.nextInt(3);
        b.spikeTo = b.day - 1;
      }
      batches.add(b);
    }
  }

  private void drawEffects(SplittableRandom r) {
    for (int p = 0; p < products.size(); p++) {
      // How hard rank reacts differs by product; drawn for every product so placebo shares the
      // stream.
      double w = Draws.uniform(r, 0.7, 1.3);
      if (batchOf[p] < 0) {
        continue;
      }
      double vis = Math.min(0.9, effectSize * w);
      // Visitors fall through lost exposure (rank) and lower click-through (fewer sales shown).
      effCtr[p] = 0.3 * vis;
      effImp[p] = vis == 0 ? 0 : 1 - (1 - vis) / (1 - effCtr[p]);
      effVis[p] = vis;
      // Fewer displayed sales also convert fewer visitors.
      effCvr[p] = 0.5 * vis;
    }
    for (Batch b : batches) {
      double u = Draws.uniform(r, 0.8, 1.3);
      // A violation costs the shop experience score (the rule's 15 of 100 points, here on a 5-point
      // scale).
      b.scoreDrop = b.cause == Cause.VIOLATION ? Math.min(0.5, 0.4 * effectSize * u) : 0;
    }
  }

  private void drawPromotion(SplittableRandom r) {
    int offset = 3 + r.nextInt(4);
    if (!config.promotionSpike() || batches.isEmpty()) {
      return;
    }
    int last = batches.get(batches.size() - 1).day;
    promoFrom = Math.min(last + offset, days - 6);
    promoTo = promoFrom + 4;
    for (int d = promoFrom; d <= promoTo; d++) {
      shopFactor[d] *= PROMOTION_LIFT;
    }
  }

  private void scaleToTarget() {
    if (config.targetOrders() <= 0) {
      return;
    }
    double expected = 0;
    for (int p = 0; p < products.size(); p++) {
      Product pr = products.get(p);
      for (int d = 0; d < days; d++) {
        double k = ramp(p, d);
        expected +=
            meanImpressions(p, d)
                * pr.ctr()
                * pr.cvr()
                * (1 - k * effImp[p])
                * (1 - k * effCtr[p])
                * (1 - k * effCvr[p]);
      }
    }
    scale = config.targetOrders() / expected;
  }

  private void drawAffiliates() {
    SplittableRandom r = Draws.rng(config.seed(), Stream.AFFILIATES, 0, 0);
    int np = products.size();
    int pool = Math.max(6, Math.min(60, (int) Math.round(np * 0.8) + 4));
    int stride = 999_999 / pool;
    Set<String> names = new HashSet<>();
    for (int i = 0; i < pool; i++) {
      String name =
          Catalog.NICK_HEAD.get(r.nextInt(Catalog.NICK_HEAD.size()))
              + Catalog.NICK_MID.get(r.nextInt(Catalog.NICK_MID.size()))
              + Catalog.NICK_TAIL.get(r.nextInt(Catalog.NICK_TAIL.size()));
      String unique = name;
      for (int k = 2; !names.add(unique); k++) {
        unique = name + k;
      }
      affiliates.add(
          new Affiliate(
              "7590000000000" + String.format("%06d", i * stride + r.nextInt(stride)), unique));
    }
    List<Integer> rank = new ArrayList<>();
    for (int p = 0; p < np; p++) {
      rank.add(p);
    }
    rank.sort(Comparator.comparingDouble((Integer p) -> -salesPower(p)).thenComparing(p -> p));
    for (int i = 0; i < np; i++) {
      int p = rank.get(i);
      int count = Math.min(pool, i < np / 3 ? 3 + r.nextInt(2) : 1 + r.nextInt(2));
      int[] chosen = Draws.distinct(r, pool, count);
      for (int a : chosen) {
        int startDay = r.nextDouble() < 0.3 ? 0 : r.nextInt(Math.max(1, Math.min(30, days / 3)));
        double u = r.nextDouble();
        int lag = 1 + r.nextInt(10);
        int background = startDay + 5 + r.nextInt(days);
        int cancel = -1;
        boolean byDeletion = false;
        // Affiliates pick products by sales in 精选联盟: after a deletion many walk away.
        if (batchOf[p] >= 0 && effectSize > 0 && u < Math.min(0.9, 2.4 * effVis[p])) {
          cancel = batches.get(batchOf[p]).day + lag;
          byDeletion = true;
        } else if (u > 0.95 && background < days) {
          cancel = background;
        }
        cooperations.add(
            new Cooperation(
                a, p, startDay, cancel < days ? cancel : -1, byDeletion && cancel < days));
      }
    }
    cooperations.sort(
        Comparator.comparingInt(Cooperation::product).thenComparingInt(Cooperation::affiliate));
  }

  double salesPower(int p) {
    Product pr = products.get(p);
    return pr.baseImpressions() * pr.ctr() * pr.cvr();
  }

  /** Counterfactual mean impressions of a product-day (before the overdispersion draw). */
  double meanImpressions(int p, int d) {
    double mean = products.get(p).baseImpressions() * scale * shopFactor[d] * noise[p][d];
    return exposureFactor == null ? mean : mean * exposureFactor[p][d];
  }

  /** Days an effect takes to reach full strength. */
  int rampDays() {
    int days = config.impactDynamics().rampDays();
    return days > 0 ? days : RAMP_DAYS;
  }

  /**
   * 0 before the product's batch, rising to 1 over rampDays() from the processing day on; with a
   * fade, halving every fadeHalfLifeDays after that.
   */
  double ramp(int p, int d) {
    int b = batchOf[p];
    if (b < 0) {
      return 0;
    }
    int t = d - batches.get(b).day;
    if (t < 0) {
      return 0;
    }
    double k = Math.min(1.0, (t + 1.0) / rampDays());
    int halfLife = config.impactDynamics().fadeHalfLifeDays();
    if (halfLife > 0 && t + 1 > rampDays()) {
      k *= Math.pow(0.5, (t + 1.0 - rampDays()) / halfLife);
    }
    return k;
  }

  /** The malicious-report batch whose abnormal-refund days include this product-day, or null. */
  Batch attackOn(int p, int d) {
    int b = batchOf[p];
    if (b < 0) {
      return null;
    }
    Batch batch = batches.get(b);
    return batch.cause == Cause.MALICIOUS_REPORT && d >= batch.spikeFrom && d <= batch.spikeTo
        ? batch
        : null;
  }

  private static <T> void repeat(List<T> list, T value, int times) {
    for (int i = 0; i < times; i++) {
      list.add(value);
    }
  }

  static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }
}
