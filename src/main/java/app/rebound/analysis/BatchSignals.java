package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.OrderStates;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The signals of one batch, measured on its deleted orders against the shop's baseline. The
 * platform judges on logistics, buyer accounts, buying behaviour and after-sale requests; each
 * signal is one of those looked at with the merchant's own data. Shares are over the batch's orders
 * found in the orders export.
 */
final class BatchSignals {

  static final String IN_ORDERS = "in_orders_share";
  static final String TRACKING = "tracking_share";
  static final String REUSED_WAYBILL = "reused_waybill_share";
  static final String COMPLETED = "completed_share";
  static final String CHAT = "chat_share";
  static final String REVIEW = "review_share";
  static final String NO_REFUND = "no_refund_share";
  static final String BURST = "burst_share";
  static final String NIGHT = "night_share";
  static final String LOW_PRICE = "low_price_share";
  static final String ONE_CENT = "one_cent_share";
  static final String FAST_COMPLETE = "fast_complete_share";
  static final String COMPLAINTS = "complaint_ratio";
  static final String COMPLAINTS_EXTRA = "complaints_above_usual";
  static final String REFUND_GROUP = "refund_group_ratio";
  static final String REFUNDS_EXTRA = "refunds_above_expected";
  static final String BEST_SELLERS = "best_seller_share";
  static final String BREADTH = "product_breadth";
  static final String DATE_ASSUMED = "batch_date_assumed";
  static final String REUSED_EXCESS = "reused_waybill_excess";
  static final String NO_WAYBILL = "no_waybill_share";
  static final String ONE_AREA = "one_area_share";
  static final String ONE_LINK = "one_link_share";
  static final String REFUND_WAVE = "refund_wave_concentration";
  static final String EXPRESS_REFUND = "express_refund_share";

  /** Fewer orders than this and one city or link holding most of them is chance, not a sign. */
  static final int MIN_ORDERS_FOR_CONCENTRATION = 8;

  /** Fewer recent refunds than this and their concentration is chance. */
  static final int MIN_REFUNDS_FOR_WAVE = 5;

  /**
   * Orders a couple of minutes apart: paid-order gangs place them 20 s to 3 min apart, real buyers
   * rarely.
   */
  static final long BURST_SECONDS = 180;

  /** Night is 00:00–05:59: about 5% of genuine orders, most of a fake night burst. */
  static final int NIGHT_END_HOUR = 6;

  /**
   * Paid below half the usual price per unit: beyond any coupon the shop gives (coupons take ≤ a
   * third).
   */
  static final double LOW_PRICE_FRACTION = 0.5;

  static final double ONE_CENT_YUAN = 0.01;

  /**
   * Completed within a day of payment: a real parcel needs days to be shipped, delivered and
   * confirmed.
   */
  static final long FAST_COMPLETE_HOURS = 24;

  /**
   * The days before the batch in which complaints and refunds are compared with what went before.
   */
  static final int RECENT_DAYS = 7;

  static final int BASELINE_DAYS = 28;

  /**
   * A floor on the usual complaints per day, so one stray complaint in a quiet shop is no spike.
   */
  static final double MIN_USUAL_COMPLAINTS = 0.5;

  /** Days this many Poisson standard deviations above the median day are a spike, not usual. */
  static final double SPIKE_SDS = 3;

  /**
   * A floor on the usual refund rate, so a product that never refunded does not turn 1 refund into
   * ∞.
   */
  static final double MIN_USUAL_REFUND_RATE = 0.01;

  /**
   * A floor on the expected refunds, so that three times the expected means at least three refunds.
   */
  static final double MIN_EXPECTED_REFUNDS = 1.0;

  private BatchSignals() {}

  static Map<String, Signal> measure(Table batch, LocalDate date, ShopBaseline base) {
    Map<String, Signal> out = new LinkedHashMap<>();
    int total = batch.rowCount();
    Table rows = batch.where(batch.booleanColumn(DeletedOrders.IN_ORDERS).isTrue());
    int n = rows.rowCount();
    int absent = total - n;
    out.put(
        IN_ORDERS,
        new Signal(
            IN_ORDERS,
            share(n, total),
            absent == 0
                ? Phrase.of("signal_in_orders_all", total)
                : Phrase.of(
                    "signal_in_orders_some_absent", total, absent, FileKind.ORDERS.csvName())));
    if (batch.stringColumn(DeletedOrders.SOURCE).isIn(DeletedOrders.FROM_ORDERS_FLAG).size()
        == total) {
      out.put(
          DATE_ASSUMED, new Signal(DATE_ASSUMED, 1, Phrase.of("signal_batch_date_assumed", date)));
    }
    if (n == 0) {
      for (String code :
          List.of(
              TRACKING,
              REUSED_WAYBILL,
              COMPLETED,
              NO_REFUND,
              BURST,
              NIGHT,
              LOW_PRICE,
              FAST_COMPLETE,
              REUSED_EXCESS,
              NO_WAYBILL,
              ONE_AREA,
              ONE_LINK)) {
        out.put(
            code,
            Signal.notMeasured(
                code, Reason.of("signal_upload_deleted_orders", FileKind.ORDERS.csvName())));
      }
    } else {
      orderSignals(rows, base, out);
    }
    out.put(COMPLAINTS, complaints(date, base, out));
    out.put(REFUND_GROUP, refundGroup(batch, date, base, out));
    refundWave(batch, date, base, out);
    productSignals(batch, date, base, out);
    return out;
  }

  private static void orderSignals(Table rows, ShopBaseline base, Map<String, Signal> out) {
    int n = rows.rowCount();
    int tracked = 0;
    int reused = 0;
    int completed = 0;
    int notRefunded = 0;
    int night = 0;
    int low = 0;
    int oneCent = 0;
    int priced = 0;
    int fast = 0;
    int chatted = 0;
    int reviewed = 0;
    int noWaybill = 0;
    Map<String, Integer> cities = new HashMap<>();
    Map<String, Integer> links = new HashMap<>();
    List<LocalDateTime> times = new ArrayList<>();
    IntFunction<String> areas = ShopBaseline.cities(rows);
    for (int row = 0; row < n; row++) {
      String id = rows.stringColumn(ColumnNames.SUB_ORDER_ID).get(row);
      String product = rows.stringColumn(ColumnNames.PRODUCT_ID).get(row);
      String logistics = rows.stringColumn(ColumnNames.LOGISTICS).get(row);
      if (!logistics.isBlank()) {
        tracked++;
        if (base.reusedWaybills.contains(ShopBaseline.waybill(logistics))) {
          reused++;
        }
      }
      LocalDateTime paid = rows.dateTimeColumn(ColumnNames.PAID_AT).get(row);
      LocalDateTime done = rows.dateTimeColumn(ColumnNames.COMPLETED_AT).get(row);
      boolean isCompleted =
          done != null
              || OrderStates.completed(rows.stringColumn(ColumnNames.ORDER_STATUS).get(row));
      if (isCompleted) {
        completed++;
      }
      if (logistics.isBlank()
          && (isCompleted || rows.dateTimeColumn(ColumnNames.SHIPPED_AT).get(row) != null)) {
        noWaybill++;
      }
      String city = areas.apply(row);
      if (!city.isEmpty()) {
        cities.merge(city, 1, Integer::sum);
      }
      String link = rows.stringColumn(ColumnNames.AFFILIATE_ID).get(row);
      if (link != null && !link.isBlank()) {
        links.merge(link.strip(), 1, Integer::sum);
      }
      if (!AfterSales.refunded(rows.stringColumn(ColumnNames.AFTER_SALE_STATUS).get(row))) {
        notRefunded++;
      }
      LocalDateTime submitted = rows.dateTimeColumn(ColumnNames.SUBMITTED_AT).get(row);
      if (submitted != null) {
        times.add(submitted);
        if (submitted.getHour() < NIGHT_END_HOUR) {
          night++;
        }
      }
      Integer quantity = rows.intColumn(ColumnNames.QUANTITY).get(row);
      Double amount = rows.doubleColumn(ColumnNames.PAYABLE_AMOUNT).get(row);
      Double usual = base.usualUnitPrice.get(product);
      if (quantity != null && quantity > 0 && amount != null) {
        double unit = amount / quantity;
        if (unit <= ONE_CENT_YUAN + 1e-9) {
          oneCent++;
        }
        if (usual != null && usual > 0) {
          priced++;
          if (unit < LOW_PRICE_FRACTION * usual) {
            low++;
          }
        }
      }
      if (paid != null
          && done != null
          && Duration.between(paid, done).toHours() < FAST_COMPLETE_HOURS) {
        fast++;
      }
      if (base.chatted != null && base.chatted.contains(id)) {
        chatted++;
      }
      if (base.reviewed != null && base.reviewed.contains(id)) {
        reviewed++;
      }
    }
    out.put(TRACKING, share(TRACKING, tracked, n));
    out.put(REUSED_WAYBILL, share(REUSED_WAYBILL, reused, n));
    out.put(COMPLETED, share(COMPLETED, completed, n));
    double excess = Math.max(0, share(reused, n) - base.reusedBaseRate);
    out.put(
        REUSED_EXCESS,
        new Signal(
            REUSED_EXCESS,
            excess,
            Phrase.of(
                "signal_" + REUSED_EXCESS,
                oneDecimal(100 * base.reusedBaseRate),
                oneDecimal(100 * excess))));
    out.put(NO_WAYBILL, share(NO_WAYBILL, noWaybill, n));
    out.put(ONE_AREA, concentration(ONE_AREA, cities, n, base.cityShare));
    out.put(ONE_LINK, concentration(ONE_LINK, links, n, base.linkShare));
    out.put(
        CHAT,
        base.chatted == null
            ? Signal.notMeasured(CHAT, Reason.of("signal_upload_chats", FileKind.CHATS.csvName()))
            : share(CHAT, chatted, n));
    out.put(
        REVIEW,
        base.reviewed == null
            ? Signal.notMeasured(
                REVIEW, Reason.of("signal_upload_reviews", FileKind.REVIEWS.csvName()))
            : share(REVIEW, reviewed, n));
    out.put(NO_REFUND, share(NO_REFUND, notRefunded, n));
    out.put(BURST, share(BURST, bursts(times), n));
    out.put(NIGHT, share(NIGHT, night, n));
    if (priced == 0) {
      out.put(LOW_PRICE, Signal.notMeasured(LOW_PRICE, Reason.of("signal_no_undeleted_orders")));
    } else {
      out.put(LOW_PRICE, share(LOW_PRICE, low, priced));
    }
    out.put(ONE_CENT, share(ONE_CENT, oneCent, n));
    out.put(FAST_COMPLETE, share(FAST_COMPLETE, fast, n));
  }

  /**
   * The share of the batch's orders from its most common city or link, minus that one's usual share
   * of the shop's orders.
   */
  static Signal concentration(
      String code, Map<String, Integer> counts, int n, Map<String, Double> usual) {
    if (n < MIN_ORDERS_FOR_CONCENTRATION) {
      return Signal.notMeasured(code, Reason.of("signal_few_orders", MIN_ORDERS_FOR_CONCENTRATION));
    }
    var top =
        counts.entrySet().stream()
            // The most orders; on a tie the first name, so the answer does not hang on map order.
            .max(
                Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
            .orElse(null);
    if (top == null) {
      return new Signal(code, 0, Phrase.of("signal_" + code + "_none"));
    }
    double batchShare = share(top.getValue(), n);
    double usualShare = usual.getOrDefault(top.getKey(), 0.0);
    double excess = Math.max(0, batchShare - usualShare);
    return new Signal(
        code,
        excess,
        Phrase.of(
            "signal_" + code, n, top.getValue(), pct(batchShare), top.getKey(), pct(usualShare)));
  }

  /** Orders placed within BURST_SECONDS of another order of the batch. */
  static int bursts(List<LocalDateTime> times) {
    List<LocalDateTime> sorted = times.stream().sorted().toList();
    int count = 0;
    for (int i = 0; i < sorted.size(); i++) {
      boolean near =
          i > 0 && gap(sorted.get(i - 1), sorted.get(i)) <= BURST_SECONDS
              || i + 1 < sorted.size() && gap(sorted.get(i), sorted.get(i + 1)) <= BURST_SECONDS;
      if (near) {
        count++;
      }
    }
    return count;
  }

  private static long gap(LocalDateTime a, LocalDateTime b) {
    return Duration.between(a, b).getSeconds();
  }

  /**
   * Complaints a day in the RECENT_DAYS before the batch against the BASELINE_DAYS before those;
   * the complaints above the usual level that rise rests on go into {@code out}.
   */
  static Signal complaints(LocalDate date, ShopBaseline base, Map<String, Signal> out) {
    if (!base.complaintsMeasured()) {
      return base.shopScoresUploaded
          ? Signal.notMeasured(
              COMPLAINTS, Reason.of("signal_no_complaints_column", FileKind.SHOP_SCORES.csvName()))
          : Signal.notMeasured(
              COMPLAINTS, Reason.of("signal_upload_complaints", FileKind.SHOP_SCORES.csvName()));
    }
    var recent = base.complaints.subMap(date.minusDays(RECENT_DAYS), true, date, false);
    var before =
        base.complaints.subMap(
            date.minusDays(RECENT_DAYS + BASELINE_DAYS), true, date.minusDays(RECENT_DAYS), false);
    if (recent.size() < RECENT_DAYS / 2 || before.size() < RECENT_DAYS) {
      return Signal.notMeasured(
          COMPLAINTS,
          Reason.of(
              "signal_complaints_not_covered",
              FileKind.SHOP_SCORES.csvName(),
              RECENT_DAYS + BASELINE_DAYS));
    }
    double recentAvg = recent.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    List<Integer> usualDays = ordinaryDays(new ArrayList<>(before.values()));
    int spikeDays = before.size() - usualDays.size();
    double usualAvg = usualDays.stream().mapToInt(Integer::intValue).average().orElse(0);
    double usual = Math.max(MIN_USUAL_COMPLAINTS, usualAvg);
    double ratio = recentAvg / usual;
    double extra = (recentAvg - usual) * recent.size();
    out.put(COMPLAINTS_EXTRA, aboveUsual(COMPLAINTS_EXTRA, extra, recent.size()));
    // The days left out are said only when there are some.
    return new Signal(
        COMPLAINTS,
        ratio,
        Phrase.of(
            "signal_" + COMPLAINTS + (spikeDays == 0 ? "" : "_spikes_left_out"),
            RECENT_DAYS,
            oneDecimal(recentAvg),
            BASELINE_DAYS,
            oneDecimal(usualAvg),
            oneDecimal(ratio),
            spikeDays));
  }

  /**
   * How many events (complaints, refunds) above or below the usual level over the days before: "4.5
   * above", "多 4.5 起".
   */
  private static Signal aboveUsual(String code, double extra, int days) {
    return new Signal(
        code,
        extra,
        Phrase.of(
            "signal_" + code,
            days,
            Phrase.of(extra >= 0 ? "above" : "below"),
            oneDecimal(Math.abs(extra))));
  }

  /**
   * The baseline's ordinary days: those at most SPIKE_SDS Poisson standard deviations above the
   * median day, so an earlier spike (another batch's attack) does not raise the usual level.
   */
  static List<Integer> ordinaryDays(List<Integer> days) {
    List<Integer> sorted = days.stream().sorted().toList();
    int k = sorted.size();
    double median =
        k == 0
            ? 0
            : k % 2 == 1 ? sorted.get(k / 2) : (sorted.get(k / 2 - 1) + sorted.get(k / 2)) / 2.0;
    double limit = median + SPIKE_SDS * Math.sqrt(Math.max(1, median));
    return days.stream().filter(d -> d <= limit).toList();
  }

  /**
   * Refunds with a cancel reason on the batch's products among orders placed in the RECENT_DAYS
   * before the batch, against what the products' usual refund rate would give. The value is
   * observed ÷ expected; the count of refunds is in the sentence, and the refunds above the
   * expected that a rise rests on go into {@code out}.
   */
  static Signal refundGroup(
      Table batch, LocalDate date, ShopBaseline base, Map<String, Signal> out) {
    Set<String> products = new HashSet<>(batch.stringColumn(ColumnNames.PRODUCT_ID).asSet());
    LocalDate recentFrom = date.minusDays(RECENT_DAYS);
    long recentOrders = 0;
    long refunded = 0;
    long usualOrders = 0;
    long usualRefunded = 0;
    Table daily = base.refunds;
    StringColumn productIds = daily.stringColumn(ColumnNames.PRODUCT_ID);
    DateColumn days = daily.dateColumn(ColumnNames.DATE);
    DoubleColumn ordersPerDay = daily.doubleColumn("n");
    DoubleColumn refundsPerDay = daily.doubleColumn("sum");
    for (int row = 0; row < daily.rowCount(); row++) {
      if (!products.contains(productIds.get(row))) {
        continue;
      }
      LocalDate day = days.get(row);
      long orders = Math.round(ordersPerDay.getDouble(row));
      long refunds = Math.round(refundsPerDay.getDouble(row));
      if (day.isBefore(recentFrom)) {
        usualOrders += orders;
        usualRefunded += refunds;
      } else if (day.isBefore(date)) {
        recentOrders += orders;
        refunded += refunds;
      }
    }
    if (usualOrders == 0) {
      return Signal.notMeasured(REFUND_GROUP, Reason.of("signal_no_usual_refund_rate"));
    }
    double rate = Math.max(MIN_USUAL_REFUND_RATE, (double) usualRefunded / usualOrders);
    double expected = rate * recentOrders;
    double floor = Math.max(expected, MIN_EXPECTED_REFUNDS);
    double ratio = refunded / floor;
    out.put(REFUNDS_EXTRA, aboveUsual(REFUNDS_EXTRA, refunded - floor, RECENT_DAYS));
    return new Signal(
        REFUND_GROUP,
        ratio,
        Phrase.of(
            "signal_" + REFUND_GROUP,
            RECENT_DAYS,
            refunded,
            oneDecimal(expected),
            oneDecimal(ratio)));
  }

  /**
   * The refunds on the batch's products among orders placed in the RECENT_DAYS before: how
   * concentrated they are on one share link or city (beyond its usual share), and how many were
   * express refunds where the refund records say.
   */
  static void refundWave(Table batch, LocalDate date, ShopBaseline base, Map<String, Signal> out) {
    Set<String> products = new HashSet<>(batch.stringColumn(ColumnNames.PRODUCT_ID).asSet());
    LocalDate from = date.minusDays(RECENT_DAYS);
    Map<String, Integer> cities = new HashMap<>();
    Map<String, Integer> links = new HashMap<>();
    int n = 0;
    int known = 0;
    int express = 0;
    for (ShopBaseline.RefundedOrder r : base.refunded) {
      if (!products.contains(r.product()) || r.day().isBefore(from) || !r.day().isBefore(date)) {
        continue;
      }
      n++;
      if (!r.city().isEmpty()) {
        cities.merge(r.city(), 1, Integer::sum);
      }
      if (!r.link().isEmpty()) {
        links.merge(r.link(), 1, Integer::sum);
      }
      if (r.record().express() != null) {
        known++;
        express += r.record().express() ? 1 : 0;
      }
    }
    if (n < MIN_REFUNDS_FOR_WAVE) {
      out.put(
          REFUND_WAVE,
          Signal.notMeasured(REFUND_WAVE, Reason.of("signal_few_refunds", RECENT_DAYS, n)));
    } else {
      double city = topExcess(cities, n, base.cityShare);
      double link = topExcess(links, n, base.linkShare);
      double v = Math.max(city, link);
      out.put(
          REFUND_WAVE,
          new Signal(REFUND_WAVE, v, Phrase.of("signal_" + REFUND_WAVE, RECENT_DAYS, n, pct(v))));
    }
    out.put(
        EXPRESS_REFUND,
        known == 0
            ? Signal.notMeasured(
                EXPRESS_REFUND,
                Reason.of("signal_upload_express_refunds", FileKind.AFTER_SALES.csvName()))
            : new Signal(
                EXPRESS_REFUND,
                share(express, known),
                Phrase.of("signal_" + EXPRESS_REFUND, known, express)));
  }

  private static double topExcess(Map<String, Integer> counts, int n, Map<String, Double> usual) {
    return counts.entrySet().stream()
        .mapToDouble(e -> (double) e.getValue() / n - usual.getOrDefault(e.getKey(), 0.0))
        .max()
        .orElse(0);
  }

  /**
   * Best sellers and breadth, both on all orders (deleted ones too) in the BASELINE_DAYS before the
   * batch: the share of the batch's products that are best sellers, and the batch's products' share
   * of the units sold.
   */
  private static void productSignals(
      Table batch, LocalDate date, ShopBaseline base, Map<String, Signal> out) {
    Set<String> products = new HashSet<>(batch.stringColumn(ColumnNames.PRODUCT_ID).asSet());
    products.remove("");
    Map<String, Long> units = base.unitsBefore(date, BASELINE_DAYS);
    long total = units.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0 || products.isEmpty()) {
      for (String code : List.of(BEST_SELLERS, BREADTH)) {
        out.put(
            code, Signal.notMeasured(code, Reason.of("signal_no_orders_before", BASELINE_DAYS)));
      }
      return;
    }
    Set<String> top = ShopBaseline.bestSellers(units);
    int onTop = (int) products.stream().filter(top::contains).count();
    out.put(
        BEST_SELLERS,
        new Signal(
            BEST_SELLERS,
            share(onTop, products.size()),
            Phrase.of(
                "signal_" + BEST_SELLERS,
                products.size(),
                onTop,
                BASELINE_DAYS,
                top.size(),
                pct(ShopBaseline.BEST_SELLER_UNITS))));
    long hit = products.stream().mapToLong(p -> units.getOrDefault(p, 0L)).sum();
    double breadth = (double) hit / total;
    out.put(
        BREADTH,
        new Signal(
            BREADTH,
            breadth,
            Phrase.of("signal_" + BREADTH, products.size(), BASELINE_DAYS, pct(breadth))));
  }

  /** k of the n deleted orders: "6 笔被删订单中 3 笔（50%）有物流单号". */
  private static Signal share(String code, int k, int n) {
    double s = share(k, n);
    return new Signal(code, s, Phrase.of("signal_" + code, n, k, pct(s)));
  }

  static double share(int k, int n) {
    return n == 0 ? Double.NaN : (double) k / n;
  }

  static String pct(double share) {
    return Double.isNaN(share) ? "?" : Math.round(share * 100) + "%";
  }

  /** A figure as the sentences print it: one decimal, "4.5". */
  static String oneDecimal(double x) {
    return String.format(Locale.ROOT, "%.1f", x);
  }
}
