package app.rebound.analysis;

import app.rebound.ingest.FileKind;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
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

  static final String REFUNDED = "退款成功";

  /**
   * How many best sellers "the shop's best sellers" means: at least 3, or the top tenth of a big
   * catalogue.
   */
  static final int MIN_TOP_PRODUCTS = 3;

  final Map<String, Double> usualUnitPrice;
  final List<String> topProducts;
  final int productCount;

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
   * Waybill numbers (快递信息 without the carrier) that appear on more than one order of the export.
   */
  final Set<String> reusedWaybills;

  ShopBaseline(ShopData shop, Table deletedOrders) {
    Table kept =
        keptOrders(
            shop.orders(), new HashSet<>(deletedOrders.stringColumn("sub_order_id").asList()));
    usualUnitPrice = usualUnitPrice(kept);
    Table units = ByProduct.sums(kept, "quantity").sortDescendingOn("Sum [quantity]");
    Set<String> products = new HashSet<>(shop.orders().stringColumn("product_id").asSet());
    products.addAll(shop.table(FileKind.TRAFFIC).stringColumn("product_id").asSet());
    products.remove("");
    productCount = products.size();
    int top = Math.max(MIN_TOP_PRODUCTS, (int) Math.ceil(0.1 * productCount));
    topProducts =
        units.stringColumn("product_id").asList().subList(0, Math.min(top, units.rowCount()));
    chatted = shop.has(FileKind.CHATS) ? chatted(shop.table(FileKind.CHATS)) : null;
    reviewed =
        shop.has(FileKind.REVIEWS)
            ? new HashSet<>(shop.table(FileKind.REVIEWS).stringColumn("sub_order_id").asSet())
            : null;
    shopScoresUploaded = shop.has(FileKind.SHOP_SCORES);
    complaints = shopScoresUploaded ? complaints(shop.table(FileKind.SHOP_SCORES)) : null;
    refunds = refunds(kept);
    reusedWaybills = reusedWaybills(shop.orders());
  }

  /** 快递信息 holds "number-carrier"; the number alone identifies the parcel. */
  static String waybill(String logistics) {
    int dash = logistics.indexOf('-');
    return (dash < 0 ? logistics : logistics.substring(0, dash)).strip();
  }

  static Set<String> reusedWaybills(Table orders) {
    Map<String, Integer> seen = new HashMap<>();
    for (String logistics : orders.stringColumn("logistics")) {
      String number = waybill(logistics == null ? "" : logistics);
      if (!number.isEmpty()) {
        seen.merge(number, 1, Integer::sum);
      }
    }
    Set<String> out = new HashSet<>();
    seen.forEach(
        (number, times) -> {
          if (times > 1) {
            out.add(number);
          }
        });
    return out;
  }

  /** Orders the platform left alone, with the paid amount per unit. */
  static Table keptOrders(Table orders, Set<String> deleted) {
    Selection keep =
        orders
            .stringColumn("sub_order_id")
            .isNotIn(deleted)
            .and(orders.intColumn("quantity").isGreaterThan(0))
            .and(orders.doubleColumn("payable_amount").isNotMissing());
    // Only the columns needed are copied: copying a string column of a million unique ids rebuilds
    // its
    // dictionary and costs seconds.
    Table out =
        Views.columns(
                orders,
                "product_id",
                "quantity",
                "payable_amount",
                "submitted_at",
                "after_sale_status",
                "cancel_reason")
            .where(keep);
    DoubleColumn unit =
        out.doubleColumn("payable_amount").divide(out.intColumn("quantity")).setName("unit_paid");
    return out.addColumns(unit);
  }

  /** The median paid price per unit of each product over its kept orders. */
  static Map<String, Double> usualUnitPrice(Table kept) {
    Table medians = ByProduct.medians(kept, "unit_paid");
    Map<String, Double> out = new HashMap<>();
    for (int row = 0; row < medians.rowCount(); row++) {
      out.put(
          medians.stringColumn("product_id").get(row),
          medians.doubleColumn("Median [unit_paid]").get(row));
    }
    return out;
  }

  private static Set<String> chatted(Table chats) {
    // One pass into a set: a where() would first copy the column of unique ids into a new
    // dictionary.
    StringColumn ids = chats.stringColumn("sub_order_id");
    IntColumn messages = chats.intColumn("messages");
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
                .intColumn("complaints")
                .isNotMissing()
                .and(scores.dateColumn("date").isNotMissing()));
    if (known.isEmpty()) {
      return null;
    }
    NavigableMap<LocalDate, Integer> out = new TreeMap<>();
    for (int row = 0; row < known.rowCount(); row++) {
      out.merge(
          known.dateColumn("date").get(row), known.intColumn("complaints").get(row), Math::max);
    }
    return out;
  }

  /**
   * Kept orders per product and submission day (product_id, date, n = orders, sum = those that
   * ended in a refund with a cancel reason): what a batch's refund signal counts, summed once
   * instead of per batch.
   */
  static Table refunds(Table kept) {
    DateColumn day = kept.dateTimeColumn("submitted_at").date().setName("date");
    DoubleColumn refunded = DoubleColumn.create("refunded", kept.rowCount());
    // Columns looked up once, not per row: a lookup by name per row costs seconds on a big shop.
    StringColumn afterSaleStatusCol = kept.stringColumn("after_sale_status");
    StringColumn cancelReasonCol = kept.stringColumn("cancel_reason");
    for (int row = 0; row < kept.rowCount(); row++) {
      refunded.set(
          row,
          REFUNDED.equals(afterSaleStatusCol.get(row)) && !cancelReasonCol.get(row).isBlank()
              ? 1
              : 0);
    }
    return ProductDays.moments(
        Table.create("refunds", kept.stringColumn("product_id"), day, refunded), "refunded");
  }

  boolean complaintsMeasured() {
    return complaints != null;
  }
}
