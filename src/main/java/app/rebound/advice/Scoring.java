package app.rebound.advice;

import app.rebound.Words;
import app.rebound.analysis.BatchCause;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.ImpactReport.BatchRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores each action of the catalogue against the gap it addresses. Every number comes from the
 * report or from a named assumption; each action's value is gap × recovery rate over the horizon,
 * its range the loss interval's ends times the rate's low and high ends.
 */
final class Scoring {

  /** The assumptions, remembering which keys were read so the plan can list them. */
  static final class Coefficients {
    private final Assumptions all;
    private final Set<String> used = new LinkedHashSet<>();

    Coefficients(Assumptions all) {
      this.all = all;
    }

    double get(String key) {
      double v = all.get(key);
      used.add(key);
      return v;
    }

    List<Assumption> used() {
      return used.stream().map(all::assumption).toList();
    }
  }

  /** An action before ranking. */
  record Draft(
      ActionId id,
      double expected,
      double low,
      double high,
      double cost,
      double confidence,
      int days,
      List<String> products,
      String gap,
      String rationale,
      long unitsRestored) {

    /** An action that restores no sales count: every one but the appeal. */
    Draft(
        ActionId id,
        double expected,
        double low,
        double high,
        double cost,
        double confidence,
        int days,
        List<String> products,
        String gap,
        String rationale) {
      this(id, expected, low, high, cost, confidence, days, products, gap, rationale, 0);
    }

    double net() {
      return expected - cost;
    }
  }

  private final Gaps gaps;
  private final Coefficients c;
  private final boolean zh;
  private final LocalDate asOf;

  Scoring(Gaps gaps, Coefficients c, boolean zh, LocalDate asOf) {
    this.gaps = gaps;
    this.c = c;
    this.zh = zh;
    this.asOf = asOf;
  }

  List<Draft> all() {
    List<Draft> out = new ArrayList<>();
    add(out, compliance());
    add(out, appeal());
    add(out, listing());
    add(out, promotion());
    add(out, customerService());
    add(out, interaction());
    add(out, affiliate());
    add(out, monitoring());
    return out;
  }

  private static void add(List<Draft> out, Draft d) {
    if (d != null) {
      out.add(d);
    }
  }

  // ---- appeal
  // ------------------------------------------------------------------------------------------

  /** Batches that can still be appealed: not a likely violation, and the window still open. */
  List<BatchRow> appealable() {
    return gaps.batches().stream()
        .filter(b -> !BatchCause.VIOLATION.equals(b.likelyCause()))
        .filter(b -> windowOpen(b, asOf, c.get("appeal.window_days")))
        .toList();
  }

  static boolean windowOpen(BatchRow b, LocalDate asOf, double windowDays) {
    return b.appealOpenOn(asOf, (int) windowDays);
  }

  /**
   * The appeal's value is what restoring the sales count brings back, never the deleted orders'
   * money (already paid; a granted appeal pays nothing): the units shown again, and the share of
   * the appealed products' own measured GMV and visitor loss that returns over the horizon.
   */
  private Draft appeal() {
    List<BatchRow> open = appealable();
    List<BatchRow> all = gaps.batches();
    if (open.isEmpty()) {
      return null; // nothing left to appeal: the schedule still says which windows closed and which
      // are violations
    }
    double spread = c.get("appeal.success_spread");
    double money = 0;
    double p = 0;
    double conf = 0;
    int orders = 0;
    long units = 0;
    for (BatchRow b : open) {
      double success =
          BatchCause.SYSTEM_ERROR.equals(b.likelyCause())
              ? c.get("appeal.success_system_error")
              : c.get("appeal.success_malicious_report");
      money += b.money();
      orders += b.orders();
      units += b.units();
      double weight = Math.max(1, b.units());
      p += success * weight;
      conf +=
          b.confidence()
              * (b.thinEvidence() ? c.get("confidence.thin_evidence_factor") : 1)
              * weight;
    }
    double weights = open.stream().mapToDouble(b -> Math.max(1, b.units())).sum();
    p /= weights;
    conf /= weights;
    double pLow = clamp(p - spread);
    double pHigh = clamp(p + spread);
    double recovery = c.get("appeal.gmv_recovery");
    Appealed products = appealedProducts(open, all);
    Gaps.Range gmvBack = products.gmv();
    double est = p * recovery * gmvBack.estimate();
    double low = pLow * c.get("appeal.gmv_recovery_low") * gmvBack.low();
    double high = pHigh * c.get("appeal.gmv_recovery_high") * gmvBack.high();
    double visitorsBack = p * recovery * products.visitors().estimate();
    long excluded = all.stream().filter(b -> BatchCause.VIOLATION.equals(b.likelyCause())).count();
    long closed =
        all.stream()
            .filter(b -> !BatchCause.VIOLATION.equals(b.likelyCause()))
            .filter(b -> !windowOpen(b, asOf, c.get("appeal.window_days")))
            .count();
    int horizon = (int) gaps.horizon;
    String gap =
        w(
            "appeal.gap",
            open.size(),
            orders,
            count(units),
            count(units),
            measuredText(products),
            batches(open.size()));
    StringBuilder why =
        new StringBuilder(w("appeal.why", yuan(money), pct(p), horizon, pct(recovery)));
    why.append(
        gmvBack.measured()
            ? w(
                "appeal.why.back",
                horizon,
                yuan(est),
                count(visitorsBack),
                horizon,
                yuan(gmvBack.estimate()))
            : w("appeal.why.no_gmv", why(gaps.report.gmv())));
    if (excluded > 0) {
      why.append(w("appeal.why.violations", excluded, batches(excluded)));
    }
    if (closed > 0) {
      why.append(
          w(
              "appeal.why.closed",
              closed,
              (int) c.get("appeal.window_days"),
              closed == 1 ? "1 batch is" : closed + " batches are"));
    }
    why.append(w("sentence_end"));
    double confidence =
        gmvBack.measured() && !gmvBack.significant()
            ? conf * c.get("confidence.not_significant_factor")
            : conf;
    return new Draft(
        ActionId.APPEAL,
        est,
        low,
        high,
        c.get("appeal.cost"),
        confidence,
        (int) c.get("appeal.days_to_effect"),
        products.ids(),
        gap,
        why.toString(),
        units);
  }

  /**
   * The products of the appealable batches and their own losses carried over the horizon, each
   * counted for the appealed share of its deleted units.
   */
  record Appealed(
      List<String> ids, List<ImpactReport.ProductRow> rows, Gaps.Range gmv, Gaps.Range visitors) {}

  private Appealed appealedProducts(List<BatchRow> open, List<BatchRow> all) {
    List<String> ids = open.stream().flatMap(b -> b.products().stream()).distinct().toList();
    List<ImpactReport.ProductRow> rows =
        gaps.report.products() == null
            ? List.of()
            : gaps.report.products().stream().filter(r -> ids.contains(r.productId())).toList();
    Gaps.Range gmv = Gaps.Range.NONE;
    Gaps.Range visitors = Gaps.Range.NONE;
    for (ImpactReport.ProductRow r : rows) {
      double share = appealedShare(r.productId(), open, all);
      gmv = plus(gmv, gaps.productOverHorizon(r, r.gmv()).times(share));
      visitors = plus(visitors, gaps.productOverHorizon(r, r.visitors()).times(share));
    }
    return new Appealed(ids, rows, gmv, visitors);
  }

  /**
   * The share of a product's deleted units that the open batches hold: 1 when only they hold it.
   * The report does not split a batch's units by product, so a batch counts with all its units for
   * each product it holds.
   */
  private static double appealedShare(String product, List<BatchRow> open, List<BatchRow> all) {
    double inOpen =
        open.stream().filter(b -> b.products().contains(product)).mapToDouble(b -> b.units()).sum();
    double inAll =
        all.stream().filter(b -> b.products().contains(product)).mapToDouble(b -> b.units()).sum();
    return inAll > 0 ? inOpen / inAll : 1;
  }

  /** Measured losses add up; the sum is significant only when its low end is above zero. */
  private static Gaps.Range plus(Gaps.Range a, Gaps.Range b) {
    if (!b.measured()) {
      return a;
    }
    if (!a.measured()) {
      return new Gaps.Range(true, b.low() > 0, b.estimate(), b.low(), b.high());
    }
    double low = a.low() + b.low();
    return new Gaps.Range(true, low > 0, a.estimate() + b.estimate(), low, a.high() + b.high());
  }

  /**
   * Each appealed product's GMV loss over its own days since the deletion: the figure, and the
   * period, the products page shows.
   */
  private String measuredText(Appealed a) {
    List<String> parts = new ArrayList<>();
    for (ImpactReport.ProductRow r : a.rows()) {
      ImpactReport.Loss g = r.gmv();
      if (g == null || !g.measured()) {
        continue;
      }
      String name = r.name() == null || r.name().isBlank() ? r.productId() : r.name();
      int days = (int) gaps.productDays(r);
      parts.add(w("appeal.product_loss", name, days, lossWords(g, w("appeal.gmv_lost"))));
    }
    if (parts.isEmpty()) {
      return "";
    }
    return String.join(w("clause_separator"), parts) + w("sentence_end");
  }

  /**
   * A measured loss as the pages say it: the amount when its 95% range lies above zero; "no
   * measurable loss" with the point and the range when the range holds zero; "above expected" when
   * it lies below.
   */
  String lossWords(ImpactReport.Loss g, String what) {
    String range = signedYuan(g.lossLow()) + "–" + signedYuan(g.lossHigh());
    return switch (g.verdict()) {
      case ImpactReport.Loss.NO_MEASURABLE_LOSS -> w("loss.none", signedYuan(g.loss()), range);
      case ImpactReport.Loss.ABOVE_EXPECTED -> w("loss.above", signedYuan(-g.loss()), range);
      default -> what + " " + signedYuan(g.loss());
    };
  }

  /** Measures by the names the pages give them, "平均评分、退款率". */
  private String names(List<String> measureIds) {
    return measureIds.stream()
        .map(id -> Words.measure(id, zh))
        .collect(Collectors.joining(w("list_separator")));
  }

  /** ¥1,234 or -¥1,234, as the pages write a loss. */
  static String signedYuan(double v) {
    return (Math.round(v) < 0 ? "-¥" : "¥") + yuan(Math.abs(v));
  }

  // ---- compliance
  // --------------------------------------------------------------------------------------

  private Draft compliance() {
    List<BatchRow> violations =
        gaps.batches().stream().filter(b -> BatchCause.VIOLATION.equals(b.likelyCause())).toList();
    if (violations.isEmpty()) {
      return null;
    }
    double money = violations.stream().mapToDouble(BatchRow::money).sum();
    int orders = violations.stream().mapToInt(BatchRow::orders).sum();
    double penalty =
        Math.min(
            c.get("compliance.penalty_max"),
            Math.max(c.get("compliance.penalty_min"), money * c.get("compliance.penalty_rate")));
    double banDay = gaps.dailyGmv() * c.get("compliance.event_gmv_share");
    double lowLoss = penalty + banDay * c.get("compliance.event_ban_days_low");
    double highLoss = penalty + banDay * c.get("compliance.event_ban_days_high");
    double est = c.get("compliance.repeat_probability") * (lowLoss + highLoss) / 2;
    double low = c.get("compliance.repeat_probability_low") * lowLoss;
    double high = c.get("compliance.repeat_probability_high") * highLoss;
    // how sure the violation is, times how sure the penalty model is
    double conf =
        violations.stream().mapToDouble(BatchRow::confidence).average().orElse(0.5)
            * c.get("compliance.confidence");
    String gap =
        w(
            "compliance.gap",
            violations.size(),
            orders,
            yuan(money),
            yuan(c.get("compliance.penalty_min")),
            (int) c.get("compliance.event_ban_days_low"),
            (int) c.get("compliance.event_ban_days_high"),
            batches(violations.size()));
    String why =
        w(
            "compliance.why",
            yuan(penalty),
            yuan(banDay),
            pct(c.get("compliance.repeat_probability")));
    List<String> products =
        violations.stream().flatMap(b -> b.products().stream()).distinct().toList();
    return new Draft(
        ActionId.COMPLIANCE,
        est,
        low,
        high,
        c.get("compliance.cost"),
        conf,
        (int) c.get("compliance.days_to_effect"),
        products,
        gap,
        why);
  }

  // ---- listing
  // -----------------------------------------------------------------------------------------

  /** "1 batch", "3 batches": English counts its nouns. */
  private static String batches(long n) {
    return n == 1 ? "1 batch" : n + " batches";
  }

  private Draft listing() {
    Gaps.Range v = gaps.visitors();
    var gpv = gaps.gmvPerVisitor();
    if (!v.measured() || gpv.isEmpty()) {
      return unmeasured(
          ActionId.LISTING,
          why(gaps.report.traffic() == null ? null : gaps.report.traffic().visitors()));
    }
    Gaps.Range value = v.times(gpv.get());
    Gaps.Range r =
        new Gaps.Range(
            true,
            v.significant(),
            value.estimate() * c.get("listing.recovery"),
            value.low() * c.get("listing.recovery_low"),
            value.high() * c.get("listing.recovery_high"));
    Gaps.Range imp = gaps.overHorizon(gaps.report.traffic().impressions());
    String gap =
        w(
            "listing.gap",
            (int) gaps.windowDays,
            (int) gaps.horizon,
            count(v.estimate()),
            count(v.low()),
            count(v.high()),
            imp.measured() ? w("listing.gap.impressions", count(imp.estimate())) : "");
    String why =
        w("listing.why", money(gpv.get()), yuan(value.estimate()), pct(c.get("listing.recovery")));
    return measured(
        ActionId.LISTING,
        r,
        c.get("listing.cost"),
        gap,
        why,
        productsBy(ImpactReport.ProductRow::visitors));
  }

  // ---- promotion and customer service share the conversion loss
  // ----------------------------------------

  /** The conversion loss in yuan over the horizon: buyers lost × order value, else the GMV loss. */
  private Gaps.Range conversionValue() {
    Gaps.Range b = gaps.buyers();
    var aov = gaps.orderValue();
    if (b.measured() && aov.isPresent()) {
      return b.times(aov.get());
    }
    return gaps.gmv();
  }

  private double trustShare() {
    return c.get("trust.conversion_share") * gaps.trust().worseShare();
  }

  private Draft promotion() {
    Gaps.Range conv = conversionValue();
    if (!conv.measured()) {
      return unmeasured(ActionId.PROMOTION, why(gaps.report.conversion()));
    }
    double rest = 1 - trustShare();
    Gaps.Range r =
        new Gaps.Range(
            true,
            conv.significant(),
            conv.estimate() * rest * c.get("promotion.recovery"),
            conv.low() * rest * c.get("promotion.recovery_low"),
            conv.high() * rest * c.get("promotion.recovery_high"));
    double cost = r.estimate() * c.get("promotion.discount_rate");
    Gaps.Range b = gaps.buyers();
    var aov = gaps.orderValue();
    String gap =
        b.measured() && aov.isPresent()
            ? w(
                "promotion.gap",
                (int) gaps.windowDays,
                (int) gaps.horizon,
                count(b.estimate()),
                money(aov.get()),
                yuan(conv.estimate()))
            : w(
                "promotion.gap.no_buyers",
                (int) gaps.windowDays,
                (int) gaps.horizon,
                yuan(conv.estimate()));
    String why =
        w(
            "promotion.why",
            pct(rest),
            pct(c.get("promotion.recovery")),
            pct(c.get("promotion.discount_rate")));
    return measured(
        ActionId.PROMOTION, r, cost, gap, why, productsBy(ImpactReport.ProductRow::conversion));
  }

  private Draft customerService() {
    Gaps.Trust t = gaps.trust();
    Gaps.Range conv = conversionValue();
    if (t.measured() == 0 || !conv.measured()) {
      String reason =
          t.measured() == 0 ? w("customer_service.no_trust") : why(gaps.report.conversion());
      return unmeasured(ActionId.CUSTOMER_SERVICE, reason);
    }
    if (t.worse() == 0) {
      return null; // trust held: no gap for customer service to close
    }
    double share = trustShare();
    Gaps.Range r =
        new Gaps.Range(
            true,
            conv.significant(),
            conv.estimate() * share * c.get("customer_service.recovery"),
            conv.low() * share * c.get("customer_service.recovery_low"),
            conv.high() * share * c.get("customer_service.recovery_high"));
    String gap = w("customer_service.gap", t.measured(), t.worse(), names(t.worseIds()));
    String why =
        w(
            "customer_service.why",
            yuan(conv.estimate()),
            pct(share),
            pct(c.get("customer_service.recovery")));
    return measured(
        ActionId.CUSTOMER_SERVICE, r, c.get("customer_service.cost"), gap, why, affectedProducts());
  }

  // ---- interaction
  // -------------------------------------------------------------------------------------

  private Draft interaction() {
    Gaps.Range v = gaps.visitors();
    var gpv = gaps.gmvPerVisitor();
    Gaps.Trust t = gaps.trust();
    boolean exposure = v.measured() && gpv.isPresent();
    if (!exposure && !t.doubtfulWorse()) {
      return unmeasured(
          ActionId.INTERACTION,
          why(gaps.report.traffic() == null ? null : gaps.report.traffic().visitors()));
    }
    Gaps.Range ev = exposure ? v.times(gpv.get()) : Gaps.Range.NONE;
    Gaps.Range conv = conversionValue();
    double doubt = t.doubtfulWorse() ? trustShare() * c.get("interaction.doubt_recovery") : 0;
    Gaps.Range r =
        new Gaps.Range(
            true,
            v.significant() || t.doubtfulWorse(),
            ev.estimate() * c.get("interaction.exposure_recovery") + conv.estimate() * doubt,
            ev.low() * c.get("interaction.exposure_recovery_low") + conv.low() * doubt,
            ev.high() * c.get("interaction.exposure_recovery_high") + conv.high() * doubt);
    var d = t.doubtful();
    String doubtText =
        d != null
                && d.affected() != null
                && d.affected().before() != null
                && d.affected().after() != null
            ? w("interaction.doubt", pct(d.affected().before()), pct(d.affected().after()))
            : w("interaction.doubt.not_measured");
    String gap = w("interaction.gap", yuan(ev.estimate()), doubtText);
    String why =
        w(
            "interaction.why",
            pct(c.get("interaction.exposure_recovery")),
            w(t.doubtfulWorse() ? "interaction.why.replies" : "interaction.why.no_replies"));
    return measured(
        ActionId.INTERACTION,
        r,
        c.get("interaction.cost"),
        gap,
        why,
        productsBy(ImpactReport.ProductRow::impressions));
  }

  // ---- affiliate
  // ---------------------------------------------------------------------------------------

  private Draft affiliate() {
    Gaps.Partners p = gaps.partners();
    if (!p.loss()) {
      return null; // no measured partnership loss: no affiliate action
    }
    double rate = c.get("affiliate.recovery");
    Gaps.Range base;
    boolean direct = p.gmv().measured();
    if (direct) {
      base = p.gmv();
    } else {
      double perAffiliate = gaps.orderValue().orElse(0.0) * c.get("affiliate.orders_per_affiliate");
      double v = p.affiliatesLost() * perAffiliate;
      base = new Gaps.Range(false, true, v, v, v);
    }
    Gaps.Range r =
        new Gaps.Range(
            true,
            true,
            Math.max(0, base.estimate() * rate),
            Math.max(0, base.low() * c.get("affiliate.recovery_low")),
            Math.max(0, base.high() * c.get("affiliate.recovery_high")));
    double cost =
        r.estimate() * c.get("affiliate.commission_rate") + c.get("affiliate.sample_cost");
    double conf =
        c.get("affiliate.confidence") * (direct ? 1 : c.get("confidence.not_significant_factor"));
    String gap = w("affiliate.gap", names(p.worseIds()));
    String why =
        direct
            ? w(
                "affiliate.why",
                (int) gaps.horizon,
                yuan(base.estimate()),
                pct(rate),
                pct(c.get("affiliate.commission_rate")))
            : w(
                "affiliate.why.proxy",
                count(p.affiliatesLost()),
                count(c.get("affiliate.orders_per_affiliate")));
    if (gaps.anyViolation()) {
      conf *= c.get("confidence.not_significant_factor");
      why += w("affiliate.why.violation");
    }
    return new Draft(
        ActionId.AFFILIATE,
        r.estimate(),
        r.low(),
        r.high(),
        cost,
        conf,
        (int) c.get("affiliate.days_to_effect"),
        affectedProducts(),
        gap,
        why);
  }

  // ---- monitoring
  // --------------------------------------------------------------------------------------

  private Draft monitoring() {
    Gaps.Range g = gaps.gmv();
    boolean measured = g.measured();
    double base =
        measured ? g.estimate() : gaps.deletedMoney() * c.get("proxy.gmv_loss_per_deleted_yuan");
    double low = measured ? g.low() : base;
    double high = measured ? g.high() : base;
    // Both periods named: the measured loss since the first deletion, and its projection.
    String gap =
        measured
            ? w(
                "monitoring.gap",
                (int) gaps.windowDays,
                lossWords(gaps.report.gmv(), w("monitoring.gmv_lost")),
                (int) gaps.horizon,
                yuan(base))
            : w("monitoring.gap.proxy", (int) gaps.horizon, yuan(base));
    String why = w("monitoring.why", pct(c.get("monitoring.share")));
    double conf = measured ? c.get("monitoring.confidence") : c.get("confidence.unmeasured");
    return new Draft(
        ActionId.MONITORING,
        base * c.get("monitoring.share"),
        low * c.get("monitoring.share_low"),
        high * c.get("monitoring.share_high"),
        c.get("monitoring.cost"),
        conf,
        (int) c.get("monitoring.days_to_effect"),
        List.of(),
        gap,
        why);
  }

  // ---- shared
  // ------------------------------------------------------------------------------------------

  private Draft measured(
      ActionId id, Gaps.Range r, double cost, String gap, String why, List<String> products) {
    String prefix = id.code(); // an action's assumptions are keyed by its code: listing.cost …
    double conf =
        c.get(prefix + ".confidence")
            * (r.significant() ? 1 : c.get("confidence.not_significant_factor"));
    if (!r.significant()) {
      why += w("not_significant");
    }
    return new Draft(
        id,
        r.estimate(),
        r.low(),
        r.high(),
        cost,
        conf,
        (int) c.get(prefix + ".days_to_effect"),
        products,
        gap,
        why);
  }

  /**
   * The gap was not measured: kept with a proxy value from the deleted money and low confidence.
   */
  private Draft unmeasured(ActionId id, String reason) {
    String prefix = id.code(); // an action's assumptions are keyed by its code: listing.cost …
    double proxy = gaps.deletedMoney() * c.get("proxy.gmv_loss_per_deleted_yuan");
    String rate =
        switch (id) {
          case INTERACTION -> "interaction.exposure_recovery";
          default -> prefix + ".recovery";
        };
    double est = proxy * c.get(rate);
    double cost =
        switch (id) {
          case PROMOTION -> est * c.get("promotion.discount_rate");
          default -> c.get(prefix + ".cost");
        };
    String gap = w("unmeasured.gap", reason);
    String why =
        w(
            "unmeasured.why",
            yuan(gaps.deletedMoney()),
            pct(c.get("proxy.gmv_loss_per_deleted_yuan")));
    return new Draft(
        id,
        est,
        0,
        est * 2,
        cost,
        c.get("confidence.unmeasured"),
        (int) c.get(prefix + ".days_to_effect"),
        affectedProducts(),
        gap,
        why);
  }

  /** Why a loss was not measured, as the report says it. */
  private String why(ImpactReport.Loss loss) {
    if (loss == null) {
      return w("no_such_measure");
    }
    return loss.reason() != null ? loss.reason().text(zh) : w("needs", loss.needs());
  }

  private List<String> affectedProducts() {
    return gaps.report.products() == null
        ? List.of()
        : gaps.report.products().stream().map(p -> p.productId()).toList();
  }

  /**
   * The products whose own loss of this kind was measured and positive, largest first; else all
   * affected.
   */
  private List<String> productsBy(Function<ImpactReport.ProductRow, ImpactReport.Loss> loss) {
    if (gaps.report.products() == null) {
      return List.of();
    }
    List<String> hit =
        gaps.report.products().stream()
            .filter(
                p -> loss.apply(p) != null && loss.apply(p).measured() && loss.apply(p).loss() > 0)
            .sorted(
                Comparator.comparingDouble((ImpactReport.ProductRow p) -> loss.apply(p).loss())
                    .reversed())
            .map(ImpactReport.ProductRow::productId)
            .toList();
    return hit.isEmpty() ? affectedProducts() : hit;
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }

  /**
   * The plan sentence {@code plan.why.<key>} in the plan's language; numbers are passed as text so
   * the pattern never regroups them (the same digits as {@link #count} and {@link #yuan} wrote).
   */
  private String w(String key, Object... args) {
    Object[] text = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      text[i] = String.valueOf(args[i]);
    }
    return Words.format("plan.why." + key, zh, text);
  }

  static String yuan(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String money(double v) {
    return String.format(Locale.ROOT, "%,.2f", v);
  }

  static String count(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String pct(double v) {
    return String.format(Locale.ROOT, "%.0f%%", v * 100);
  }
}
