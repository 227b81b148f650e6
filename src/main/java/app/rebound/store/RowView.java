package app.rebound.store;

import app.rebound.Codes;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.ValueType;
import java.util.List;
import java.util.Optional;

/**
 * The stored rows a merchant can drill down into, each a fixed SELECT over the kind tables: its
 * columns are the only ones a list can be sorted by, and its search columns are named here, so no
 * text from a request ever becomes SQL.
 */
public enum RowView {
  ORDERS(
      "orders",
      "rows_orders o",
      List.of(
          col("sub_order_id", "o.sub_order_id", ValueType.ID),
          col("order_id", "o.order_id", ValueType.ID),
          col("product_id", "o.product_id", ValueType.ID),
          col("product_name", "o.product_name", ValueType.TEXT),
          col("quantity", "o.quantity", ValueType.INTEGER),
          col("payable_amount", "o.payable_amount", ValueType.MONEY),
          col("submitted_at", "o.submitted_at", ValueType.DATETIME),
          col("order_status", "o.order_status", ValueType.TEXT),
          col("after_sale_status", "o.after_sale_status", ValueType.TEXT),
          col("sales_deleted", "o.sales_deleted", ValueType.FLAG),
          col("notice_id", "o.notice_id", ValueType.ID)),
      "o.sub_order_id",
      "o.product_id",
      "o.product_name",
      "o.notice_id",
      "submitted_at"),
  /** The deletions export joined to the orders it names: what each deleted sale was. */
  DELETED(
      "deleted",
      "rows_deletions d LEFT JOIN rows_orders o ON o.sub_order_id = d.sub_order_id",
      List.of(
          col("sub_order_id", "d.sub_order_id", ValueType.ID),
          col("order_id", "coalesce(d.order_id, o.order_id)", ValueType.ID),
          col("product_id", "coalesce(d.product_id, o.product_id)", ValueType.ID),
          col("product_name", "o.product_name", ValueType.TEXT),
          col("payable_amount", "o.payable_amount", ValueType.MONEY),
          col("submitted_at", "o.submitted_at", ValueType.DATETIME),
          col("processed_at", "d.processed_at", ValueType.DATETIME),
          col("notice_id", "d.notice_id", ValueType.ID),
          col("reason", "d.reason", ValueType.TEXT)),
      "d.sub_order_id",
      "coalesce(d.product_id, o.product_id)",
      "o.product_name",
      "d.notice_id",
      "processed_at"),
  REVIEWS(
      "reviews",
      "rows_reviews r",
      List.of(
          col("reviewed_at", "r.reviewed_at", ValueType.DATETIME),
          col("sub_order_id", "r.sub_order_id", ValueType.ID),
          col("product_id", "r.product_id", ValueType.ID),
          col("rating", "r.rating", ValueType.INTEGER),
          col("content", "r.content", ValueType.TEXT)),
      "r.sub_order_id",
      "r.product_id",
      null,
      null,
      "reviewed_at"),
  /** 达人合作: which affiliate worked on which product, by day. */
  AFFILIATES(
      "affiliates",
      "rows_affiliates a",
      List.of(
          col("date", "a.date", ValueType.DATE),
          col("affiliate_id", "a.affiliate_id", ValueType.ID),
          col("affiliate_name", "a.affiliate_name", ValueType.TEXT),
          col("product_id", "a.product_id", ValueType.ID),
          col("status", "a.status", ValueType.TEXT)),
      "a.affiliate_id",
      "a.product_id",
      null,
      null,
      "date");

  /** One column of a view: its name in requests and messages, its SQL and how it is stored. */
  public record Column(String name, String sql, ValueType type) {}

  private final String id;
  private final String from;
  private final List<Column> columns;
  private final String searchColumn;
  private final String productColumn;
  private final String productNameColumn;
  private final String noticeColumn;
  private final String defaultSort;

  RowView(
      String id,
      String from,
      List<Column> columns,
      String searchColumn,
      String productColumn,
      String productNameColumn,
      String noticeColumn,
      String defaultSort) {
    this.id = id;
    this.from = from;
    this.columns = columns;
    this.searchColumn = searchColumn;
    this.productColumn = productColumn;
    this.productNameColumn = productNameColumn;
    this.noticeColumn = noticeColumn;
    this.defaultSort = defaultSort;
  }

  private static Column col(String name, String sql, ValueType type) {
    return new Column(name, sql, type);
  }

  public static Optional<RowView> of(String id) {
    return Codes.find(values(), RowView::id, id);
  }

  public String id() {
    return id;
  }

  public List<Column> columns() {
    return columns;
  }

  public Optional<Column> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The column the list is sorted by when the request names none (newest first). */
  public String defaultSort() {
    return defaultSort;
  }

  /** What the search box matches: the 子订单编号, or the affiliate's id where rows have none. */
  public String searchedField() {
    return searchColumn.substring(searchColumn.indexOf('.') + 1);
  }

  /**
   * Whether rows can be narrowed to a notice: by its own notice column, or by being a deleted
   * order's row. Affiliate rows name no order.
   */
  public boolean hasNotice() {
    return noticeColumn != null || searchedField().equals("sub_order_id");
  }

  String from() {
    return from;
  }

  String searchColumn() {
    return searchColumn;
  }

  /** The rowid of the view's own table (the one its search column is on). */
  String rowId() {
    return searchColumn.substring(0, searchColumn.indexOf('.')) + ".rowid";
  }

  String productColumn() {
    return productColumn;
  }

  String productNameColumn() {
    return productNameColumn;
  }

  /** The notice condition's SQL with one parameter. */
  String noticeCondition() {
    return noticeColumn != null
        ? noticeColumn + " = ?"
        : searchColumn
            + " IN (SELECT sub_order_id FROM "
            + KindSchema.table(FileKind.DELETIONS)
            + " WHERE notice_id = ?)";
  }
}
