package app.rebound.sim;

import app.rebound.sim.Draws.Stream;
import app.rebound.sim.ShopPlan.Batch;
import app.rebound.sim.ShopPlan.Cooperation;
import app.rebound.sim.ShopPlan.Product;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a whole simulated shop in the Douyin export format (seven files) and its ground truth. The
 * plan is drawn first, then the daily counts, then the orders are streamed day by day. {@link
 * #writeWithPlatformExports} adds the platform's own downloads (PlatformExports) and leaves the
 * seven files and the truth as they are.
 */
public final class ShopSimulator {

  private ShopSimulator() {}

  public static GroundTruth write(SimConfig config, Path outDir) throws IOException {
    return write(config, outDir, false);
  }

  /**
   * The seven files and the truth, plus 结算账单.csv, 售后列表.csv, 精选联盟订单明细.xlsx and the 罗盘 成交分析 and
   * 商品卡流量来源 workbooks, consistent with the simulated orders and traffic.
   */
  public static GroundTruth writeWithPlatformExports(SimConfig config, Path outDir)
      throws IOException {
    return write(config, outDir, true);
  }

  private static GroundTruth write(SimConfig config, Path outDir, boolean platformExports)
      throws IOException {
    Files.createDirectories(outDir);
    ShopPlan plan = ShopPlan.create(config);
    Traffic traffic = Traffic.draw(plan);
    Orders orders = new Orders(plan, traffic);
    TimeText clock = new TimeText(config.start(), config.days());
    boolean gb = config.gb18030();
    try (CsvSink o = CsvSink.open(outDir.resolve(Columns.ORDERS_FILE), gb, Columns.ORDERS);
        CsvSink r = CsvSink.open(outDir.resolve(Columns.REVIEWS_FILE), gb, Columns.REVIEWS);
        CsvSink c = CsvSink.open(outDir.resolve(Columns.CHATS_FILE), gb, Columns.CHATS)) {
      if (platformExports) {
        try (PlatformExports platform = new PlatformExports(plan, traffic, clock, outDir)) {
          orders.write(o, r, c, clock, platform);
        }
      } else {
        orders.write(o, r, c, clock);
      }
    }
    writeTraffic(plan, traffic, clock, outDir.resolve(Columns.TRAFFIC_FILE));
    writeScores(plan, traffic, clock, outDir.resolve(Columns.SCORES_FILE));
    int[] cancelled = writeAffiliates(plan, clock, outDir.resolve(Columns.AFFILIATES_FILE));
    int[] perBatch = writeDeletions(plan, orders, clock, outDir.resolve(Columns.DELETIONS_FILE));
    GroundTruth truth = truth(plan, traffic, orders, perBatch, cancelled);
    truth.write(outDir.resolve(Columns.TRUTH_FILE));
    return truth;
  }

  private static void writeTraffic(ShopPlan plan, Traffic t, TimeText clock, Path file)
      throws IOException {
    try (CsvSink out = CsvSink.open(file, plan.config.gb18030(), Columns.TRAFFIC)) {
      for (Product pr : plan.products) {
        int p = pr.index();
        for (int d = 0; d < plan.days; d++) {
          // Fake buyers clicked and bought too, so 罗盘 counted them as people like any other.
          int fake = t.fakeOrders[p][d];
          out.text(clock.date(d))
              .id(pr.id())
              .text(pr.name())
              .number(t.imp[p][d] + fake)
              .number(t.vis[p][d] + fake)
              .number(t.orders(p, d))
              .number(t.orders(p, d))
              .money(t.gmv[p][d] + t.fakeGmv[p][d]);
          out.end();
        }
      }
    }
  }

  /**
   * The shop experience score wobbles around its level; complaints grow with volume, spike in the
   * days before a malicious report, and a violation knocks the score down from its processing day
   * on.
   */
  private static void writeScores(ShopPlan plan, Traffic t, TimeText clock, Path file)
      throws IOException {
    SplittableRandom r = Draws.rng(plan.config.seed(), Stream.SCORES, 0, 0);
    double level = Draws.uniform(r, 4.62, 4.85);
    try (CsvSink out = CsvSink.open(file, plan.config.gb18030(), Columns.SCORES)) {
      for (int d = 0; d < plan.days; d++) {
        long dayOrders = 0;
        for (int p = 0; p < plan.products.size(); p++) {
          dayOrders += t.orders(p, d);
        }
        double usual = 0.3 + 0.08 * Math.sqrt(dayOrders);
        int complaints = Draws.poisson(r, usual);
        double score = level + 0.012 * r.nextGaussian();
        for (Batch b : plan.batches) {
          if (b.cause == Cause.MALICIOUS_REPORT && d >= b.spikeFrom && d <= b.spikeTo) {
            int extra =
                plan.config.causeDynamics().reportOnlyAttacks()
                    ? Draws.poisson(r, reportSpikeExtra(plan, b, usual))
                    : Draws.poisson(r, 5 + 3 * usual);
            complaints += extra;
            score -= 0.003 * extra;
          }
          if (d >= b.day) {
            score -= b.scoreDrop * Math.min(1.0, (d - b.day + 1.0) / ShopPlan.RAMP_DAYS);
          }
        }
        score = Math.max(3.0, Math.min(5.0, score));
        out.text(clock.date(d)).money(Math.round(score * 100)).number(complaints);
        out.end();
      }
    }
  }

  /**
   * A report-only attack's extra complaints per spike day: the week before the batch averages 4–8
   * times the usual complaints (CauseDynamics.REPORT_SPIKE_MIN … MAX), all of it in the spike days.
   */
  static double reportSpikeExtra(ShopPlan plan, Batch b, double usual) {
    SplittableRandom w = Draws.rng(plan.config.seed(), Stream.CAUSES, b.index, 1);
    double times = Draws.uniform(w, CauseDynamics.REPORT_SPIKE_MIN, CauseDynamics.REPORT_SPIKE_MAX);
    return (times - 1) * usual * 7 / (b.spikeTo - b.spikeFrom + 1);
  }

  /**
   * Cooperation starts and cancellations in date order; returns cancellations caused per product.
   */
  private static int[] writeAffiliates(ShopPlan plan, TimeText clock, Path file)
      throws IOException {
    record Event(int day, Cooperation c, boolean cancel) {}
    List<Event> events = new ArrayList<>();
    int[] byDeletion = new int[plan.products.size()];
    for (Cooperation c : plan.cooperations) {
      events.add(new Event(c.startDay(), c, false));
      if (c.cancelDay() >= 0) {
        events.add(new Event(c.cancelDay(), c, true));
      }
      if (c.cancelledByDeletion()) {
        byDeletion[c.product()]++;
      }
    }
    events.sort(
        Comparator.comparingInt(Event::day)
            .thenComparing(e -> plan.affiliates.get(e.c().affiliate()).id())
            .thenComparing(e -> plan.products.get(e.c().product()).id()));
    try (CsvSink out = CsvSink.open(file, plan.config.gb18030(), Columns.AFFILIATES)) {
      for (Event e : events) {
        ShopPlan.Affiliate a = plan.affiliates.get(e.c().affiliate());
        out.text(clock.date(e.day()))
            .id(a.id())
            .text(a.name())
            .id(plan.products.get(e.c().product()).id())
            .text(e.cancel() ? "已取消" : "合作中");
        out.end();
      }
    }
    return byDeletion;
  }

  private static int[] writeDeletions(ShopPlan plan, Orders orders, TimeText clock, Path file)
      throws IOException {
    int[] perBatch = new int[plan.batches.size()];
    List<Orders.Deleted> rows = new ArrayList<>(orders.deleted);
    rows.sort(Comparator.comparingInt(Orders.Deleted::batch));
    try (CsvSink out = CsvSink.open(file, plan.config.gb18030(), Columns.DELETIONS)) {
      for (Orders.Deleted row : rows) {
        Batch b = plan.batches.get(row.batch());
        out.id(row.subOrderId())
            .id(row.subOrderId())
            .id(plan.products.get(row.product()).id())
            .text(clock.slashDate(b.day))
            .text(Catalog.DELETION_REASON)
            .text(b.noticeId);
        out.end();
        perBatch[row.batch()]++;
      }
    }
    return perBatch;
  }

  private static GroundTruth truth(
      ShopPlan plan, Traffic t, Orders orders, int[] perBatch, int[] cancelled) {
    LocalDate start = plan.config.start();
    List<GroundTruth.Batch> batches = new ArrayList<>();
    for (Batch b : plan.batches) {
      batches.add(
          new GroundTruth.Batch(
              b.noticeId,
              start.plusDays(b.day),
              b.cause,
              b.products.stream().map(p -> plan.products.get(p).id()).toList(),
              perBatch[b.index],
              orders.fakeCount[b.index],
              round(b.scoreDrop)));
    }
    List<GroundTruth.AffectedProduct> affected = new ArrayList<>();
    List<String> controls = new ArrayList<>();
    long impLoss = 0;
    long visLoss = 0;
    long buyLoss = 0;
    long gmvLoss = 0;
    for (Product pr : plan.products) {
      int p = pr.index();
      if (plan.batchOf[p] < 0) {
        controls.add(pr.id());
        continue;
      }
      Batch b = plan.batches.get(plan.batchOf[p]);
      long cfI = 0;
      long aI = 0;
      long cfV = 0;
      long aV = 0;
      long cfB = 0;
      long aB = 0;
      long gmv = 0;
      List<GroundTruth.Day> daily = new ArrayList<>();
      for (int d = b.day; d < plan.days; d++) {
        int fake = t.fakeOrders[p][d];
        daily.add(
            new GroundTruth.Day(
                start.plusDays(d),
                t.cfImp[p][d] + fake,
                t.imp[p][d] + fake,
                t.cfVis[p][d] + fake,
                t.vis[p][d] + fake,
                t.cfBuy[p][d] + fake,
                t.buy[p][d] + fake));
        cfI += t.cfImp[p][d];
        aI += t.imp[p][d];
        cfV += t.cfVis[p][d];
        aV += t.vis[p][d];
        cfB += t.cfBuy[p][d];
        aB += t.buy[p][d];
        gmv += t.cfGmv[p][d] - t.gmv[p][d];
      }
      affected.add(
          new GroundTruth.AffectedProduct(
              pr.id(),
              pr.name(),
              b.noticeId,
              b.cause,
              start.plusDays(b.day),
              plan.days - b.day,
              new GroundTruth.Effects(
                  round(plan.effImp[p]), round(plan.effVis[p]), round(plan.effCvr[p])),
              cfI,
              aI,
              cfI - aI,
              cfV,
              aV,
              cfV - aV,
              cfB,
              aB,
              cfB - aB,
              BigDecimal.valueOf(gmv, 2),
              cancelled[p],
              daily));
      impLoss += cfI - aI;
      visLoss += cfV - aV;
      buyLoss += cfB - aB;
      gmvLoss += gmv;
    }
    GroundTruth.Promotion promotion =
        plan.promoFrom < 0
            ? null
            : new GroundTruth.Promotion(
                start.plusDays(plan.promoFrom),
                start.plusDays(plan.promoTo),
                ShopPlan.PROMOTION_LIFT);
    return new GroundTruth(
        plan.config.seed(),
        plan.config.scenario(),
        plan.effectSize,
        start,
        plan.config.end(),
        plan.products.size(),
        orders.written,
        orders.deleted.size(),
        plan.rampDays(),
        promotion,
        batches,
        affected,
        new GroundTruth.Totals(impLoss, visLoss, buyLoss, BigDecimal.valueOf(gmvLoss, 2)),
        controls,
        substituteGain(plan, t));
  }

  private static GroundTruth.SubstituteGain substituteGain(ShopPlan plan, Traffic t) {
    if (plan.config.impactDynamics().spillover() == 0) {
      return null;
    }
    long visitors = 0;
    long gmv = 0;
    for (int p = 0; p < plan.products.size(); p++) {
      if (plan.batchOf[p] >= 0) {
        continue;
      }
      for (int d = 0; d < plan.days; d++) {
        visitors += t.vis[p][d] - t.cfVis[p][d];
        gmv += t.gmv[p][d] - t.cfGmv[p][d];
      }
    }
    return new GroundTruth.SubstituteGain(visitors, BigDecimal.valueOf(gmv, 2));
  }

  private static double round(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
