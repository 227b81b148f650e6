package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.OrderStates;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Measures what a deletion did to shoppers' trust, comparing affected products (from their first
 * deletion date) with the shop's unaffected products (split at the shop's first deletion date):
 * average rating, share of 1–3 star reviews and of reviews that doubt the sales (评价.csv), the
 * refund and after-sale rate of paid orders (订单明细.csv), and, for the shop only, the experience
 * score and complaints per day (店铺体验分.csv). Each per-product result compares the product with the
 * unaffected products split at the product's own date. Deleted orders and their reviews are left
 * out everywhere.
 */
public final class TrustImpact {

  /**
   * Words with which shoppers doubt a shop's sales, as they write them: 销量 (the sales count
   * itself), 刷单/刷量 (order brushing), 假 (fake, 假货; also covers 虚假), 水军 (paid posters), 虚假 (fake), 骗
   * (cheat, 骗人), 怀疑 (suspect). 假 alone also appears in holiday words, which {@link #NOT_DOUBT}
   * takes out first.
   */
  public static final List<String> DOUBT_WORDS =
      List.of("销量", "刷单", "刷量", "假", "水军", "虚假", "骗", "怀疑");

  /** Everyday words containing 假 that say nothing about fake sales (holidays, leave). */
  public static final List<String> NOT_DOUBT = List.of("假期", "放假", "请假", "假日", "暑假", "寒假", "休假");

  /** A share or average from fewer reviews than this in any cell is an anecdote, not a measure. */
  public static final int MIN_REVIEWS = 5;

  /** The same for paid orders behind a refund rate. */
  public static final int MIN_ORDERS = 10;

  /** Days of shop scores needed on each side of the first deletion. */
  public static final int MIN_SCORE_DAYS = 7;

  /**
   * Paid orders in the days just before a deletion are left out of the refund rate: a malicious
   * report often comes with a burst of abnormal refunds right before it (attackers buy and refund),
   * which is not shoppers losing trust and would make the "before" look worse than it was.
   */
  public static final int REFUND_EXCLUDE_DAYS = 7;

  static final String REVIEWS_FILE = FileKind.REVIEWS.csvName();
  static final String ORDERS_FILE = FileKind.ORDERS.csvName();
  static final String SCORES_FILE = FileKind.SHOP_SCORES.csvName();
  static final String CLOSED = OrderStates.CLOSED;

  private TrustImpact() {}

  public static MeasuredEffects of(ShopData shop, Table deletedOrders) {
    ImpactFrame frame = ImpactFrame.of(shop, deletedOrders);
    boolean hasReviews = shop.has(FileKind.REVIEWS);
    boolean hasOrders = shop.has(FileKind.ORDERS);
    Table reviews =
        hasReviews ? reviewRows(shop.table(FileKind.REVIEWS), frame.deletedSubOrders()) : null;
    Table refunds = hasOrders ? refundRows(shop.orders(), frame.deletedSubOrders()) : null;
    // Summed per product and day once; every product's measures below sort these few rows.
    ReviewDaily reviewDaily =
        reviews == null
            ? null
            : new ReviewDaily(
                Arms.daily(reviews, ColumnNames.RATING),
                Arms.daily(reviews, "low"),
                Arms.daily(reviews, "doubtful"));
    Arms.Daily refundDaily = refunds == null ? null : Arms.daily(refunds);

    List<Measure> shopMeasures = new ArrayList<>();
    shopMeasures.addAll(
        reviewMeasures(
            Measure.SCOPE_AFFECTED, reviewDaily, frame, frame.splits(), frame.firstDeletion()));
    shopMeasures.add(
        refundMeasure(
            Measure.SCOPE_AFFECTED, refundDaily, frame, frame.splits(), frame.firstDeletion()));
    shopMeasures.addAll(scoreMeasures(shop, frame));

    List<ProductImpact> products = new ArrayList<>();
    for (var entry : frame.splits().entrySet()) {
      Map<String, LocalDate> one = Map.of(entry.getKey(), entry.getValue());
      List<Measure> measures =
          new ArrayList<>(
              reviewMeasures(Measure.SCOPE_PRODUCT, reviewDaily, frame, one, entry.getValue()));
      measures.add(refundMeasure(Measure.SCOPE_PRODUCT, refundDaily, frame, one, entry.getValue()));
      products.add(
          new ProductImpact(
              entry.getKey(), frame.name(entry.getKey()), entry.getValue(), measures));
    }
    return new MeasuredEffects(
        frame.firstDeletion(),
        frame.splits().size(),
        frame.unaffected().size(),
        shopMeasures,
        products,
        series(shop, frame, reviews, refunds));
  }

  /** Whether a review's text doubts the shop's sales (see {@link #DOUBT_WORDS}). */
  public static boolean isDoubtful(String content) {
    if (content == null || content.isEmpty()) {
      return false;
    }
    String text = content;
    for (String harmless : NOT_DOUBT) {
      text = text.replace(harmless, " ");
    }
    for (String word : DOUBT_WORDS) {
      if (text.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Stage: the reviews the measures read (product_id, date, rating, low, doubtful), without reviews
   * of deleted orders. low and doubtful are 0/1.
   */
  static Table reviewRows(Table reviews, Set<String> deletedSubOrders) {
    Table kept =
        Views.columns(
                reviews,
                ColumnNames.SUB_ORDER_ID,
                ColumnNames.PRODUCT_ID,
                ColumnNames.REVIEWED_AT,
                ColumnNames.RATING,
                ColumnNames.CONTENT)
            .where(
                reviews
                    .stringColumn(ColumnNames.SUB_ORDER_ID)
                    .isNotIn(deletedSubOrders)
                    .and(reviews.dateTimeColumn(ColumnNames.REVIEWED_AT).isNotMissing())
                    .and(reviews.intColumn(ColumnNames.RATING).isNotMissing()));
    Table out =
        Table.create(
            "review_rows",
            StringColumn.create(ColumnNames.PRODUCT_ID),
            DateColumn.create(ColumnNames.DATE),
            DoubleColumn.create(ColumnNames.RATING),
            DoubleColumn.create("low"),
            DoubleColumn.create("doubtful"));
    // Columns looked up once, not per row: a lookup by name per row costs seconds on a big shop.
    IntColumn ratingCol = kept.intColumn(ColumnNames.RATING);
    StringColumn productIdCol = kept.stringColumn(ColumnNames.PRODUCT_ID);
    DateTimeColumn reviewedAtCol = kept.dateTimeColumn(ColumnNames.REVIEWED_AT);
    StringColumn contentCol = kept.stringColumn(ColumnNames.CONTENT);
    for (int row = 0; row < kept.rowCount(); row++) {
      int rating = ratingCol.get(row);
      out.stringColumn(ColumnNames.PRODUCT_ID).append(productIdCol.get(row));
      out.dateColumn(ColumnNames.DATE).append(reviewedAtCol.get(row).toLocalDate());
      out.doubleColumn(ColumnNames.RATING).append(rating);
      out.doubleColumn("low").append(rating <= 3 ? 1 : 0);
      out.doubleColumn("doubtful").append(isDoubtful(contentCol.get(row)) ? 1 : 0);
    }
    return out;
  }

  /**
   * Stage: one row per paid, not deleted order (product_id, date of payment, value 1 when its
   * after-sale status is 退款成功 or 售后中). An export without 支付完成时间 counts every order as paid except
   * those closed without any after-sale (never paid), dated by submission.
   */
  static Table refundRows(Table orders, Set<String> deletedSubOrders) {
    boolean hasPaidColumn =
        orders.dateTimeColumn(ColumnNames.PAID_AT).countMissing() < orders.rowCount();
    Table out = Arms.unitTable("refund_rows");
    // Columns looked up once, not per row: a lookup by name per row costs seconds on a big shop.
    StringColumn subOrderIdCol = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn afterSaleStatusCol = orders.stringColumn(ColumnNames.AFTER_SALE_STATUS);
    DateTimeColumn paidAtCol = orders.dateTimeColumn(ColumnNames.PAID_AT);
    StringColumn orderStatusCol = orders.stringColumn(ColumnNames.ORDER_STATUS);
    DateTimeColumn submittedAtCol = orders.dateTimeColumn(ColumnNames.SUBMITTED_AT);
    StringColumn productIdCol = orders.stringColumn(ColumnNames.PRODUCT_ID);
    for (int row = 0; row < orders.rowCount(); row++) {
      if (deletedSubOrders.contains(subOrderIdCol.get(row))) {
        continue;
      }
      String afterSale = afterSaleStatusCol.get(row);
      boolean refunded = AfterSales.refunded(afterSale) || AfterSales.open(afterSale);
      LocalDateTime paid = paidAtCol.get(row);
      if (paid == null) {
        boolean neverPaid = CLOSED.equals(orderStatusCol.get(row)) && afterSale.isEmpty();
        if (hasPaidColumn || neverPaid) {
          continue;
        }
        paid = submittedAtCol.get(row);
      }
      out.stringColumn(ColumnNames.PRODUCT_ID).append(productIdCol.get(row));
      out.dateColumn(ColumnNames.DATE).append(paid.toLocalDate());
      out.doubleColumn("value").append(refunded ? 1 : 0);
    }
    return out;
  }

  /** A unit table (product_id, date, value) from one column of a row table. */
  static Table units(Table rows, String column) {
    Table out = Views.columns(rows, ColumnNames.PRODUCT_ID, ColumnNames.DATE, column).copy();
    out.column(column).setName("value");
    return out;
  }

  /** The review units (rating, low, doubtful) summed per product and day. */
  private record ReviewDaily(Arms.Daily rating, Arms.Daily low, Arms.Daily doubtful) {}

  private static List<Measure> reviewMeasures(
      String scope,
      ReviewDaily reviews,
      ImpactFrame frame,
      Map<String, LocalDate> affected,
      LocalDate unaffectedSplit) {
    String[] ids = {"average_rating", "low_rating_share", "doubtful_review_share"};
    List<Measure> out = new ArrayList<>();
    for (String id : ids) {
      String unit = id.equals("average_rating") ? "stars" : "share";
      if (reviews == null) {
        out.add(Measure.missing(id, scope, unit, REVIEWS_FILE, Reason.of("upload", REVIEWS_FILE)));
      } else if (!frame.hasDeletions()) {
        out.add(Measure.missing(id, scope, unit, REVIEWS_FILE, ImpactFrame.NO_DELETIONS));
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    Set<String> unaffected = frame.unaffected();
    Arms.Cells rating = Arms.cells(reviews.rating(), affected, unaffected, unaffectedSplit, 0);
    Arms.Cells low = Arms.cells(reviews.low(), affected, unaffected, unaffectedSplit, 0);
    Arms.Cells doubt = Arms.cells(reviews.doubtful(), affected, unaffected, unaffectedSplit, 0);
    out.add(Arms.mean(ids[0], scope, "stars", REVIEWS_FILE, rating, MIN_REVIEWS, "reviews"));
    out.add(Arms.share(ids[1], scope, REVIEWS_FILE, low, MIN_REVIEWS, "reviews"));
    out.add(Arms.share(ids[2], scope, REVIEWS_FILE, doubt, MIN_REVIEWS, "reviews"));
    return out;
  }

  private static Measure refundMeasure(
      String scope,
      Arms.Daily refunds,
      ImpactFrame frame,
      Map<String, LocalDate> affected,
      LocalDate unaffectedSplit) {
    String id = "refund_rate";
    if (refunds == null) {
      return Measure.missing(id, scope, "share", ORDERS_FILE, Reason.of("upload", ORDERS_FILE));
    }
    if (!frame.hasDeletions()) {
      return Measure.missing(id, scope, "share", ORDERS_FILE, ImpactFrame.NO_DELETIONS);
    }
    Arms.Cells cells =
        Arms.cells(refunds, affected, frame.unaffected(), unaffectedSplit, REFUND_EXCLUDE_DAYS);
    return Arms.share(id, scope, ORDERS_FILE, cells, MIN_ORDERS, "paid_orders");
  }

  /**
   * Shop experience score and complaints per day, mean before the first deletion against mean
   * after.
   */
  private static List<Measure> scoreMeasures(ShopData shop, ImpactFrame frame) {
    String scope = Measure.SCOPE_SHOP;
    List<Measure> out = new ArrayList<>();
    if (!shop.has(FileKind.SHOP_SCORES)) {
      Reason upload = Reason.of("upload", SCORES_FILE);
      out.add(Measure.missing("shop_experience_score", scope, "score", SCORES_FILE, upload));
      out.add(Measure.missing("complaints_per_day", scope, "per_day", SCORES_FILE, upload));
      return out;
    }
    if (!frame.hasDeletions()) {
      out.add(
          Measure.missing(
              "shop_experience_score", scope, "score", SCORES_FILE, ImpactFrame.NO_DELETIONS));
      out.add(
          Measure.missing(
              "complaints_per_day", scope, "per_day", SCORES_FILE, ImpactFrame.NO_DELETIONS));
      return out;
    }
    Table scores = shop.table(FileKind.SHOP_SCORES).sortOn(ColumnNames.DATE);
    out.add(
        shopChange(
            "shop_experience_score", "score", scores, "experience_score", frame.firstDeletion()));
    if (scores.intColumn(ColumnNames.COMPLAINTS).countMissing() == scores.rowCount()) {
      out.add(
          Measure.missing(
              "complaints_per_day",
              scope,
              "per_day",
              SCORES_FILE,
              Reason.of("no_complaints_column", SCORES_FILE)));
    } else {
      out.add(
          shopChange(
              "complaints_per_day",
              "per_day",
              scores,
              ColumnNames.COMPLAINTS,
              frame.firstDeletion()));
    }
    return out;
  }

  private static Measure shopChange(
      String id, String unit, Table scores, String column, LocalDate split) {
    List<Double> before = new ArrayList<>();
    List<Double> after = new ArrayList<>();
    for (int row = 0; row < scores.rowCount(); row++) {
      LocalDate date = scores.dateColumn(ColumnNames.DATE).get(row);
      Object cell = scores.column(column).get(row);
      if (date == null || cell == null) {
        continue;
      }
      double v = ((Number) cell).doubleValue();
      (date.isBefore(split) ? before : after).add(v);
    }
    double[] b = before.stream().mapToDouble(Double::doubleValue).toArray();
    double[] a = after.stream().mapToDouble(Double::doubleValue).toArray();
    Did.Stats sb = Did.stats(b);
    Did.Stats sa = Did.stats(a);
    Measure.Arm arm = Measure.Arm.of(b.length, a.length, null, null, sb.mean(), sa.mean());
    Reason whyNot = null;
    if (b.length < MIN_SCORE_DAYS || a.length < MIN_SCORE_DAYS) {
      whyNot = Reason.of("few_score_days", b.length, SCORES_FILE, a.length, MIN_SCORE_DAYS);
    }
    Measure.Effect effect = whyNot == null ? Did.shopChange(b, a) : null;
    return Measure.of(id, Measure.SCOPE_SHOP, unit, SCORES_FILE, arm, null, effect, whyNot);
  }

  private static List<Series> series(
      ShopData shop, ImpactFrame frame, Table reviews, Table refunds) {
    Set<String> affected = frame.splits().keySet();
    Set<String> unaffected = frame.unaffected();
    LocalDate split = frame.firstDeletion();
    List<Series> out = new ArrayList<>();
    Reason noReviews = Reason.of("upload", REVIEWS_FILE);
    if (reviews == null) {
      out.add(
          Series.missing("doubtful_reviews_per_day", "day", "reviews", REVIEWS_FILE, noReviews));
      out.add(Series.missing("average_rating_per_week", "week", "stars", REVIEWS_FILE, noReviews));
    } else {
      out.add(
          new Series(
              "doubtful_reviews_per_day",
              "day",
              "reviews",
              REVIEWS_FILE,
              true,
              null,
              split,
              Arms.points(units(reviews, "doubtful"), affected, unaffected, false, false)));
      out.add(
          new Series(
              "average_rating_per_week",
              "week",
              "stars",
              REVIEWS_FILE,
              true,
              null,
              split,
              Arms.points(units(reviews, ColumnNames.RATING), affected, unaffected, true, true)));
    }
    if (refunds == null) {
      out.add(
          Series.missing(
              "refund_rate_per_week",
              "week",
              "share",
              ORDERS_FILE,
              Reason.of("upload", ORDERS_FILE)));
    } else {
      out.add(
          new Series(
              "refund_rate_per_week",
              "week",
              "share",
              ORDERS_FILE,
              true,
              null,
              split,
              Arms.points(refunds, affected, unaffected, true, true)));
    }
    if (!shop.has(FileKind.SHOP_SCORES)) {
      Reason upload = Reason.of("upload", SCORES_FILE);
      out.add(Series.missing("shop_experience_score_per_day", "day", "score", SCORES_FILE, upload));
      out.add(Series.missing("complaints_per_day", "day", "per_day", SCORES_FILE, upload));
    } else {
      Table scores = shop.table(FileKind.SHOP_SCORES).sortOn(ColumnNames.DATE);
      out.add(
          new Series(
              "shop_experience_score_per_day",
              "day",
              "score",
              SCORES_FILE,
              true,
              null,
              split,
              shopPoints(scores, "experience_score")));
      out.add(
          new Series(
              "complaints_per_day",
              "day",
              "per_day",
              SCORES_FILE,
              true,
              null,
              split,
              shopPoints(scores, ColumnNames.COMPLAINTS)));
    }
    return out;
  }

  private static List<Series.Point> shopPoints(Table scores, String column) {
    List<Series.Point> points = new ArrayList<>();
    for (int row = 0; row < scores.rowCount(); row++) {
      Object cell = scores.column(column).get(row);
      points.add(
          new Series.Point(
              scores.dateColumn(ColumnNames.DATE).get(row),
              cell == null ? null : ((Number) cell).doubleValue(),
              null));
    }
    return points;
  }
}
