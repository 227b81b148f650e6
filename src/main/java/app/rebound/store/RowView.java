package app.rebound.store;

import app.rebound.Codes;
import app.rebound.ingest.ColumnNames;
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
          col(ColumnNames.SUB_ORDER_ID, "o.sub_order_id", ValueType.ID),
          col(ColumnNames.ORDER_ID, "o.order_id", ValueType.ID),
          col(ColumnNames.PRODUCT_ID, "o.product_id", ValueType.ID),
          col(ColumnNames.PRODUCT_NAME, "o.product_name", ValueType.TEXT),
          col(ColumnNames.QUANTITY, "o.quantity", ValueType.INTEGER),
          col(ColumnNames.PAYABLE_AMOUNT, "o.payable_amount", ValueType.MONEY),
          col(ColumnNames.SUBMITTED_AT, "o.submitted_at", ValueType.DATETIME),
          col(ColumnNames.ORDER_STATUS, "o.order_status", ValueType.TEXT),
          col(ColumnNames.AFTER_SALE_STATUS, "o.after_sale_status", ValueType.TEXT),
          col(ColumnNames.SALES_DELETED, "o.sales_deleted", ValueType.FLAG),
          col(ColumnNames.NOTICE_ID, "o.notice_id", ValueType.ID)),
      "o.sub_order_id",
      "o.product_id",
      "o.product_name",
      "o.notice_id",
      ColumnNames.SUBMITTED_AT),
  /** The deletions export joined to the orders it names: what each deleted sale was. */
  DELETED(
      "deleted",
      "rows_deletions d LEFT JOIN rows_orders o ON o.sub_order_id = d.sub_order_id",
      List.of(
          col(ColumnNames.SUB_ORDER_ID, "d.sub_order_id", ValueType.ID),
          col(ColumnNames.ORDER_ID, "coalesce(d.order_id, o.order_id)", ValueType.ID),
          col(ColumnNames.PRODUCT_ID, "coalesce(d.product_id, o.product_id)", ValueType.ID),
          col(ColumnNames.PRODUCT_NAME, "o.product_name", ValueType.TEXT),
          col(ColumnNames.PAYABLE_AMOUNT, "o.payable_amount", ValueType.MONEY),
          col(ColumnNames.SUBMITTED_AT, "o.submitted_at", ValueType.DATETIME),
          col(ColumnNames.PROCESSED_AT, "d.processed_at", ValueType.DATETIME),
          col(ColumnNames.NOTICE_ID, "d.notice_id", ValueType.ID),
          col(ColumnNames.REASON, "d.reason", ValueType.TEXT)),
      "d.sub_order_id",
      "coalesce(d.product_id, o.product_id)",
      "o.product_name",
      "d.notice_id",
      ColumnNames.PROCESSED_AT),
  REVIEWS(
      "reviews",
      "rows_reviews r",
      List.of(
          col(ColumnNames.REVIEWED_AT, "r.reviewed_at", ValueType.DATETIME),
          col(ColumnNames.SUB_ORDER_ID, "r.sub_order_id", ValueType.ID),
          col(ColumnNames.PRODUCT_ID, "r.product_id", ValueType.ID),
          col(ColumnNames.RATING, "r.rating", ValueType.INTEGER),
          col(ColumnNames.CONTENT, "r.content", ValueType.TEXT)),
      "r.sub_order_id",
      "r.product_id",
      null,
      null,
      ColumnNames.REVIEWED_AT),
  /** 达人合作: which affiliate worked on which product, by day. */
  AFFILIATES(
      "affiliates",
      "rows_affiliates a",
      List.of(
          col(ColumnNames.DATE, "a.date", ValueType.DATE),
          col(ColumnNames.AFFILIATE_ID, "a.affiliate_id", ValueType.ID),
          col(ColumnNames.AFFILIATE_NAME, "a.affiliate_name", ValueType.TEXT),
          col(ColumnNames.PRODUCT_ID, "a.product_id", ValueType.ID),
          col(ColumnNames.STATUS, "a.status", ValueType.TEXT)),
      "a.affiliate_id",
      "a.product_id",
      null,
      null,
      ColumnNames.DATE);

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
    return noticeColumn != null || searchedField().equals(ColumnNames.SUB_ORDER_ID);
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
