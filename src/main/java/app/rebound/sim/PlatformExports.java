package app.rebound.sim;

import app.rebound.sim.Draws.Stream;
import app.rebound.sim.ShopPlan.Product;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The platform's own downloads for a simulated shop, beside the seven files in our layouts: the
 * 结算账单, the 售后列表, the 精选联盟 commission orders, and the 罗盘 成交分析 workbook and product-card traffic
 * sources. Each order is seen once as it is written ({@link #order}); the files that sum over days
 * are written at {@link #close}. The draws come from a stream of their own, so the other files stay
 * byte for byte what they are without these.
 */
final class PlatformExports implements Closeable {

  /** 载体类型 in 罗盘, and which orders' 流量来源 each carries. */
  static final List<String> CARRIERS = List.of("直播", "短视频", "商品卡");

  /**
   * Each carrier's share of a product's exposed and clicking people (a judgement: the catalogue's
   * order sources are 商城 45%, 直播 40%, 短视频 15%).
   */
  static final double[] CARRIER_SHARE = {0.35, 0.20, 0.45};

  /** Product-card (商品卡) people per channel of the traffic-source file: 搜索 and 推荐. */
  static final double SEARCH_SHARE = 0.55;

  /** The platform's technical service fee on the payable amount (a judgement; 抖店 charges 1–5%). */
  static final double PLATFORM_FEE = 0.05;

  /**
   * A refunded order that had shipped settled before its refund, then was deducted: one in five.
   */
  static final double SETTLED_BEFORE_REFUND = 0.2;

  /** The traffic-source snapshot covers the window's last 30 days. */
  static final int SOURCES_DAYS = 30;

  private static final DateTimeFormatter DEAL_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter SOURCES_DAY = DateTimeFormatter.ofPattern("yyyy_MM_dd");
  private static final String SHOP = "模拟小店";

  /**
   * One row of the 结算账单: the order's totals as they are; a deduction (a refund after settling)
   * takes the income back and returns the fees, so its 结算金额 is the earlier one negated.
   */
  private record Settlement(
      long at,
      long id,
      int product,
      int quantity,
      long total,
      long paid,
      long fee,
      long commission,
      boolean deduction) {
    long sign() {
      return deduction ? -1 : 1;
    }

    /** The deduction that takes this settlement back at {@code when}. */
    Settlement deductedAt(long when) {
      return new Settlement(when, id, product, quantity, total, paid, fee, commission, true);
    }
  }

  private final ShopPlan plan;
  private final Traffic traffic;
  private final TimeText clock;
  private final Path dir;
  private final long export;
  private final SplittableRandom r;
  private final CsvSink afterSales;
  private final XlsxSink commissions;
  private final List<Settlement> settlements = new ArrayList<>();

  /** Per product, day of payment and carrier: money paid, orders, refunded money and orders. */
  private final long[][][] gmv;

  private final int[][][] orders;
  private final long[][][] refunded;
  private final int[][][] refunds;

  /** Product-card orders of the last 30 days per channel (搜索, 推荐): money and orders. */
  private final long[] cardGmv = new long[2];

  private final int[] cardOrders = new int[2];
  private long nextAfterSaleId;

  PlatformExports(ShopPlan plan, Traffic traffic, TimeText clock, Path dir) throws IOException {
    this.plan = plan;
    this.traffic = traffic;
    this.clock = clock;
    this.dir = dir;
    this.export = (long) plan.days * TimeText.DAY;
    this.r = Draws.rng(plan.config.seed(), Stream.PLATFORM, 0, 0);
    int n = plan.products.size();
    gmv = new long[n][plan.days][CARRIERS.size()];
    orders = new int[n][plan.days][CARRIERS.size()];
    refunded = new long[n][plan.days][CARRIERS.size()];
    refunds = new int[n][plan.days][CARRIERS.size()];
    nextAfterSaleId = 7_010_000_000_000_000_000L + r.nextInt(1_000_000);
    afterSales =
        CsvSink.open(
            dir.resolve(Columns.AFTER_SALES_FILE), plan.config.gb18030(), Columns.AFTER_SALES);
    commissions = new XlsxSink(dir.resolve(Columns.COMMISSIONS_FILE));
    commissions.sheet("订单明细", Columns.COMMISSIONS);
  }

  /** An affiliate's commission rate, 10% to 30% (fixed per affiliate). */
  static int commissionPercent(int affiliate) {
    return 10 + affiliate * 7 % 21;
  }

  /** One order row as written to 订单明细 with its sub-order id. */
  void order(Orders.Row row, long id) throws IOException {
    Product pr = plan.products.get(row.product);
    boolean refund = Orders.REFUNDED.equals(row.afterSale);
    long fee = Math.round(row.payable * PLATFORM_FEE);
    long commission =
        row.affiliate < 0 ? 0 : Math.round(row.payable * commissionPercent(row.affiliate) / 100.0);
    long gross = row.unit * row.quantity;
    long settledAt = -1;
    if (row.complete >= 0) {
      // Settled 7 to 15 days after the buyer confirmed receipt, if before the export was made.
      long at = row.complete + 7L * TimeText.DAY + (long) (r.nextDouble() * 8 * TimeText.DAY);
      if (at < export) {
        settledAt = at;
        settlements.add(
            new Settlement(
                at, id, row.product, row.quantity, gross, row.payable, fee, commission, false));
      }
    }
    if (!Orders.NO_AFTER_SALE.equals(row.afterSale)) {
      afterSale(row, id, pr, fee, commission, gross);
    }
    if (row.affiliate >= 0) {
      commission(row, id, pr, commission, settledAt);
    }
    int day = (int) (row.pay / TimeText.DAY);
    if (day < plan.days) {
      int c = carrier(row.source);
      gmv[row.product][day][c] += row.payable;
      orders[row.product][day][c]++;
      if (refund) {
        refunded[row.product][day][c] += row.payable;
        refunds[row.product][day][c]++;
      }
      if (c == 2 && day >= plan.days - SOURCES_DAYS) {
        int channel = "搜索".equals(row.source.channel()) ? 0 : 1;
        cardGmv[channel] += row.payable;
        cardOrders[channel]++;
      }
    }
  }

  private static int carrier(Catalog.Source source) {
    return switch (source.source()) {
      case "直播" -> 0;
      case "短视频" -> 1;
      default -> 2;
    };
  }

  /**
   * The after-sale of a refunded or open order. A refund before shipping is 仅退款, half of them
   * express (极速退款, in minutes); after shipping it is 退货退款. Some shipped refunds settled first and
   * are deducted when the refund completes.
   */
  private void afterSale(Orders.Row row, long id, Product pr, long fee, long commission, long gross)
      throws IOException {
    boolean refund = Orders.REFUNDED.equals(row.afterSale);
    boolean shipped = row.ship >= 0;
    boolean express = !shipped && r.nextDouble() < 0.5;
    long applied =
        shipped
            ? row.ship + TimeText.DAY + (long) (r.nextDouble() * 2 * TimeText.DAY)
            : row.pay + 60 + (long) (r.nextDouble() * 12 * 3600);
    applied = Math.min(applied, export - 3600 - r.nextInt(3600));
    long finished = -1;
    if (refund) {
      long settledAt = -1;
      if (shipped && r.nextDouble() < SETTLED_BEFORE_REFUND) {
        settledAt = row.ship + 2L * TimeText.DAY + (long) (r.nextDouble() * 2 * TimeText.DAY);
        applied = settledAt + (long) (r.nextDouble() * TimeText.DAY);
      }
      finished =
          applied
              + (express
                  ? 60 + r.nextInt(600)
                  : 12 * 3600 + (long) (r.nextDouble() * 2 * TimeText.DAY));
      if (settledAt >= 0 && finished < export) {
        Settlement settled =
            new Settlement(
                settledAt,
                id,
                row.product,
                row.quantity,
                gross,
                row.payable,
                fee,
                commission,
                false);
        settlements.add(settled);
        settlements.add(settled.deductedAt(finished));
      }
      applied = Math.min(applied, export - 3600);
      finished = Math.min(finished, export - 1);
    }
    String status = refund ? Orders.REFUNDED : shipped ? "待收退货" : Orders.IN_AFTER_SALE;
    nextAfterSaleId += 1 + r.nextInt(5);
    afterSales
        .id(nextAfterSaleId)
        .id(id)
        .id(id)
        .text(pr.name())
        .id(pr.id())
        .money(row.payable)
        .text(shipped ? "退货退款" : "仅退款")
        .money(row.payable)
        .text(status)
        .time(clock, applied)
        .text("原路退回")
        .text(row.cancelReason.isEmpty() ? "不想要了" : row.cancelReason)
        .text(express ? "是" : "否")
        .time(clock, finished);
    afterSales.end();
  }

  private void commission(Orders.Row row, long id, Product pr, long commission, long settledAt) {
    ShopPlan.Affiliate a = plan.affiliates.get(row.affiliate);
    boolean refund = Orders.REFUNDED.equals(row.afterSale);
    String status = refund ? "订单退货退款" : settledAt >= 0 ? "订单结算" : "订单付款";
    commissions
        .row()
        .text(id + "\t") // the 联盟 download's protection: a trailing tab
        .text(pr.id() + "\t")
        .text(pr.name())
        .text(a.name())
        .text(a.id())
        .money(row.payable)
        .text(commissionPercent(row.affiliate) + ".00%")
        .money(commission)
        .text(settledAt >= 0 ? money(row.payable) : null)
        .text(settledAt >= 0 ? money(commission) : null)
        .text(status)
        .text(time(row.pay))
        .text(time(row.complete))
        .text(time(settledAt))
        .number(row.quantity)
        .text(row.source.source());
  }

  private String time(long second) {
    if (second < 0) {
      return null;
    }
    StringBuilder b = new StringBuilder(19);
    clock.dateTime(b, second);
    return b.toString();
  }

  private static String money(long fen) {
    StringBuilder b = new StringBuilder();
    CsvSink.appendMoney(b, fen);
    return b.toString();
  }

  /** A product-day's exposed or clicking people split over the carriers; the parts sum to it. */
  static int[] byCarrier(int people) {
    int live = (int) Math.round(people * CARRIER_SHARE[0]);
    int video = (int) Math.round(people * CARRIER_SHARE[1]);
    return new int[] {live, video, people - live - video};
  }

  @Override
  public void close() throws IOException {
    afterSales.close();
    commissions.close();
    writeSettlements();
    writeDeal();
    writeSources();
  }

  private void writeSettlements() throws IOException {
    settlements.sort(Comparator.comparingLong(Settlement::at).thenComparingLong(Settlement::id));
    LocalDate start = plan.config.start();
    String title = "账户：" + SHOP + "  结算账单  " + start + " 至 " + plan.config.end();
    try (CsvSink out =
        CsvSink.open(
            dir.resolve(Columns.SETTLEMENTS_FILE),
            plan.config.gb18030(),
            title,
            Columns.SETTLEMENTS)) {
      for (Settlement s : settlements) {
        long sign = s.sign();
        out.time(clock, s.at())
            .quotedId(s.id())
            .quotedId(s.id())
            .money(sign * (s.paid() - s.fee() - s.commission()))
            .id(plan.products.get(s.product()).id())
            .number(s.quantity())
            .money(s.total())
            .money(s.paid())
            .money(-sign * s.fee())
            .money(-sign * s.commission())
            .money(sign * s.paid())
            .money(-sign * (s.fee() + s.commission()));
        out.end();
      }
    }
  }

  /**
   * Sheets 成交概览 (per day and carrier, then the day's 全部 row) and 商品构成 (per day, product, carrier).
   */
  private void writeDeal() throws IOException {
    String name =
        String.format(
            Columns.DEAL_FILE,
            plan.config.start().format(DEAL_DAY),
            plan.config.end().format(DEAL_DAY));
    int carriers = CARRIERS.size();
    try (XlsxSink out = new XlsxSink(dir.resolve(name))) {
      out.sheet(Columns.DEAL_OVERVIEW_SHEET, Columns.DEAL_OVERVIEW);
      for (int d = 0; d < plan.days; d++) {
        long[] imp = new long[carriers + 1];
        long[] vis = new long[carriers + 1];
        long[] money = new long[carriers + 1];
        long[] paid = new long[carriers + 1];
        long[] back = new long[carriers + 1];
        for (Product pr : plan.products) {
          int p = pr.index();
          int fake = traffic.fakeOrders[p][d];
          int[] i = byCarrier(traffic.imp[p][d] + fake);
          int[] v = byCarrier(traffic.vis[p][d] + fake);
          for (int c = 0; c < carriers; c++) {
            imp[c] += i[c];
            vis[c] += v[c];
            money[c] += gmv[p][d][c];
            paid[c] += orders[p][d][c];
            back[c] += refunds[p][d][c];
          }
        }
        for (int c = 0; c < carriers; c++) {
          imp[carriers] += imp[c];
          vis[carriers] += vis[c];
          money[carriers] += money[c];
          paid[carriers] += paid[c];
          back[carriers] += back[c];
        }
        for (int c = 0; c <= carriers; c++) {
          out.row()
              .text(clock.date(d))
              .text(c < carriers ? CARRIERS.get(c) : "全部")
              .number(imp[c])
              .number(vis[c])
              .rate(vis[c], imp[c])
              .rate(paid[c], vis[c])
              .money(money[c])
              .rate(back[c], paid[c]);
        }
      }
      out.sheet(Columns.DEAL_PRODUCTS_SHEET, Columns.DEAL_PRODUCTS);
      for (int d = 0; d < plan.days; d++) {
        for (Product pr : plan.products) {
          int p = pr.index();
          int[] v = byCarrier(traffic.vis[p][d] + traffic.fakeOrders[p][d]);
          for (int c = 0; c < carriers; c++) {
            int n = orders[p][d][c];
            if (n == 0) {
              continue;
            }
            out.row()
                .text(clock.date(d))
                .text(pr.name())
                .text(pr.id())
                .text(CARRIERS.get(c))
                .money(gmv[p][d][c])
                .money(Math.round((double) gmv[p][d][c] / n))
                .rate(n, v[c])
                .money(refunded[p][d][c])
                .rate(refunds[p][d][c], n);
          }
        }
      }
    }
  }

  /** One snapshot over the last 30 days: the product cards' people per channel, and their sales. */
  private void writeSources() throws IOException {
    int from = Math.max(0, plan.days - SOURCES_DAYS);
    long imp = 0;
    long vis = 0;
    for (Product pr : plan.products) {
      int p = pr.index();
      for (int d = from; d < plan.days; d++) {
        int fake = traffic.fakeOrders[p][d];
        imp += byCarrier(traffic.imp[p][d] + fake)[2];
        vis += byCarrier(traffic.vis[p][d] + fake)[2];
      }
    }
    long searchImp = Math.round(imp * SEARCH_SHARE);
    long searchVis = Math.round(vis * SEARCH_SHARE);
    long[][] people = {{searchImp, searchVis}, {imp - searchImp, vis - searchVis}};
    String name =
        String.format(
            Columns.SOURCES_FILE,
            plan.config.start().plusDays(from).format(SOURCES_DAY),
            plan.config.end().format(SOURCES_DAY));
    try (XlsxSink out = new XlsxSink(dir.resolve(name))) {
      out.sheet("流量来源", Columns.SOURCES);
      String[] channels = {"搜索", "推荐"};
      for (int c = 0; c < 2; c++) {
        out.row()
            .text("自然流量")
            .text(channels[c])
            .number(people[c][0])
            .number(people[c][1])
            .rate(people[c][1], people[c][0])
            .money(cardGmv[c])
            .number(cardOrders[c])
            .rate(cardOrders[c], people[c][1]);
      }
    }
  }
}
