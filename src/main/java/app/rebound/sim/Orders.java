package app.rebound.sim;

import app.rebound.sim.Draws.Stream;
import app.rebound.sim.ShopPlan.Batch;
import app.rebound.sim.ShopPlan.Cooperation;
import app.rebound.sim.ShopPlan.Product;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the order rows day by day (with their reviews and chats) and streams them to disk. Only one
 * day of orders is in memory at a time; of the rest only the deleted sub-order ids are kept.
 */
final class Orders {

  static final String COMPLETED = "已完成";
  static final String SHIPPED = "已发货";
  static final String PENDING = "待发货";
  static final String CLOSED = "已关闭";
  static final String NO_AFTER_SALE = "-";
  static final String REFUNDED = "退款成功";
  static final String IN_AFTER_SALE = "售后中";

  /** One order row before it gets its id. Times are seconds from the window start, -1 for none. */
  static final class Row {
    int product;
    long submit;
    long pay;
    long ship = -1;
    long complete = -1;
    String status = COMPLETED;
    String afterSale = NO_AFTER_SALE;
    String cancelReason = "";
    int affiliate = -1;
    Catalog.Source source;
    String format;
    String tracking = "";
    int place;
    String city;
    String spec;
    int quantity;
    long unit;
    long payable;
    long platformDiscount;
    long merchantDiscount;
    String note = "";

    /** The batch that deletes this order, -1 if none. */
    int batch = -1;

    boolean fake;
    int chatMessages;
    long chatAt = -1;
    int rating;
    String review;
    long reviewAt = -1;
  }

  record Deleted(long subOrderId, int product, int batch) {}

  private final ShopPlan plan;
  private final CauseDynamics dynamics;
  private final Traffic traffic;
  private final long export;
  private final List<List<Row>> fakesByDay = new ArrayList<>();

  /** Picked genuine orders to delete: key (product, day) → sorted indices of that day's orders. */
  private final Map<Long, int[]> picks = new HashMap<>();

  private final Map<Long, Integer> pickBatch = new HashMap<>();
  private final List<List<Cooperation>> cooperationsOf = new ArrayList<>();
  final List<Deleted> deleted = new ArrayList<>();
  final int[] fakeCount;
  long written;

  /** The platform's downloads, fed each order as it is written; null when not wanted. */
  private PlatformExports platform;

  Orders(ShopPlan plan, Traffic traffic) {
    this.plan = plan;
    this.dynamics = plan.config.causeDynamics();
    this.traffic = traffic;
    this.export = (long) plan.days * TimeText.DAY;
    for (int d = 0; d < plan.days; d++) {
      fakesByDay.add(new ArrayList<>());
    }
    for (int p = 0; p < plan.products.size(); p++) {
      cooperationsOf.add(new ArrayList<>());
    }
    for (Cooperation c : plan.cooperations) {
      cooperationsOf.get(c.product()).add(c);
    }
    fakeCount = new int[plan.batches.size()];
    planFakes();
    planPicks();
  }

  private static long key(int p, int d) {
    return ((long) p << 20) | d;
  }

  /**
   * Violation batches: the merchant's paid orders, added to the shop before the deletion. They come
   * in night bursts minutes apart, pay in seconds, sell at 0.01 or a tenth of the price, complete
   * within hours, carry missing or reused waybills, cluster on one share link and one place, have
   * no chats and copy-paste five-star reviews. Not perfectly clean: some pay full price, some burst
   * in daytime.
   */
  private void planFakes() {
    for (Batch b : plan.batches) {
      if (b.cause != Cause.VIOLATION) {
        continue;
      }
      SplittableRandom r = Draws.rng(plan.config.seed(), Stream.FAKES, b.index, 0);
      Catalog.Carrier carrier = Catalog.CARRIERS.get(r.nextInt(Catalog.CARRIERS.size()));
      String[] reused = {tracking(r, carrier), tracking(r, carrier)};
      int place = Draws.weighted(r, Catalog.PLACE_WEIGHTS);
      Catalog.Place cluster = Catalog.PLACES.get(place);
      String city = cluster.cities().get(r.nextInt(cluster.cities().size()));
      Catalog.Source link = r.nextBoolean() ? Catalog.SHORT_VIDEO : Catalog.LIVE;
      for (int p : b.products) {
        Product pr = plan.products.get(p);
        List<Cooperation> coops = cooperationsOf.get(p);
        int shareAffiliate =
            coops.isEmpty()
                ? r.nextInt(plan.affiliates.size())
                : coops.get(r.nextInt(coops.size())).affiliate();
        double daily = traffic.meanOrders(p, b.day - 28, b.day - 1);
        int lo = Math.max(0, b.day - 25);
        int span = b.day - 1 - lo;
        int[] nights = Draws.distinct(r, span, dynamics.thinBatches() ? 1 : 3 + r.nextInt(4));
        for (int night : nights) {
          int d = lo + night;
          int n =
              dynamics.thinBatches()
                  ? 2 + r.nextInt(3)
                  : 4 + r.nextInt(9) + (int) Math.round(0.05 * daily);
          boolean atNight = r.nextDouble() < 0.8;
          long t =
              (long) d * TimeText.DAY
                  + (atNight ? r.nextInt(4 * 3600) : 9 * 3600 + r.nextInt(12 * 3600));
          for (int i = 0; i < n; i++) {
            if (i > 0) {
              t += 20 + r.nextInt(160);
            }
            Row row = new Row();
            row.product = p;
            row.fake = true;
            row.batch = b.index;
            row.submit = t;
            row.pay = t + 2 + r.nextInt(8);
            row.ship = row.pay + 600 + r.nextInt(1800);
            row.complete = row.pay + 3 * 3600 + r.nextInt(7 * 3600);
            row.spec = pr.specs().get(0);
            row.quantity = 1;
            row.unit = pr.priceFen();
            double u = r.nextDouble();
            row.payable = u < 0.45 ? 1 : u < 0.75 ? Math.max(1, pr.priceFen() / 10) : pr.priceFen();
            row.merchantDiscount = pr.priceFen() - row.payable;
            double v = r.nextDouble();
            row.tracking = v < 0.45 ? "" : v < 0.85 ? reused[r.nextInt(2)] : tracking(r, carrier);
            boolean viaLink = r.nextDouble() < 0.7;
            row.affiliate = viaLink ? shareAffiliate : -1;
            row.source = viaLink ? link : Catalog.SOURCES.get(0);
            if (r.nextDouble() < 0.85) {
              row.place = place;
              row.city = city;
            } else {
              setPlace(r, row);
            }
            if (r.nextDouble() < 0.04) {
              row.chatMessages = 1;
              row.chatAt = row.pay + 60;
            }
            if (r.nextDouble() < 0.65) {
              row.rating = 5;
              row.review = Catalog.TEMPLATED.get(r.nextInt(Catalog.TEMPLATED.size()));
              row.reviewAt = row.complete + 600 + r.nextInt(7200);
            }
            if (dynamics.realParcelBrushing()) {
              realParcel(r, row, pr, reused, carrier);
            }
            fakesByDay.get(d).add(row);
            traffic.fakeOrders[p][d]++;
            traffic.fakeGmv[p][d] += row.payable;
            fakeCount[b.index]++;
          }
        }
      }
    }
  }

  /**
   * Brushing with real parcels (CauseDynamics.realParcelBrushing): a real parcel with its own
   * waybill, shipped and completed at a real parcel's pace, paid at full price (the cash goes back
   * off the platform); about one in ten still reuses a waybill.
   */
  private static void realParcel(
      SplittableRandom r, Row row, Product pr, String[] reused, Catalog.Carrier carrier) {
    row.tracking =
        r.nextDouble() < CauseDynamics.REAL_PARCEL_REUSED_SHARE
            ? reused[r.nextInt(2)]
            : tracking(r, carrier);
    row.ship = row.pay + 3 * 3600 + (long) (r.nextDouble() * 40 * 3600);
    row.complete = row.ship + 2L * TimeText.DAY + (long) (r.nextDouble() * 5 * TimeText.DAY);
    row.payable = pr.priceFen();
    row.merchantDiscount = 0;
  }

  /**
   * Genuine orders the platform deletes, chosen among each hit product's orders before the batch:
   * completed ones for a system error (any time, many products), the best sellers' orders for a
   * malicious report, and a few real orders swept up with the fakes of a violation.
   */
  private void planPicks() {
    int[] fakesPerProduct = new int[plan.products.size()];
    for (List<Row> day : fakesByDay) {
      for (Row row : day) {
        fakesPerProduct[row.product]++;
      }
    }
    for (Batch b : plan.batches) {
      for (int p : b.products) {
        SplittableRandom r = Draws.rng(plan.config.seed(), Stream.PICKS, b.index, p);
        double daily = traffic.meanOrders(p, b.day - 28, b.day - 1);
        int from;
        int to;
        int k;
        switch (b.cause) {
          case SYSTEM_ERROR -> {
            from = b.day - 30;
            to = b.day - 8;
            k =
                Math.max(1, (int) Math.round(Draws.uniform(r, 0.5, 1.5) * 0.12 * daily))
                    + r.nextInt(2);
          }
          case MALICIOUS_REPORT -> {
            from = b.day - 30;
            to = b.day - 4;
            k = Math.max(4, (int) Math.round(Draws.uniform(r, 0.6, 1.4) * 0.5 * daily));
          }
          default -> {
            from = b.day - 25;
            to = b.day - 1;
            k = (int) Math.round(0.1 * fakesPerProduct[p]);
          }
        }
        if (dynamics.thinBatches() && b.cause != Cause.VIOLATION) {
          k = Math.min(k, 1 + r.nextInt(3));
        }
        from = Math.max(0, from);
        int total = countOrders(p, from, to);
        if (total == 0) {
          // A product too quiet for the usual window: the platform reaches further back.
          from = 0;
          to = b.day - 1;
          total = countOrders(p, from, to);
        }
        int[] chosen = Draws.distinct(r, total, k);
        int d = from;
        int before = 0;
        int i = 0;
        while (i < chosen.length) {
          int count = traffic.buy[p][d];
          int j = i;
          while (j < chosen.length && chosen[j] < before + count) {
            j++;
          }
          if (j > i) {
            int[] local = new int[j - i];
            for (int x = i; x < j; x++) {
              local[x - i] = chosen[x] - before;
            }
            picks.put(key(p, d), local);
            pickBatch.put(key(p, d), b.index);
          }
          i = j;
          before += count;
          d++;
        }
      }
    }
  }

  private int countOrders(int p, int from, int to) {
    int total = 0;
    for (int d = from; d <= to; d++) {
      total += traffic.buy[p][d];
    }
    return total;
  }

  /** Streams all days: orders, and for them reviews and chats. */
  void write(CsvSink orders, CsvSink reviews, CsvSink chats, TimeText clock) throws IOException {
    write(orders, reviews, chats, clock, null);
  }

  /** As {@link #write}, also feeding every order to the platform's downloads (null: none). */
  void write(
      CsvSink orders, CsvSink reviews, CsvSink chats, TimeText clock, PlatformExports platform)
      throws IOException {
    this.platform = platform;
    SplittableRandom ids = Draws.rng(plan.config.seed(), Stream.IDS, 0, 0);
    long nextId = 6_920_000_030_000_000_000L + ids.nextInt(1_000_000);
    List<Row> day = new ArrayList<>();
    for (int d = 0; d < plan.days; d++) {
      day.clear();
      for (int p = 0; p < plan.products.size(); p++) {
        int n = traffic.buy[p][d];
        if (n == 0) {
          continue;
        }
        Product pr = plan.products.get(p);
        SplittableRandom amounts = Draws.rng(plan.config.seed(), Stream.AMOUNTS, p, d);
        SplittableRandom r = Draws.rng(plan.config.seed(), Stream.ORDERS, p, d);
        int[] picked = picks.getOrDefault(key(p, d), new int[0]);
        int batch = pickBatch.getOrDefault(key(p, d), -1);
        for (int j = 0; j < n; j++) {
          boolean isPicked = Arrays.binarySearch(picked, j) >= 0;
          day.add(genuine(r, pr, d, Traffic.amount(amounts, pr), isPicked ? batch : -1));
        }
      }
      day.addAll(fakesByDay.get(d));
      day.sort(Comparator.comparingLong(row -> row.submit));
      for (Row row : day) {
        nextId += 1 + ids.nextInt(3);
        writeRow(orders, reviews, chats, clock, row, nextId);
      }
      fakesByDay.get(d).clear();
    }
  }

  private Row genuine(
      SplittableRandom r, Product pr, int d, Traffic.Amount amount, int pickedBatch) {
    int p = pr.index();
    Row row = new Row();
    row.product = p;
    row.batch = pickedBatch;
    row.quantity = amount.quantity();
    row.unit = amount.unitFen();
    row.payable = amount.payableFen();
    row.platformDiscount = amount.platformFen();
    row.merchantDiscount = amount.merchantFen();
    row.spec = pr.specs().get(r.nextInt(pr.specs().size()));
    int hour = Draws.weighted(r, Catalog.HOUR_WEIGHTS);
    row.submit = (long) d * TimeText.DAY + hour * 3600L + r.nextInt(3600);
    row.pay = row.submit + 3 + Math.min(1800, (long) Draws.logNormal(r, 50, 1.0));
    boolean nightLive =
        dynamics.nightLiveSystemErrors()
            && pickedBatch >= 0
            && plan.batches.get(pickedBatch).cause == Cause.SYSTEM_ERROR;
    if (nightLive) {
      // The stream's flash moments after midnight: orders seconds apart.
      row.submit = (long) d * TimeText.DAY + 1800 + 900L * r.nextInt(4) + r.nextInt(150);
      row.pay = row.submit + 3 + r.nextInt(30);
    }
    Batch attack = plan.attackOn(p, d);
    double ramp = plan.ramp(p, d);
    // Refunds rise on a product whose sales were just deleted; an attack refunds in a group.
    boolean attackRefunds = attack != null && !dynamics.reportOnlyAttacks();
    double refund = attackRefunds ? 0.3 : 0.025 + 0.2 * ramp * plan.effVis[p];
    double inProgress = 0.02;
    if (pickedBatch >= 0) {
      refund = 0;
      inProgress = 0;
    }
    long ship = row.pay + 3 * 3600 + (long) (r.nextDouble() * 45 * 3600);
    long complete = ship + 2L * TimeText.DAY + (long) (r.nextDouble() * 6 * TimeText.DAY);
    double u = r.nextDouble();
    if (u < refund) {
      row.status = CLOSED;
      row.afterSale = REFUNDED;
      List<String> reasons = attackRefunds ? Catalog.ABNORMAL_CANCEL : Catalog.NORMAL_CANCEL;
      row.cancelReason = reasons.get(r.nextInt(reasons.size()));
      row.ship = r.nextDouble() < 0.7 || ship >= export ? -1 : ship;
    } else {
      if (u < refund + inProgress) {
        row.afterSale = IN_AFTER_SALE;
      }
      if (ship >= export) {
        row.status = PENDING;
      } else if (complete >= export) {
        row.status = SHIPPED;
        row.ship = ship;
      } else {
        row.status = COMPLETED;
        row.ship = ship;
        row.complete = complete;
      }
    }
    List<Cooperation> coops = cooperationsOf.get(p);
    int active = 0;
    for (Cooperation c : coops) {
      if (c.activeOn(d)) {
        active++;
      }
    }
    if (active > 0 && r.nextDouble() < 0.28) {
      int pick = r.nextInt(active);
      for (Cooperation c : coops) {
        if (c.activeOn(d) && pick-- == 0) {
          row.affiliate = c.affiliate();
        }
      }
      row.source = r.nextDouble() < 0.65 ? Catalog.LIVE : Catalog.SHORT_VIDEO;
    } else {
      row.source = Catalog.SOURCES.get(Draws.weighted(r, Catalog.SOURCE_WEIGHTS));
    }
    if (d == plan.days - 1 && r.nextDouble() < 0.6) {
      row.format = Catalog.FORMAT_PENDING;
    }
    if (row.ship >= 0) {
      row.tracking = tracking(r, Catalog.CARRIERS.get(Draws.weighted(r, Catalog.CARRIER_WEIGHTS)));
    }
    setPlace(r, row);
    if (nightLive) {
      row.source = Catalog.LIVE;
    }
    if (attackRefunds && dynamics.refundWaveFromOneLink() && REFUNDED.equals(row.afterSale)) {
      refundWave(row, attack, d);
    }
    if (r.nextDouble() < 0.04) {
      row.note = Catalog.BUYER_NOTES.get(r.nextInt(Catalog.BUYER_NOTES.size()));
    }
    // Real buyers talk to customer service; the completed orders a system error sweeps up often
    // did.
    double chat = pickedBatch >= 0 ? 0.75 : row.afterSale.equals(NO_AFTER_SALE) ? 0.35 : 0.8;
    if (r.nextDouble() < chat) {
      row.chatMessages = 2 + Draws.poisson(r, 6);
      long end =
          row.complete >= 0
              ? row.complete
              : row.ship >= 0 ? row.ship + TimeText.DAY : row.pay + TimeText.DAY;
      row.chatAt =
          Math.min(
              export - 1 - r.nextInt(3600), row.pay + (long) (r.nextDouble() * (end - row.pay)));
    }
    if (row.complete >= 0 && r.nextDouble() < (pickedBatch >= 0 ? 0.45 : 0.3)) {
      long at = row.complete + (long) (r.nextDouble() * 5 * TimeText.DAY);
      if (at < export) {
        row.reviewAt = at;
        double k = plan.ramp(p, (int) (at / TimeText.DAY));
        double uneasy = k * plan.effVis[p];
        // Shoppers who see the sales count drop doubt the product, and rate lower.
        if (uneasy > 0 && r.nextDouble() < Math.min(0.5, 0.8 * uneasy)) {
          row.rating = 1 + r.nextInt(3);
          row.review = Catalog.DOUBTING.get(r.nextInt(Catalog.DOUBTING.size()));
        } else {
          boolean lower = uneasy > 0 && r.nextDouble() < Math.min(0.6, 1.5 * uneasy);
          row.rating =
              1 + Draws.weighted(r, lower ? Catalog.RATING_WEIGHTS_UNEASY : Catalog.RATING_WEIGHTS);
          List<String> texts = Catalog.REVIEWS_BY_RATING.get(row.rating - 1);
          row.review = texts.get(r.nextInt(texts.size()));
        }
      }
    }
    return row;
  }

  /**
   * An attackers' refund wave (CauseDynamics.refundWaveFromOneLink): the refunded orders came
   * through one share link, from one city, within a few hours of each day's wave.
   */
  private void refundWave(Row row, Batch attack, int d) {
    SplittableRandom w = Draws.rng(plan.config.seed(), Stream.CAUSES, attack.index, 0);
    int place = Draws.weighted(w, Catalog.PLACE_WEIGHTS);
    List<String> cities = Catalog.PLACES.get(place).cities();
    row.place = place;
    row.city = cities.get(w.nextInt(cities.size()));
    row.affiliate = w.nextInt(plan.affiliates.size());
    row.source = Catalog.SHORT_VIDEO;
    long waveStart = (long) d * TimeText.DAY + (10 + w.nextInt(10)) * 3600L;
    long offset = Math.floorMod(row.submit * 7919, 3 * 3600L);
    long shift = waveStart + offset - row.submit;
    row.submit += shift;
    row.pay += shift;
    if (row.ship >= 0) {
      row.ship += shift;
    }
  }

  private static void setPlace(SplittableRandom r, Row row) {
    row.place = Draws.weighted(r, Catalog.PLACE_WEIGHTS);
    List<String> cities = Catalog.PLACES.get(row.place).cities();
    row.city = cities.get(r.nextInt(cities.size()));
  }

  private static final long[] POW10 = {
    1,
    10,
    100,
    1_000,
    10_000,
    100_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
    10_000_000_000L,
    100_000_000_000L,
    1_000_000_000_000L,
    10_000_000_000_000L
  };

  /** A waybill and its carrier as 快递信息 holds them: YT4312345678901-圆通速递. */
  private static String tracking(SplittableRandom r, Catalog.Carrier carrier) {
    long n = Math.floorMod(r.nextLong(), POW10[carrier.digits()]);
    String digits = Long.toString(n + POW10[carrier.digits()]).substring(1);
    return carrier.prefix() + digits + "-" + carrier.name();
  }

  private void writeRow(
      CsvSink out, CsvSink reviews, CsvSink chats, TimeText clock, Row row, long id)
      throws IOException {
    Product pr = plan.products.get(row.product);
    ShopPlan.Affiliate affiliate = row.affiliate >= 0 ? plan.affiliates.get(row.affiliate) : null;
    out.id(id)
        .id(id)
        .text(pr.name())
        .text(row.spec)
        .number(row.quantity)
        .id(pr.id())
        .text(pr.sku())
        .money(row.unit)
        .money(row.payable)
        .money(0)
        .time(clock, row.submit)
        .time(clock, row.pay)
        .time(clock, row.ship)
        .time(clock, row.complete)
        .text(row.status)
        .text(row.afterSale)
        .text(row.cancelReason)
        .id(affiliate == null ? null : affiliate.id())
        .text(affiliate == null ? null : affiliate.name())
        .text(row.source.source())
        .text(row.source.channel())
        .text(row.format != null ? row.format : row.source.format())
        .text(row.source.type())
        .text(row.tracking)
        .text(Catalog.PLACES.get(row.place).province())
        .text(row.city)
        .text("##密文")
        .text("$$密文")
        .text("##密文")
        .text(row.note)
        .text("")
        .money(row.platformDiscount)
        .money(row.merchantDiscount)
        .money(0);
    out.end();
    written++;
    if (platform != null) {
      platform.order(row, id);
    }
    if (row.batch >= 0) {
      deleted.add(new Deleted(id, row.product, row.batch));
    }
    if (row.reviewAt >= 0) {
      reviews.time(clock, row.reviewAt).id(id).id(pr.id()).number(row.rating).text(row.review);
      reviews.end();
    }
    if (row.chatAt >= 0) {
      chats.id(id).number(row.chatMessages).time(clock, row.chatAt);
      chats.end();
    }
  }
}
