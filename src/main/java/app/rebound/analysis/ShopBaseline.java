package app.rebound.analysis;

import app.rebound.ingest.ColumnNames;
import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.selection.Selection;

/**
 * What is normal for the shop, measured once for all batches: each product's usual paid price per
 * unit, its best sellers, which orders had a chat or a review, daily complaints, and refunds by
 * product and day. Only orders the platform did not delete count as normal.
 */
final class ShopBaseline {

  /**
   * How many best sellers "the shop's best sellers" means: at least 3, or the top tenth of a big
   * catalogue.
   */
  static final int MIN_TOP_PRODUCTS = 3;

  /** The share of the units that counts as "the best sellers": the fewest products making it. */
  static final double BEST_SELLER_UNITS = 0.6;

  final Map<String, Double> usualUnitPrice;
  final int productCount;

  /** Units of all orders (deleted ones too) per product and submission day, for ranks by date. */
  final Map<String, NavigableMap<LocalDate, Long>> unitsByDay;

  /** Share of the orders the platform left alone whose waybill is reused: the shop's base rate. */
  final double reusedBaseRate;

  /** Each city's (省 市) and each share link's (达人ID) share of all orders. */
  final Map<String, Double> cityShare;

  final Map<String, Double> linkShare;

  /** Refunded orders the platform left alone (refund wave candidates). */
  final List<RefundedOrder> refunded;

  /** One refunded order: its product, submission day, city, link and refund record. */
  record RefundedOrder(
      String product, LocalDate day, String city, String link, RefundRecord record) {}

  /** Sub-orders with a customer-service chat; null when no chats export was uploaded. */
  final Set<String> chatted;

  /** Sub-orders the buyer reviewed; null when no reviews export was uploaded. */
  final Set<String> reviewed;

  /** Complaints per day; null when no shop-scores export with 投诉量 was uploaded. */
  final NavigableMap<LocalDate, Integer> complaints;

  /**
   * Non-deleted orders per product and submission day: n orders, of which sum refunded (see
   * refunds()).
   */
  final Table refunds;

  final boolean shopScoresUploaded;

  /**
   * Whether the orders export carries 快递信息 at all: most of its shipped orders have a waybill.
   * Custom exports often leave the column out; then a missing waybill says nothing about an order.
   */
  final boolean waybillsExported;

  /**
   * Waybill numbers (快递信息 without the carrier) that appear on more than one order of the export.
   */
  final Set<String> reusedWaybills;

  ShopBaseline(ShopData shop, Table deletedOrders) {
    Table kept =
        keptOrders(
            shop.orders(),
            new HashSet<>(deletedOrders.stringColumn(ColumnNames.SUB_ORDER_ID).asList()));
    usualUnitPrice = usualUnitPrice(kept);
    Set<String> products =
        new HashSet<>(shop.orders().stringColumn(ColumnNames.PRODUCT_ID).asSet());
    products.addAll(shop.table(FileKind.TRAFFIC).stringColumn(ColumnNames.PRODUCT_ID).asSet());
    products.remove("");
    productCount = products.size();
    unitsByDay = unitsByDay(shop.orders());
    chatted = shop.has(FileKind.CHATS) ? chatted(shop.table(FileKind.CHATS)) : null;
    reviewed =
        shop.has(FileKind.REVIEWS)
            ? new HashSet<>(
                shop.table(FileKind.REVIEWS).stringColumn(ColumnNames.SUB_ORDER_ID).asSet())
            : null;
    shopScoresUploaded = shop.has(FileKind.SHOP_SCORES);
    complaints = shopScoresUploaded ? complaints(shop.table(FileKind.SHOP_SCORES)) : null;
    refunds = refunds(kept);
    reusedWaybills = reusedWaybills(shop.orders());
    Set<String> deleted =
        new HashSet<>(deletedOrders.stringColumn(ColumnNames.SUB_ORDER_ID).asList());
    reusedBaseRate = reusedShare(shop.orders(), deleted, reusedWaybills);
    waybillsExported = waybillsExported(shop.orders());
    int orders = shop.orders().rowCount();
    cityShare = shares(orders, cities(shop.orders()));
    linkShare = shares(orders, shop.orders().stringColumn(ColumnNames.AFFILIATE_ID)::get);
    Map<String, RefundRecord> refundRecords = RefundRecord.fromOrders(shop.orders());
    if (shop.has(FileKind.AFTER_SALES)) {
      refundRecords = RefundRecord.withAfterSales(refundRecords, shop.table(FileKind.AFTER_SALES));
    }
    refunded = refunded(shop.orders(), deleted, refundRecords);
  }

  /**
   * 省 and 市 together by row: the buyer's area as the orders export gives it. The columns are found
   * once: a lookup by name scans the table's columns, once per order otherwise.
   */
  static IntFunction<String> cities(Table orders) {
    StringColumn provinceColumn = orders.stringColumn(ColumnNames.PROVINCE);
    StringColumn cityColumn = orders.stringColumn(ColumnNames.CITY);
    return row -> {
      String province = provinceColumn.get(row);
      String city = cityColumn.get(row);
      return ((province == null ? "" : province.strip()) + " " + (city == null ? "" : city.strip()))
          .strip();
    };
  }

  /** Each non-blank value's share of all n orders, given each order's value. */
  static Map<String, Double> shares(int n, IntFunction<String> value) {
    Map<String, Integer> counts = new HashMap<>();
    for (int row = 0; row < n; row++) {
      String v = value.apply(row);
      if (v != null && !v.isBlank()) {
        counts.merge(v.strip(), 1, Integer::sum);
      }
    }
    Map<String, Double> out = new HashMap<>();
    counts.forEach((k, c) -> out.put(k, (double) c / n));
    return out;
  }

  static Map<String, NavigableMap<LocalDate, Long>> unitsByDay(Table orders) {
    Map<String, NavigableMap<LocalDate, Long>> out = new HashMap<>();
    StringColumn products = orders.stringColumn(ColumnNames.PRODUCT_ID);
    IntColumn quantity = orders.intColumn(ColumnNames.QUANTITY);
    var submitted = orders.dateTimeColumn(ColumnNames.SUBMITTED_AT);
    for (int row = 0; row < orders.rowCount(); row++) {
      if (quantity.isMissing(row) || submitted.isMissing(row) || products.get(row).isBlank()) {
        continue;
      }
      out.computeIfAbsent(products.get(row), k -> new TreeMap<>())
          .merge(submitted.get(row).toLocalDate(), (long) quantity.getInt(row), Long::sum);
    }
    return out;
  }

  /**
   * Units per product in the {@code days} before {@code date}, over all orders: what the shop sold
   * before the batch, deleted orders included (ranking only what was kept would drop the attacked
   * products, whose orders were deleted and whose sales fell afterwards).
   */
  Map<String, Long> unitsBefore(LocalDate date, int days) {
    Map<String, Long> out = new HashMap<>();
    unitsByDay.forEach(
        (product, byDay) -> {
          long sum =
              byDay.subMap(date.minusDays(days), true, date, false).values().stream()
                  .mapToLong(Long::longValue)
                  .sum();
          if (sum > 0) {
            out.put(product, sum);
          }
        });
    return out;
  }

  /**
   * The best sellers before {@code date}: the fewest products that together make {@link
   * #BEST_SELLER_UNITS} of the units sold in the {@code days} before, at least {@link
   * #MIN_TOP_PRODUCTS}; ties by product id.
   */
  static Set<String> bestSellers(Map<String, Long> units) {
    List<Map.Entry<String, Long>> ranked =
        units.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .toList();
    long total = ranked.stream().mapToLong(Map.Entry::getValue).sum();
    Set<String> out = new HashSet<>();
    long sum = 0;
    for (Map.Entry<String, Long> e : ranked) {
      if (out.size() >= MIN_TOP_PRODUCTS && sum >= BEST_SELLER_UNITS * total) {
        break;
      }
      out.add(e.getKey());
      sum += e.getValue();
    }
    return out;
  }

  /** Share of the kept orders carrying a reused waybill: what split parcels and typos give. */
  static double reusedShare(Table orders, Set<String> deleted, Set<String> reused) {
    int kept = 0;
    int hits = 0;
    StringColumn ids = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn logistics = orders.stringColumn(ColumnNames.LOGISTICS);
    for (int row = 0; row < orders.rowCount(); row++) {
      if (deleted.contains(ids.get(row))) {
        continue;
      }
      kept++;
      String l = logistics.get(row);
      if (l != null && reused.contains(waybill(l))) {
        hits++;
      }
    }
    return kept == 0 ? 0 : (double) hits / kept;
  }

  static List<RefundedOrder> refunded(
      Table orders, Set<String> deleted, Map<String, RefundRecord> records) {
    List<RefundedOrder> out = new ArrayList<>();
    StringColumn ids = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    StringColumn products = orders.stringColumn(ColumnNames.PRODUCT_ID);
    StringColumn links = orders.stringColumn(ColumnNames.AFFILIATE_ID);
    IntFunction<String> cities = cities(orders);
    var submitted = orders.dateTimeColumn(ColumnNames.SUBMITTED_AT);
    for (int row = 0; row < orders.rowCount(); row++) {
      RefundRecord record = records.get(ids.get(row));
      if (record == null || deleted.contains(ids.get(row)) || submitted.isMissing(row)) {
        continue;
      }
      String link = links.get(row);
      // The day the refund was asked for where the after-sales export says, else the order's day.
      out.add(
          new RefundedOrder(
              products.get(row),
              record.appliedAt() != null
                  ? record.appliedAt().toLocalDate()
                  : submitted.get(row).toLocalDate(),
              cities.apply(row),
              link == null ? "" : link.strip(),
              record));
    }
    return out;
  }

  /** Most shipped orders carry a waybill number (see {@link #waybillsExported}). */
  static boolean waybillsExported(Table orders) {
    StringColumn logistics = orders.stringColumn(ColumnNames.LOGISTICS);
    var shipped = orders.dateTimeColumn(ColumnNames.SHIPPED_AT);
    int withDate = 0;
    int withWaybill = 0;
    for (int row = 0; row < orders.rowCount(); row++) {
      if (!shipped.isMissing(row)) {
        withDate++;
        String l = logistics.get(row);
        if (l != null && !waybill(l).isEmpty()) {
          withWaybill++;
        }
      }
    }
    return withDate > 0 && withWaybill * 2 >= withDate;
  }

  /** 快递信息 holds "number-carrier"; the number alone identifies the parcel. */
  static String waybill(String logistics) {
    int dash = logistics.indexOf('-');
    return (dash < 0 ? logistics : logistics.substring(0, dash)).strip();
  }

  /**
   * Waybill numbers on more than one main order (主订单编号): the sub-orders of one main order
   * legitimately share a parcel, two orders never do.
   */
  static Set<String> reusedWaybills(Table orders) {
    Map<String, String> firstOrder = new HashMap<>();
    Set<String> out = new HashSet<>();
    StringColumn logistics = orders.stringColumn(ColumnNames.LOGISTICS);
    // A stored shop's orders carry 主订单编号 only where a parcel holds several sub-orders
    // (ShopData.load); a blank one is its own order.
    StringColumn mains =
        orders.containsColumn(ColumnNames.ORDER_ID)
            ? orders.stringColumn(ColumnNames.ORDER_ID)
            : null;
    StringColumn subs = orders.stringColumn(ColumnNames.SUB_ORDER_ID);
    for (int row = 0; row < orders.rowCount(); row++) {
      String l = logistics.get(row);
      String number = waybill(l == null ? "" : l);
      if (number.isEmpty()) {
        continue;
      }
      String main = mains == null ? null : mains.get(row);
      String order = main == null || main.isBlank() ? subs.get(row) : main;
      String before = firstOrder.putIfAbsent(number, order);
      if (before != null && !before.equals(order)) {
        out.add(number);
      }
    }
    return out;
  }

  /** Orders the platform left alone, with the paid amount per unit. */
  static Table keptOrders(Table orders, Set<String> deleted) {
    Selection keep =
        orders
            .stringColumn(ColumnNames.SUB_ORDER_ID)
            .isNotIn(deleted)
            .and(orders.intColumn(ColumnNames.QUANTITY).isGreaterThan(0))
            .and(orders.doubleColumn(ColumnNames.PAYABLE_AMOUNT).isNotMissing());
    // Only the columns needed are copied: copying a string column of a million unique ids rebuilds
    // its dictionary and costs seconds.
    Table out =
        Views.columns(
                orders,
                ColumnNames.PRODUCT_ID,
                ColumnNames.QUANTITY,
                ColumnNames.PAYABLE_AMOUNT,
                ColumnNames.SUBMITTED_AT,
                ColumnNames.AFTER_SALE_STATUS,
                ColumnNames.CANCEL_REASON)
            .where(keep);
    DoubleColumn unit =
        out.doubleColumn(ColumnNames.PAYABLE_AMOUNT)
            .divide(out.intColumn(ColumnNames.QUANTITY))
            .setName("unit_paid");
    return out.addColumns(unit);
  }

  /** The median paid price per unit of each product over its kept orders. */
  static Map<String, Double> usualUnitPrice(Table kept) {
    Table medians = ByProduct.medians(kept, "unit_paid");
    Map<String, Double> out = new HashMap<>();
    for (int row = 0; row < medians.rowCount(); row++) {
      out.put(
          medians.stringColumn(ColumnNames.PRODUCT_ID).get(row),
          medians.doubleColumn("Median [unit_paid]").get(row));
    }
    return out;
  }

  private static Set<String> chatted(Table chats) {
    // One pass into a set: a where() would first copy the column of unique ids into a new
    // dictionary.
    StringColumn ids = chats.stringColumn(ColumnNames.SUB_ORDER_ID);
    IntColumn messages = chats.intColumn(ColumnNames.MESSAGES);
    Set<String> out = new HashSet<>();
    for (int row = 0; row < chats.rowCount(); row++) {
      if (!messages.isMissing(row) && messages.getInt(row) > 0) {
        out.add(ids.get(row));
      }
    }
    return out;
  }

  /** Null when the column is empty throughout (the export template left it out). */
  private static NavigableMap<LocalDate, Integer> complaints(Table scores) {
    Table known =
        scores.where(
            scores
                .intColumn(ColumnNames.COMPLAINTS)
                .isNotMissing()
                .and(scores.dateColumn(ColumnNames.DATE).isNotMissing()));
    if (known.isEmpty()) {
      return null;
    }
    NavigableMap<LocalDate, Integer> out = new TreeMap<>();
    for (int row = 0; row < known.rowCount(); row++) {
      out.merge(
          known.dateColumn(ColumnNames.DATE).get(row),
          known.intColumn(ColumnNames.COMPLAINTS).get(row),
          Math::max);
    }
    return out;
  }

  /**
   * Kept orders per product and submission day (product_id, date, n = orders, sum = those that
   * ended in a refund with a cancel reason): what a batch's refund signal counts, summed once
   * instead of per batch.
   */
  static Table refunds(Table kept) {
    DateColumn day = kept.dateTimeColumn(ColumnNames.SUBMITTED_AT).date().setName(ColumnNames.DATE);
    DoubleColumn refunded = DoubleColumn.create("refunded", kept.rowCount());
    // Columns looked up once, not per row: a lookup by name per row costs seconds on a big shop.
    StringColumn afterSaleStatusCol = kept.stringColumn(ColumnNames.AFTER_SALE_STATUS);
    StringColumn cancelReasonCol = kept.stringColumn(ColumnNames.CANCEL_REASON);
    for (int row = 0; row < kept.rowCount(); row++) {
      refunded.set(
          row,
          AfterSales.refunded(afterSaleStatusCol.get(row)) && !cancelReasonCol.get(row).isBlank()
              ? 1
              : 0);
    }
    return ProductDays.moments(
        Table.create("refunds", kept.stringColumn(ColumnNames.PRODUCT_ID), day, refunded),
        "refunded");
  }

  boolean complaintsMeasured() {
    return complaints != null;
  }
}
