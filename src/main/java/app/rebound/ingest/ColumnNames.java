package app.rebound.ingest;

/**
 * The canonical column names of the exports: what {@link FileKind} names each field, whatever
 * header a file gave it, and what every stage after ingest reads. Named once here so that a stage
 * cannot ask for a column no export has.
 */
public final class ColumnNames {

  private ColumnNames() {}

  public static final String ORDER_ID = "order_id";
  public static final String SUB_ORDER_ID = "sub_order_id";
  public static final String PRODUCT_NAME = "product_name";
  public static final String SKU_SPEC = "sku_spec";
  public static final String QUANTITY = "quantity";
  public static final String PRODUCT_ID = "product_id";
  public static final String MERCHANT_CODE = "merchant_code";
  public static final String UNIT_PRICE = "unit_price";
  public static final String ITEM_AMOUNT = "item_amount";
  public static final String PAYABLE_AMOUNT = "payable_amount";
  public static final String SHIPPING_FEE = "shipping_fee";
  public static final String SUBMITTED_AT = "submitted_at";
  public static final String PAID_AT = "paid_at";
  public static final String SHIPPED_AT = "shipped_at";
  public static final String COMPLETED_AT = "completed_at";
  public static final String ORDER_STATUS = "order_status";
  public static final String AFTER_SALE_STATUS = "after_sale_status";
  public static final String CANCEL_REASON = "cancel_reason";
  public static final String AFFILIATE_ID = "affiliate_id";
  public static final String AFFILIATE_NAME = "affiliate_name";
  public static final String TRAFFIC_SOURCE = "traffic_source";
  public static final String TRAFFIC_CHANNEL = "traffic_channel";
  public static final String TRAFFIC_FORMAT = "traffic_format";
  public static final String TRAFFIC_TYPE = "traffic_type";
  public static final String LOGISTICS = "logistics";
  public static final String PROVINCE = "province";
  public static final String CITY = "city";
  public static final String BUYER_NOTE = "buyer_note";
  public static final String MERCHANT_NOTE = "merchant_note";
  public static final String PLATFORM_DISCOUNT = "platform_discount";
  public static final String MERCHANT_DISCOUNT = "merchant_discount";
  public static final String AFFILIATE_DISCOUNT = "affiliate_discount";
  public static final String SALES_DELETED = "sales_deleted";
  public static final String NOTICE_ID = "notice_id";
  public static final String PROCESSED_AT = "processed_at";
  public static final String REASON = "reason";
  public static final String DATE = "date";
  public static final String IMPRESSIONS = "impressions";
  public static final String VISITORS = "visitors";
  public static final String BUYERS = "buyers";
  public static final String PAID_ORDERS = "paid_orders";
  public static final String GMV = "gmv";
  public static final String IMPRESSION_COUNT = "impression_count";
  public static final String CLICK_COUNT = "click_count";
  public static final String ADD_TO_CART = "add_to_cart";
  public static final String FAVORITES = "favorites";
  public static final String REVIEWED_AT = "reviewed_at";
  public static final String RATING = "rating";
  public static final String CONTENT = "content";
  public static final String EXPERIENCE_SCORE = "experience_score";
  public static final String COMPLAINTS = "complaints";
  public static final String STATUS = "status";
  public static final String PERIOD_START = "period_start";
  public static final String PERIOD_END = "period_end";
  public static final String CLICK_RATE = "click_rate";
  public static final String CONVERSION_RATE = "conversion_rate";
  public static final String AFFILIATE_ACCOUNT = "affiliate_account";
  public static final String AFFILIATE_HANDLE = "affiliate_handle";
  public static final String PAID_AMOUNT = "paid_amount";
  public static final String COMMISSION_RATE = "commission_rate";
  public static final String ESTIMATED_COMMISSION = "estimated_commission";
  public static final String SETTLED_AMOUNT = "settled_amount";
  public static final String ACTUAL_COMMISSION = "actual_commission";
  public static final String RECEIVED_AT = "received_at";
  public static final String SETTLED_AT = "settled_at";
  public static final String ORDER_SOURCE = "order_source";
  public static final String SERVICE_FEE = "service_fee";
  public static final String INSTITUTION = "institution";
  public static final String AFTER_SALE_ID = "after_sale_id";
  public static final String TYPE = "type";
  public static final String REFUND_AMOUNT = "refund_amount";
  public static final String APPLIED_AT = "applied_at";
  public static final String EXPRESS_REFUND = "express_refund";
  public static final String REFUND_METHOD = "refund_method";
  public static final String ARBITRATION_STATUS = "arbitration_status";
  public static final String LIABLE_PARTY = "liable_party";
  public static final String RETURN_TRACKING = "return_tracking";
  public static final String FINISHED_AT = "finished_at";
  public static final String MESSAGES = "messages";
  public static final String LAST_CHAT_AT = "last_chat_at";
  public static final String CARRIER = "carrier";
  public static final String AVERAGE_ORDER_VALUE = "average_order_value";
  public static final String REFUND_RATE = "refund_rate";
  public static final String CHANNEL = "channel";
  public static final String SUB_CHANNEL = "sub_channel";
  public static final String ORDER_TOTAL = "order_total";
  public static final String BUYER_PAID = "buyer_paid";
  public static final String PLATFORM_FEE = "platform_fee";
  public static final String COMMISSION = "commission";
  public static final String INCOME_TOTAL = "income_total";
  public static final String EXPENSE_TOTAL = "expense_total";
}
