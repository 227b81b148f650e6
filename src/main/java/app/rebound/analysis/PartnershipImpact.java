package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Measures what a deletion did to the shop's affiliates (达人), who pick products in 精选联盟 by their
 * sales: affiliates active per product per day, seen in the orders export (distinct 达人ID on paid
 * orders in a trailing 7-day window) and in the cooperation export (合作中 as active, 已取消 as a
 * cancellation on its date); cancellations per product per 30 days; affiliate-driven GMV (paid
 * orders with a 达人ID) per product per day. Each is compared before and after the split, affected
 * against unaffected products, with products as the units (see {@link Did#unitChanges}). Days run
 * over the orders export's window; deleted orders are left out.
 */
public final class PartnershipImpact {

  /**
   * Days an affiliate counts as active after a paid order that names them (the day itself
   * included).
   */
  public static final int ACTIVE_WINDOW_DAYS = 7;

  static final String ORDERS_FILE = FileKind.ORDERS.csvName();
  static final String COOPERATION_FILE = FileKind.AFFILIATES.csvName();
  static final String COMMISSIONS_FILE = FileKind.COMMISSIONS.zhName() + ".xlsx";

  /**
   * Days without a commission order after which an affiliate's cooperation on a product counts as
   * ended: commission orders are how merchants see cooperation (no export lists it), and two weeks
   * without a sale outlasts a weekly posting rhythm. A judgement, not a platform rule.
   */
  public static final int COOPERATION_ENDED_AFTER_DAYS = 14;

  /** 精选联盟 order status of a refunded commission order: it was not a sale. */
  static final String COMMISSION_REFUNDED = "订单退货退款";

  static final String COOPERATING = "合作中";
  static final String CANCELLED = "已取消";

  /**
   * The longest orders window measured, in days: 20 years, beyond any real export (ingest refuses
   * dates before the platform began), so it binds only on data that slipped past that check.
   */
  static final int MAX_WINDOW_DAYS = 20 * 366;

  private PartnershipImpact() {}

  public static MeasuredEffects of(ShopData shop, Table deletedOrders) {
    ImpactFrame frame = ImpactFrame.of(shop, deletedOrders);
    Set<String> products = new TreeSet<>(frame.unaffected());
    products.addAll(frame.splits().keySet());

    // Series are allocated per calendar day: a window beyond any real export is not measured.
    Reason spanWhyNot =
        frame.days() > MAX_WINDOW_DAYS
            ? Reason.of("window_too_long", ORDERS_FILE, frame.days(), MAX_WINDOW_DAYS)
            : null;
    // The 精选联盟 commission orders are the affiliate source merchants have; without them the
    // orders' 达人ID and the 达人合作 layout of our own stand in.
    boolean commissions = shop.has(FileKind.COMMISSIONS);
    String ordersNeeds = commissions ? COMMISSIONS_FILE : ORDERS_FILE;
    Table affiliateOrders =
        frame.days() == 0 || spanWhyNot != null
            ? null
            : commissions
                ? commissionOrders(shop.table(FileKind.COMMISSIONS), frame.deletedSubOrders())
                : affiliateOrders(shop.orders(), frame.deletedSubOrders());
    Reason ordersWhyNot =
        spanWhyNot != null
            ? spanWhyNot
            : frame.days() == 0
                ? Reason.of("upload", ORDERS_FILE)
                : affiliateOrders.isEmpty()
                    ? commissions
                        ? Reason.of("no_paid_commission_orders", COMMISSIONS_FILE)
                        : Reason.of("no_affiliate_orders", ORDERS_FILE)
                    : !frame.hasDeletions() ? ImpactFrame.NO_DELETIONS : null;
    boolean cooperation = shop.has(FileKind.AFFILIATES);
    String coopNeeds = cooperation || !commissions ? COOPERATION_FILE : COMMISSIONS_FILE;
    Reason coopWhyNot =
        !cooperation && !commissions
            ? Reason.of("upload_commissions", COMMISSIONS_FILE, COOPERATION_FILE)
            : spanWhyNot != null
                ? spanWhyNot
                : frame.days() == 0
                    ? Reason.of("upload_orders_for_window", ORDERS_FILE)
                    : !cooperation && affiliateOrders.isEmpty()
                        ? ordersWhyNot
                        : !frame.hasDeletions() ? ImpactFrame.NO_DELETIONS : null;

    Map<String, double[]> active = null;
    Map<String, double[]> gmv = null;
    if (affiliateOrders != null && !affiliateOrders.isEmpty()) {
      active = activeFromOrders(affiliateOrders, products, frame);
      gmv = dailySum(affiliateOrders, "amount", products, frame);
    }
    Map<String, double[]> cooperating = null;
    Map<String, double[]> cancellations = null;
    boolean fromCommissions = !cooperation && affiliateOrders != null && !affiliateOrders.isEmpty();
    if ((cooperation || (commissions && fromCommissions))
        && frame.days() > 0
        && spanWhyNot == null) {
      Table events =
          cooperationEvents(
              cooperation
                  ? shop.table(FileKind.AFFILIATES)
                  : cooperationFromCommissions(affiliateOrders));
      cooperating = new HashMap<>();
      cancellations = new HashMap<>();
      cooperationDays(events, products, frame, cooperating, cancellations);
    }

    Daily daily =
        new Daily(
            active,
            gmv,
            cooperating,
            cancellations,
            ordersWhyNot,
            coopWhyNot,
            ordersNeeds,
            coopNeeds);
    List<Measure> shopMeasures =
        measures(Measure.SCOPE_AFFECTED, daily, frame, frame.splits(), frame.firstDeletion());
    List<ProductImpact> perProduct = new ArrayList<>();
    for (var entry : frame.splits().entrySet()) {
      Map<String, LocalDate> one = Map.of(entry.getKey(), entry.getValue());
      perProduct.add(
          new ProductImpact(
              entry.getKey(),
              frame.name(entry.getKey()),
              entry.getValue(),
              measures(Measure.SCOPE_PRODUCT, daily, frame, one, entry.getValue())));
    }
    return new MeasuredEffects(
        frame.firstDeletion(),
        frame.splits().size(),
        frame.unaffected().size(),
        shopMeasures,
        perProduct,
        series(daily, frame));
  }

  /** The product-day series and, for each source, why it cannot be measured (null when it can). */
  private record Daily(
      Map<String, double[]> active,
      Map<String, double[]> gmv,
      Map<String, double[]> cooperating,
      Map<String, double[]> cancellations,
      Reason ordersWhyNot,
      Reason coopWhyNot,
      String ordersNeeds,
      String coopNeeds) {}

  private static List<Measure> measures(
      String scope,
      Daily d,
      ImpactFrame frame,
      Map<String, LocalDate> affected,
      LocalDate unaffectedSplit) {
    List<Measure> out = new ArrayList<>();
    out.add(
        measure(
            "active_affiliates",
            scope,
            "affiliates",
            d.ordersNeeds(),
            d.ordersWhyNot(),
            d.active(),
            frame,
            affected,
            unaffectedSplit,
            1));
    out.add(
        measure(
            "affiliate_gmv",
            scope,
            "yuan_per_day",
            d.ordersNeeds(),
            d.ordersWhyNot(),
            d.gmv(),
            frame,
            affected,
            unaffectedSplit,
            1));
    out.add(
        measure(
            "cooperating_affiliates",
            scope,
            "affiliates",
            d.coopNeeds(),
            d.coopWhyNot(),
            d.cooperating(),
            frame,
            affected,
            unaffectedSplit,
            1));
    out.add(
        measure(
            "affiliate_cancellations",
            scope,
            "per_30_days",
            d.coopNeeds(),
            d.coopWhyNot(),
            d.cancellations(),
            frame,
            affected,
            unaffectedSplit,
            30));
    return out;
  }

  private static Measure measure(
      String id,
      String scope,
      String unit,
      String needs,
      Reason whyNot,
      Map<String, double[]> daily,
      ImpactFrame frame,
      Map<String, LocalDate> affected,
      LocalDate unaffectedSplit,
      double scale) {
    if (whyNot != null) {
      return Measure.missing(id, scope, unit, needs, whyNot);
    }
    return Arms.perProductDay(
        id, scope, unit, needs, daily, affected, frame.unaffected(), unaffectedSplit, frame, scale);
  }

  /**
   * Stage: paid, not deleted orders that name an affiliate (product_id, affiliate_id, date of
   * payment, amount = 订单应付金额). Without 支付完成时间 in the export, orders not closed are taken as paid.
   */
  static Table affiliateOrders(Table orders, Set<String> deletedSubOrders) {
    boolean hasPaidColumn =
        orders.dateTimeColumn(ColumnNames.PAID_AT).countMissing() < orders.rowCount();
    Table out = emptyAffiliateOrders();
    // Columns looked up once, not per row: a lookup by name per row costs seconds on a big shop.
    StringColumn affiliateIdCol = orders.stringColumn(ColumnNames.AFFILIATE_ID);
    StringColumn subOrderIdCol = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    DateTimeColumn paidAtCol = orders.dateTimeColumn(ColumnNames.PAID_AT);
    StringColumn orderStatusCol = orders.stringColumn(ColumnNames.ORDER_STATUS);
    DateTimeColumn submittedAtCol = orders.dateTimeColumn(ColumnNames.SUBMITTED_AT);
    DoubleColumn payableAmountCol = orders.doubleColumn(ColumnNames.PAYABLE_AMOUNT);
    StringColumn productIdCol = orders.stringColumn(ColumnNames.PRODUCT_ID);
    for (int row = 0; row < orders.rowCount(); row++) {
      String affiliate = affiliateIdCol.get(row);
      if (affiliate.isEmpty() || deletedSubOrders.contains(subOrderIdCol.get(row))) {
        continue;
      }
      LocalDateTime paid = paidAtCol.get(row);
      if (paid == null) {
        if (hasPaidColumn || TrustImpact.CLOSED.equals(orderStatusCol.get(row))) {
          continue;
        }
        paid = submittedAtCol.get(row);
      }
      Double amount = payableAmountCol.get(row);
      appendAffiliateOrder(
          out, productIdCol.get(row), affiliate, paid.toLocalDate(), amount == null ? 0 : amount);
    }
    return out;
  }

  /** The affiliate orders' shape, whichever export they come from. */
  private static Table emptyAffiliateOrders() {
    return Table.create(
        "affiliate_orders",
        StringColumn.create(ColumnNames.PRODUCT_ID),
        StringColumn.create(ColumnNames.AFFILIATE_ID),
        DateColumn.create(ColumnNames.DATE),
        DoubleColumn.create("amount"));
  }

  /** One row of the affiliate orders, in the columns {@link #emptyAffiliateOrders} makes. */
  private static void appendAffiliateOrder(
      Table out, String productId, String affiliateId, LocalDate date, double amount) {
    out.stringColumn(ColumnNames.PRODUCT_ID).append(productId);
    out.stringColumn(ColumnNames.AFFILIATE_ID).append(affiliateId);
    out.dateColumn(ColumnNames.DATE).append(date);
    out.doubleColumn("amount").append(amount);
  }

  /**
   * Stage: the 精选联盟 commission orders as affiliate orders (product_id, affiliate_id = 作者账号, date of
   * payment, amount = 支付金额), refunded and deleted ones left out.
   */
  static Table commissionOrders(Table commissions, Set<String> deletedSubOrders) {
    Table out = emptyAffiliateOrders();
    StringColumn subOrder = commissions.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn product = commissions.stringColumn(ColumnNames.PRODUCT_ID);
    StringColumn affiliate = commissions.stringColumn(ColumnNames.AFFILIATE_ACCOUNT);
    StringColumn status = commissions.stringColumn(ColumnNames.STATUS);
    DateTimeColumn paidAt = commissions.dateTimeColumn(ColumnNames.PAID_AT);
    DoubleColumn amount = commissions.doubleColumn(ColumnNames.PAID_AMOUNT);
    for (int row = 0; row < commissions.rowCount(); row++) {
      if (product.get(row).isEmpty()
          || COMMISSION_REFUNDED.equals(status.get(row).strip())
          || deletedSubOrders.contains(subOrder.get(row))) {
        continue;
      }
      appendAffiliateOrder(
          out,
          product.get(row),
          affiliate.get(row),
          paidAt.get(row).toLocalDate(),
          amount.isMissing(row) ? 0 : amount.get(row));
    }
    return out;
  }

  /**
   * Stage: cooperation read from commission orders, in the 达人合作 shape (date, affiliate_id,
   * product_id, status): an affiliate starts cooperating on a product with its first commission
   * order and has ended (已取消) once {@link #COOPERATION_ENDED_AFTER_DAYS} pass without one, judged
   * only up to the last day the commission orders cover.
   */
  static Table cooperationFromCommissions(Table affiliateOrders) {
    Table events =
        Table.create(
            "cooperation",
            DateColumn.create(ColumnNames.DATE),
            StringColumn.create(ColumnNames.AFFILIATE_ID),
            StringColumn.create(ColumnNames.PRODUCT_ID),
            StringColumn.create(ColumnNames.STATUS));
    if (affiliateOrders.isEmpty()) {
      return events;
    }
    LocalDate covered = affiliateOrders.dateColumn(ColumnNames.DATE).max();
    Table sorted =
        affiliateOrders.sortOn(ColumnNames.PRODUCT_ID, ColumnNames.AFFILIATE_ID, ColumnNames.DATE);
    int row = 0;
    while (row < sorted.rowCount()) {
      String product = sorted.stringColumn(ColumnNames.PRODUCT_ID).get(row);
      String affiliate = sorted.stringColumn(ColumnNames.AFFILIATE_ID).get(row);
      addEvent(
          events, sorted.dateColumn(ColumnNames.DATE).get(row), affiliate, product, COOPERATING);
      LocalDate last = sorted.dateColumn(ColumnNames.DATE).get(row);
      while (row < sorted.rowCount()
          && sorted.stringColumn(ColumnNames.PRODUCT_ID).get(row).equals(product)
          && sorted.stringColumn(ColumnNames.AFFILIATE_ID).get(row).equals(affiliate)) {
        LocalDate day = sorted.dateColumn(ColumnNames.DATE).get(row);
        if (day.isAfter(last.plusDays(COOPERATION_ENDED_AFTER_DAYS))) {
          // A gap long enough to end it, then orders again: ended, then started anew.
          addEvent(
              events, last.plusDays(COOPERATION_ENDED_AFTER_DAYS), affiliate, product, CANCELLED);
          addEvent(events, day, affiliate, product, COOPERATING);
        }
        last = day;
        row++;
      }
      LocalDate ended = last.plusDays(COOPERATION_ENDED_AFTER_DAYS);
      if (!ended.isAfter(covered)) {
        addEvent(events, ended, affiliate, product, CANCELLED);
      }
    }
    return events;
  }

  private static void addEvent(
      Table events, LocalDate date, String affiliate, String product, String status) {
    events.dateColumn(ColumnNames.DATE).append(date);
    events.stringColumn(ColumnNames.AFFILIATE_ID).append(affiliate);
    events.stringColumn(ColumnNames.PRODUCT_ID).append(product);
    events.stringColumn(ColumnNames.STATUS).append(status);
  }

  /** Distinct affiliates per product per day with a paid order in the trailing window. */
  static Map<String, double[]> activeFromOrders(
      Table affiliateOrders, Set<String> products, ImpactFrame frame) {
    int days = frame.days();
    Map<String, Map<String, boolean[]>> seen = new TreeMap<>();
    for (int row = 0; row < affiliateOrders.rowCount(); row++) {
      String product = affiliateOrders.stringColumn(ColumnNames.PRODUCT_ID).get(row);
      int day = frame.index(affiliateOrders.dateColumn(ColumnNames.DATE).get(row));
      boolean[] marks =
          seen.computeIfAbsent(product, k -> new TreeMap<>())
              .computeIfAbsent(
                  affiliateOrders.stringColumn(ColumnNames.AFFILIATE_ID).get(row),
                  k -> new boolean[days]);
      for (int d = Math.max(0, day); d < Math.min(days, day + ACTIVE_WINDOW_DAYS); d++) {
        marks[d] = true;
      }
    }
    Map<String, double[]> out = new HashMap<>();
    for (String product : products) {
      double[] count = new double[days];
      for (boolean[] marks : seen.getOrDefault(product, Map.of()).values()) {
        for (int d = 0; d < days; d++) {
          count[d] += marks[d] ? 1 : 0;
        }
      }
      out.put(product, count);
    }
    return out;
  }

  /** A column summed per product per day of the window (days outside it are dropped). */
  static Map<String, double[]> dailySum(
      Table rows, String column, Set<String> products, ImpactFrame frame) {
    int days = frame.days();
    Map<String, double[]> out = new HashMap<>();
    for (String product : products) {
      out.put(product, new double[days]);
    }
    for (int row = 0; row < rows.rowCount(); row++) {
      double[] series = out.get(rows.stringColumn(ColumnNames.PRODUCT_ID).get(row));
      int d = frame.index(rows.dateColumn(ColumnNames.DATE).get(row));
      if (series != null && d >= 0 && d < days) {
        series[d] += rows.doubleColumn(column).get(row);
      }
    }
    return out;
  }

  /**
   * Stage: the cooperation export in event order (product, affiliate, date; rows of a day kept in
   * order).
   */
  static Table cooperationEvents(Table cooperation) {
    Table kept = cooperation.where(cooperation.dateColumn(ColumnNames.DATE).isNotMissing());
    return kept.sortOn(ColumnNames.PRODUCT_ID, ColumnNames.AFFILIATE_ID, ColumnNames.DATE);
  }

  /**
   * Walks each (product, affiliate) pair through the window. Its state on a day is the status of
   * its last row on or before that day; 合作中 is active, anything else is not. A 已取消 row counts as a
   * cancellation on its date unless the pair was already cancelled (a daily snapshot repeating 已取消
   * is one cancellation). Rows before the window set the state the window opens with.
   */
  static void cooperationDays(
      Table events,
      Set<String> products,
      ImpactFrame frame,
      Map<String, double[]> active,
      Map<String, double[]> cancellations) {
    int days = frame.days();
    for (String product : products) {
      active.put(product, new double[days]);
      cancellations.put(product, new double[days]);
    }
    int row = 0;
    while (row < events.rowCount()) {
      String product = events.stringColumn(ColumnNames.PRODUCT_ID).get(row);
      String affiliate = events.stringColumn(ColumnNames.AFFILIATE_ID).get(row);
      int end = row;
      while (end < events.rowCount()
          && events.stringColumn(ColumnNames.PRODUCT_ID).get(end).equals(product)
          && events.stringColumn(ColumnNames.AFFILIATE_ID).get(end).equals(affiliate)) {
        end++;
      }
      double[] act = active.get(product);
      double[] cancel = cancellations.get(product);
      if (act != null) {
        String state = null;
        int next = row;
        for (int d = 0; d < days; d++) {
          while (next < end && frame.index(events.dateColumn(ColumnNames.DATE).get(next)) <= d) {
            String status = events.stringColumn(ColumnNames.STATUS).get(next).strip();
            int at = frame.index(events.dateColumn(ColumnNames.DATE).get(next));
            if (status.equals(CANCELLED) && !CANCELLED.equals(state) && at >= 0) {
              cancel[at] += 1;
            }
            state = status;
            next++;
          }
          act[d] += COOPERATING.equals(state) ? 1 : 0;
        }
      }
      row = end;
    }
  }

  private static List<Series> series(Daily d, ImpactFrame frame) {
    Set<String> affected = frame.splits().keySet();
    Set<String> unaffected = frame.unaffected();
    List<Series> out = new ArrayList<>();
    out.add(
        series(
            "active_affiliates_per_day",
            "affiliates_per_product",
            d.ordersNeeds(),
            d.ordersWhyNot(),
            d.active(),
            affected,
            unaffected,
            frame,
            true));
    out.add(
        series(
            "affiliate_gmv_per_day",
            "yuan",
            d.ordersNeeds(),
            d.ordersWhyNot(),
            d.gmv(),
            affected,
            unaffected,
            frame,
            false));
    out.add(
        series(
            "cooperating_affiliates_per_day",
            "affiliates_per_product",
            d.coopNeeds(),
            d.coopWhyNot(),
            d.cooperating(),
            affected,
            unaffected,
            frame,
            true));
    out.add(
        series(
            "affiliate_cancellations_per_day",
            "cancellations",
            d.coopNeeds(),
            d.coopWhyNot(),
            d.cancellations(),
            affected,
            unaffected,
            frame,
            false));
    return out;
  }

  /** Per calendar day: the mean per product (perProduct) or the total of each group. */
  private static Series series(
      String id,
      String unit,
      String needs,
      Reason whyNot,
      Map<String, double[]> daily,
      Set<String> affected,
      Set<String> unaffected,
      ImpactFrame frame,
      boolean perProduct) {
    if (daily == null || (whyNot != null && !whyNot.equals(ImpactFrame.NO_DELETIONS))) {
      return Series.missing(id, "day", unit, needs, whyNot);
    }
    List<Series.Point> points = new ArrayList<>();
    for (int t = 0; t < frame.days(); t++) {
      points.add(
          new Series.Point(
              frame.windowStart().plusDays(t),
              group(daily, affected, t, perProduct),
              group(daily, unaffected, t, perProduct)));
    }
    return new Series(id, "day", unit, needs, true, null, frame.firstDeletion(), points);
  }

  private static Double group(
      Map<String, double[]> daily, Set<String> products, int t, boolean perProduct) {
    if (products.isEmpty()) {
      return null;
    }
    double sum = 0;
    for (String product : products) {
      sum += daily.get(product)[t];
    }
    return perProduct ? sum / products.size() : sum;
  }
}
