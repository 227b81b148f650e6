package app.rebound.web;

import java.util.regex.Pattern;

/**
 * The links from a figure to the rows behind it ({@link RowPages}), for the dashboards' templates:
 * one place says which filters each figure's rows are.
 */
public final class RowLinks {

  /**
   * A batch without a notice id is named by its date or as "flagged" (DeletedOrders): no notice to
   * filter by, so its link lists every deleted order.
   */
  private static final Pattern NOT_A_NOTICE = Pattern.compile("flagged|[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private RowLinks() {}

  public static String orders(String shop) {
    return RowPages.path(shop, "orders", null, null, null);
  }

  /** A product's orders. */
  public static String ordersOf(String shop, String product) {
    return RowPages.path(shop, "orders", null, product, null);
  }

  public static String deleted(String shop) {
    return RowPages.path(shop, "deleted", null, null, null);
  }

  /** The deleted orders of a batch, and of one product in it when product is not null. */
  public static String deletedOf(String shop, String batch, String product) {
    String notice = batch == null || NOT_A_NOTICE.matcher(batch).matches() ? null : batch;
    return RowPages.path(shop, "deleted", null, product, notice);
  }

  public static String reviews(String shop) {
    return RowPages.path(shop, "reviews", null, null, null);
  }

  public static String affiliates(String shop) {
    return RowPages.path(shop, "affiliates", null, null, null);
  }
}
