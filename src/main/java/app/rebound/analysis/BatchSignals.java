package app.rebound.analysis;

import app.rebound.ingest.FileKind;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
  static final String REFUND_GROUP = "refund_group_ratio";
  static final String BEST_SELLERS = "best_seller_share";
  static final String BREADTH = "product_breadth";
  static final String DATE_ASSUMED = "batch_date_assumed";

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
                ? "全部 " + total + " 笔被删订单都在订单明细里"
                : total + " 笔被删订单中 " + absent + " 笔不在订单明细里，无法检查它们的物流和付款；请上传包含这些订单的 订单明细.csv",
            absent == 0
                ? "all " + total + " deleted orders are in the orders export"
                : absent
                    + " of "
                    + total
                    + " deleted orders are not in the orders export, so their logistics and payment"
                    + " cannot be checked: upload an 订单明细.csv that includes them"));
    if (batch.stringColumn(DeletedOrders.SOURCE).isIn(DeletedOrders.FROM_ORDERS_FLAG).size()
        == total) {
      out.put(
          DATE_ASSUMED,
          new Signal(
              DATE_ASSUMED,
              1,
              "没有销量删除记录，删除日期按最后一笔被删订单付款的次日估算：" + date,
              "no deletions export: the deletion date is taken as the day after the last deleted order was paid, "
                  + date));
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
              FAST_COMPLETE)) {
        out.put(
            code, Signal.notMeasured(code, "被删订单的明细", "the deleted orders' details", "订单明细.csv"));
      }
    } else {
      orderSignals(rows, base, out);
    }
    out.put(COMPLAINTS, complaints(date, base));
    out.put(REFUND_GROUP, refundGroup(batch, date, base));
    productSignals(batch, base, out);
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
    List<LocalDateTime> times = new ArrayList<>();
    for (int row = 0; row < n; row++) {
      String id = rows.stringColumn("sub_order_id").get(row);
      String product = rows.stringColumn("product_id").get(row);
      String logistics = rows.stringColumn("logistics").get(row);
      if (!logistics.isBlank()) {
        tracked++;
        if (base.reusedWaybills.contains(ShopBaseline.waybill(logistics))) {
          reused++;
        }
      }
      LocalDateTime paid = rows.dateTimeColumn("paid_at").get(row);
      LocalDateTime done = rows.dateTimeColumn("completed_at").get(row);
      if (done != null || "已完成".equals(rows.stringColumn("order_status").get(row))) {
        completed++;
      }
      if (!ShopBaseline.REFUNDED.equals(rows.stringColumn("after_sale_status").get(row))) {
        notRefunded++;
      }
      LocalDateTime submitted = rows.dateTimeColumn("submitted_at").get(row);
      if (submitted != null) {
        times.add(submitted);
        if (submitted.getHour() < NIGHT_END_HOUR) {
          night++;
        }
      }
      Integer quantity = rows.intColumn("quantity").get(row);
      Double amount = rows.doubleColumn("payable_amount").get(row);
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
    out.put(TRACKING, share(TRACKING, tracked, n, "有物流单号", "have a tracking number"));
    out.put(
        REUSED_WAYBILL,
        share(
            REUSED_WAYBILL,
            reused,
            n,
            "的物流单号也出现在别的订单上（一个包裹不能寄两次）",
            "carry a waybill number that also appears on another order (one parcel cannot be sent twice)"));
    out.put(COMPLETED, share(COMPLETED, completed, n, "已完成", "were completed"));
    out.put(
        CHAT,
        base.chatted == null
            ? Signal.notMeasured(
                CHAT, "买家与客服的聊天", "buyers' customer-service chats", fileOf(FileKind.CHATS))
            : share(CHAT, chatted, n, "买家与客服聊过天", "had a customer-service chat with the buyer"));
    out.put(
        REVIEW,
        base.reviewed == null
            ? Signal.notMeasured(REVIEW, "买家评价", "buyer reviews", fileOf(FileKind.REVIEWS))
            : share(REVIEW, reviewed, n, "有买家评价", "were reviewed by the buyer"));
    out.put(NO_REFUND, share(NO_REFUND, notRefunded, n, "没有退款", "were not refunded"));
    out.put(
        BURST,
        share(
            BURST,
            bursts(times),
            n,
            "与同批另一笔订单下单时间相差不到 3 分钟",
            "were placed within 3 minutes of another order of the batch"));
    out.put(
        NIGHT, share(NIGHT, night, n, "在凌晨 0:00–5:59 下单", "were placed at night (00:00–05:59)"));
    if (priced == 0) {
      out.put(
          LOW_PRICE,
          new Signal(
              LOW_PRICE,
              Double.NaN,
              "未测量（成交价）：被删商品没有未被删除的订单可作比较",
              "not measured (price paid): the products have no orders left undeleted to compare with"));
    } else {
      out.put(
          LOW_PRICE,
          share(
              LOW_PRICE,
              low,
              priced,
              "每件实付不到该商品平时成交价（其他订单的中位数）的一半",
              "paid less than half the product's usual price per unit (median of its other orders)"));
    }
    out.put(ONE_CENT, share(ONE_CENT, oneCent, n, "每件只付了 ¥0.01", "paid ¥0.01 per unit"));
    out.put(
        FAST_COMPLETE,
        share(
            FAST_COMPLETE,
            fast,
            n,
            "付款后 24 小时内就已完成（真实包裹到不了这么快）",
            "were completed within 24 hours of payment (too fast for a real parcel)"));
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
   * Complaints a day in the RECENT_DAYS before the batch against the BASELINE_DAYS before those.
   */
  static Signal complaints(LocalDate date, ShopBaseline base) {
    if (!base.complaintsMeasured()) {
      return base.shopScoresUploaded
          ? new Signal(
              COMPLAINTS,
              Double.NaN,
              "未测量（投诉量）：店铺体验分.csv 里没有 投诉量 一列，请导出含投诉量的版本",
              "not measured (complaints): 店铺体验分.csv has no 投诉量 column; export the version with it")
          : Signal.notMeasured(
              COMPLAINTS,
              "删除前的投诉量",
              "complaints before the deletion",
              fileOf(FileKind.SHOP_SCORES));
    }
    var recent = base.complaints.subMap(date.minusDays(RECENT_DAYS), true, date, false);
    var before =
        base.complaints.subMap(
            date.minusDays(RECENT_DAYS + BASELINE_DAYS), true, date.minusDays(RECENT_DAYS), false);
    if (recent.size() < RECENT_DAYS / 2 || before.size() < RECENT_DAYS) {
      return new Signal(
          COMPLAINTS,
          Double.NaN,
          "未测量（投诉量）：店铺体验分.csv 没有覆盖删除前的 " + (RECENT_DAYS + BASELINE_DAYS) + " 天，请上传覆盖这段时间的文件",
          "not measured (complaints): 店铺体验分.csv does not cover the "
              + (RECENT_DAYS + BASELINE_DAYS)
              + " days before the deletion; upload one that does");
    }
    double recentAvg = recent.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    double usualAvg = before.values().stream().mapToInt(Integer::intValue).average().orElse(0);
    double ratio = recentAvg / Math.max(MIN_USUAL_COMPLAINTS, usualAvg);
    return new Signal(
        COMPLAINTS,
        ratio,
        String.format(
            Locale.ROOT,
            "删除前 %d 天日均投诉 %.1f 起，此前 %d 天日均 %.1f 起（%.1f 倍）",
            RECENT_DAYS,
            recentAvg,
            BASELINE_DAYS,
            usualAvg,
            ratio),
        String.format(
            Locale.ROOT,
            "complaints in the %d days before: %.1f a day, against %.1f a day in the %d days"
                + " before that (%.1f×)",
            RECENT_DAYS,
            recentAvg,
            usualAvg,
            BASELINE_DAYS,
            ratio));
  }

  /**
   * Refunds with a cancel reason on the batch's products among orders placed in the RECENT_DAYS
   * before the batch, against what the products' usual refund rate would give. The value is
   * observed ÷ expected; the count of refunds is in the sentence.
   */
  static Signal refundGroup(Table batch, LocalDate date, ShopBaseline base) {
    Set<String> products = new HashSet<>(batch.stringColumn("product_id").asSet());
    LocalDate recentFrom = date.minusDays(RECENT_DAYS);
    long recentOrders = 0;
    long refunded = 0;
    long usualOrders = 0;
    long usualRefunded = 0;
    Table daily = base.refunds;
    StringColumn productIds = daily.stringColumn("product_id");
    DateColumn days = daily.dateColumn("date");
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
      return new Signal(
          REFUND_GROUP,
          Double.NaN,
          "未测量（异常退款）：订单明细里没有这些商品在删除前更早的订单，无法得出平时的退款率",
          "not measured (abnormal refunds): the orders export has no earlier orders of these products to give"
              + " their usual refund rate");
    }
    double rate = Math.max(MIN_USUAL_REFUND_RATE, (double) usualRefunded / usualOrders);
    double expected = rate * recentOrders;
    double ratio = refunded / Math.max(expected, MIN_EXPECTED_REFUNDS);
    return new Signal(
        REFUND_GROUP,
        ratio,
        String.format(
            Locale.ROOT,
            "删除前 %d 天下单的被删商品订单中 %d 笔退款成功，按平时退款率约 %.1f 笔（%.1f 倍）",
            RECENT_DAYS,
            refunded,
            expected,
            ratio),
        String.format(
            Locale.ROOT,
            "of the batch's products' orders placed in the %d days before, %d were refunded"
                + " where the usual refund rate gives about %.1f (%.1f×)",
            RECENT_DAYS,
            refunded,
            expected,
            ratio));
  }

  private static void productSignals(Table batch, ShopBaseline base, Map<String, Signal> out) {
    int n = batch.rowCount();
    Set<String> top = new HashSet<>(base.topProducts);
    int onTop = batch.stringColumn("product_id").isIn(top).size();
    out.put(
        BEST_SELLERS,
        new Signal(
            BEST_SELLERS,
            share(onTop, n),
            n
                + " 笔被删订单中 "
                + onTop
                + " 笔（"
                + pct(share(onTop, n))
                + "）是店铺销量前 "
                + top.size()
                + " 的商品",
            onTop
                + " of "
                + n
                + " deleted orders ("
                + pct(share(onTop, n))
                + ") are on the shop's "
                + top.size()
                + " best sellers"));
    int products = batch.stringColumn("product_id").countUnique();
    double breadth = base.productCount == 0 ? Double.NaN : (double) products / base.productCount;
    out.put(
        BREADTH,
        new Signal(
            BREADTH,
            breadth,
            "本批涉及 " + products + " 个商品，占店铺 " + base.productCount + " 个商品的 " + pct(breadth),
            "the batch touches "
                + products
                + " of the shop's "
                + base.productCount
                + " products ("
                + pct(breadth)
                + ")"));
  }

  private static Signal share(String code, int k, int n, String zhWhat, String enWhat) {
    double s = share(k, n);
    return new Signal(
        code,
        s,
        n + " 笔被删订单中 " + k + " 笔（" + pct(s) + "）" + zhWhat,
        k + " of " + n + " deleted orders (" + pct(s) + ") " + enWhat);
  }

  static double share(int k, int n) {
    return n == 0 ? Double.NaN : (double) k / n;
  }

  static String pct(double share) {
    return Double.isNaN(share) ? "?" : Math.round(share * 100) + "%";
  }

  static String fileOf(FileKind kind) {
    return kind.zhName() + ".csv";
  }
}
