package app.rebound.ingest;

import static app.rebound.ingest.Field.optional;
import static app.rebound.ingest.Field.required;
import static app.rebound.ingest.ValueType.*;

import app.rebound.Codes;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of Douyin shop export Rebound reads, recognised by their header row (never by file
 * name). Column names and aliases follow shared/docs/douyin-exports.md; the canonical names are
 * what every pipeline sees.
 */
public enum FileKind {
  ORDERS(
      "orders",
      "订单明细",
      "Orders",
      List.of(ColumnNames.SUB_ORDER_ID),
      List.of(
          optional(
                  ColumnNames.ORDER_ID,
                  ID,
                  "主订单编号",
                  "订单编号",
                  "订单号",
                  "order_id",
                  "main_order_id",
                  "parent_order_id")
              .costs(Problem.ORDERS_NO_ORDER_ID),
          required(
              ColumnNames.SUB_ORDER_ID,
              ID,
              "子订单编号",
              "子订单号",
              "sub_order_id",
              "suborder_id",
              "order_item_id"),
          optional(
              ColumnNames.PRODUCT_NAME,
              TEXT,
              "选购商品",
              "商品名称",
              "商品标题",
              "product_name",
              "product_title"),
          optional(ColumnNames.SKU_SPEC, TEXT, "商品规格", "规格", "sku_spec", "sku"),
          optional(ColumnNames.QUANTITY, INTEGER, "商品数量", "购买数量", "数量", "quantity", "qty")
              .costs(Problem.ORDERS_NO_QUANTITY),
          // Required although custom exports can leave it out: every per-product figure joins the
          // orders to the deletions, 罗盘 traffic and reviews by 商品ID. A stand-in key from 选购商品
          // would join none of them, and one name can cover two products or change with an edit,
          // so such a file is refused saying to export 商品ID (Problem.FILE_ORDERS_NO_PRODUCT_ID).
          required(ColumnNames.PRODUCT_ID, ID, "商品ID", "商品编号", "product_id"),
          optional(ColumnNames.MERCHANT_CODE, TEXT, "商家编码", "merchant_code", "outer_id"),
          // 商品金额 is the unit price too (newer export templates), not a line total.
          optional(ColumnNames.UNIT_PRICE, MONEY, "商品单价", "商品金额", "单价", "unit_price", "price"),
          // Kept so stored shops keep their columns; 商品金额, once read here, is the unit price.
          optional(ColumnNames.ITEM_AMOUNT, MONEY, "item_amount"),
          optional(
                  ColumnNames.PAYABLE_AMOUNT,
                  MONEY,
                  "订单应付金额",
                  "应付金额",
                  "实付金额",
                  "支付金额",
                  "payable_amount",
                  "paid_amount",
                  "amount")
              .costs(Problem.ORDERS_NO_PAYABLE_AMOUNT),
          optional(ColumnNames.SHIPPING_FEE, MONEY, "运费", "shipping_fee", "freight"),
          required(
                  ColumnNames.SUBMITTED_AT,
                  DATETIME,
                  "订单提交时间",
                  "下单时间",
                  "创建时间",
                  "submitted_at",
                  "created_at",
                  "order_time")
              // One time is enough: a custom export with 支付完成时间 alone dates orders by payment.
              .orElse(ColumnNames.PAID_AT)
              .costs(Problem.ORDERS_NO_SUBMITTED_AT),
          optional(ColumnNames.PAID_AT, DATETIME, "支付完成时间", "支付时间", "paid_at", "pay_time")
              .costs(Problem.ORDERS_NO_PAID_AT),
          optional(ColumnNames.SHIPPED_AT, DATETIME, "发货时间", "shipped_at", "ship_time"),
          optional(
              ColumnNames.COMPLETED_AT, DATETIME, "订单完成时间", "完成时间", "completed_at", "finish_time"),
          optional(ColumnNames.ORDER_STATUS, TEXT, "订单状态", "order_status", "status")
              .costs(Problem.ORDERS_NO_ORDER_STATUS),
          optional(
                  ColumnNames.AFTER_SALE_STATUS, TEXT, "售后状态", "after_sale_status", "refund_status")
              .costs(Problem.ORDERS_NO_AFTER_SALE_STATUS),
          optional(ColumnNames.CANCEL_REASON, TEXT, "取消原因", "cancel_reason"),
          optional(ColumnNames.AFFILIATE_ID, ID, "达人ID", "作者ID", "affiliate_id", "author_id")
              .costs(Problem.ORDERS_NO_AFFILIATE_ID),
          optional(
              ColumnNames.AFFILIATE_NAME, TEXT, "达人昵称", "作者昵称", "affiliate_name", "author_name"),
          optional(ColumnNames.TRAFFIC_SOURCE, TEXT, "流量来源", "traffic_source"),
          optional(ColumnNames.TRAFFIC_CHANNEL, TEXT, "流量渠道", "traffic_channel"),
          optional(ColumnNames.TRAFFIC_FORMAT, TEXT, "流量体裁", "traffic_format"),
          optional(ColumnNames.TRAFFIC_TYPE, TEXT, "流量类型", "traffic_type"),
          optional(ColumnNames.LOGISTICS, TEXT, "快递信息", "物流信息", "logistics", "tracking")
              .costs(Problem.ORDERS_NO_LOGISTICS),
          optional(ColumnNames.PROVINCE, TEXT, "省", "省份", "province"),
          optional(ColumnNames.CITY, TEXT, "市", "城市", "city"),
          optional(ColumnNames.BUYER_NOTE, TEXT, "买家留言", "buyer_note"),
          optional(ColumnNames.MERCHANT_NOTE, TEXT, "商家备注", "merchant_note"),
          optional(ColumnNames.PLATFORM_DISCOUNT, MONEY, "平台实际承担优惠金额", "平台优惠", "platform_discount")
              .signed(),
          optional(ColumnNames.MERCHANT_DISCOUNT, MONEY, "商家实际承担优惠金额", "商家优惠", "merchant_discount")
              .signed(),
          optional(
                  ColumnNames.AFFILIATE_DISCOUNT, MONEY, "达人实际承担优惠金额", "达人优惠", "affiliate_discount")
              .signed(),
          optional(
              ColumnNames.SALES_DELETED,
              FLAG,
              "是否删除销量",
              "销量已删除",
              "销量删除",
              "是否扣除销量",
              "sales_deleted",
              "deleted"),
          optional(ColumnNames.NOTICE_ID, ID, "违规单号", "违规编号", "notice_id", "violation_id"))),

  DELETIONS(
      "deletions",
      "销量删除记录",
      "Sales deletions",
      List.of(ColumnNames.SUB_ORDER_ID),
      List.of(
          required(
              ColumnNames.SUB_ORDER_ID,
              ID,
              "子订单编号",
              "子订单号",
              "sub_order_id",
              "suborder_id",
              "order_item_id"),
          optional(ColumnNames.ORDER_ID, ID, "主订单编号", "订单编号", "订单号", "order_id", "main_order_id"),
          optional(ColumnNames.PRODUCT_ID, ID, "商品ID", "商品编号", "product_id"),
          required(
              ColumnNames.PROCESSED_AT,
              DATETIME,
              "处理时间",
              "删除时间",
              "扣除时间",
              "processed_at",
              "deleted_at"),
          optional(ColumnNames.REASON, TEXT, "处理原因", "删除原因", "reason"),
          optional(
              ColumnNames.NOTICE_ID, ID, "违规单号", "违规编号", "通知单号", "notice_id", "violation_id"))),

  TRAFFIC(
      "traffic",
      "商品流量",
      "Product traffic",
      List.of(ColumnNames.DATE, ColumnNames.PRODUCT_ID),
      List.of(
          required(ColumnNames.DATE, DATE, "日期", "统计日期", "date"),
          required(ColumnNames.PRODUCT_ID, ID, "商品ID", "商品编号", "product_id"),
          optional(ColumnNames.PRODUCT_NAME, TEXT, "商品名称", "商品标题", "product_name"),
          required(
              ColumnNames.IMPRESSIONS,
              INTEGER,
              "商品曝光人数",
              "商品卡曝光人数",
              "曝光人数",
              "impressions",
              "exposure_users"),
          required(
              ColumnNames.VISITORS,
              INTEGER,
              "商品点击人数",
              "商品卡点击人数",
              "点击人数",
              "visitors",
              "click_users"),
          optional(ColumnNames.BUYERS, INTEGER, "成交人数", "商品卡成交人数", "buyers"),
          optional(ColumnNames.PAID_ORDERS, INTEGER, "成交订单数", "商品卡成交订单数", "paid_orders"),
          optional(ColumnNames.GMV, MONEY, "成交金额", "商品卡用户支付金额", "用户支付金额", "gmv"),
          optional(ColumnNames.IMPRESSION_COUNT, INTEGER, "商品卡曝光次数", "曝光次数", "impression_count"),
          optional(ColumnNames.CLICK_COUNT, INTEGER, "商品卡点击次数", "点击次数", "click_count"),
          optional(ColumnNames.ADD_TO_CART, INTEGER, "商品卡加购人数", "加购人数", "add_to_cart"),
          optional(ColumnNames.FAVORITES, INTEGER, "商品卡收藏人数", "收藏人数", "favorites"))),

  REVIEWS(
      "reviews",
      "评价",
      "Reviews",
      List.of(ColumnNames.SUB_ORDER_ID, ColumnNames.PRODUCT_ID, ColumnNames.REVIEWED_AT),
      List.of(
          required(ColumnNames.REVIEWED_AT, DATETIME, "评价时间", "reviewed_at", "review_time"),
          optional(ColumnNames.SUB_ORDER_ID, ID, "子订单编号", "子订单号", "订单编号", "sub_order_id"),
          required(ColumnNames.PRODUCT_ID, ID, "商品ID", "商品编号", "product_id"),
          required(ColumnNames.RATING, INTEGER, "商品评分", "评分", "评价星级", "rating", "stars")
              .between(1, 5),
          optional(ColumnNames.CONTENT, TEXT, "评价内容", "内容", "content", "review_text"))),

  SHOP_SCORES(
      "shop_scores",
      "店铺体验分",
      "Shop scores",
      List.of(ColumnNames.DATE),
      List.of(
          required(ColumnNames.DATE, DATE, "日期", "统计日期", "date"),
          required(
              ColumnNames.EXPERIENCE_SCORE,
              DECIMAL,
              "店铺体验分",
              "体验分",
              "experience_score",
              "shop_score"),
          optional(ColumnNames.COMPLAINTS, INTEGER, "投诉量", "投诉数", "complaints"))),

  AFFILIATES(
      "affiliates",
      "达人合作",
      "Affiliate cooperation",
      List.of(ColumnNames.DATE, ColumnNames.AFFILIATE_ID, ColumnNames.PRODUCT_ID),
      List.of(
          required(ColumnNames.DATE, DATE, "日期", "合作日期", "date"),
          required(ColumnNames.AFFILIATE_ID, ID, "达人ID", "作者ID", "affiliate_id", "author_id"),
          optional(ColumnNames.AFFILIATE_NAME, TEXT, "达人昵称", "作者昵称", "affiliate_name"),
          required(ColumnNames.PRODUCT_ID, ID, "商品ID", "商品编号", "product_id"),
          required(ColumnNames.STATUS, TEXT, "合作状态", "状态", "status", "cooperation_status"))),

  /**
   * A 罗盘 商品卡列表数据 export covering several days: totals over the period its file name states (周期开始
   * and 周期结束 come from the name), kept apart from the daily series.
   */
  TRAFFIC_PERIODS(
      "traffic_periods",
      "商品卡列表数据（多日）",
      "Product cards over a period",
      List.of(ColumnNames.PERIOD_START, ColumnNames.PERIOD_END, ColumnNames.PRODUCT_ID),
      List.of(
          required(ColumnNames.PERIOD_START, DATE, "周期开始", "period_start"),
          required(ColumnNames.PERIOD_END, DATE, "周期结束", "period_end"),
          required(ColumnNames.PRODUCT_ID, ID, "商品ID", "商品编号", "product_id"),
          optional(ColumnNames.PRODUCT_NAME, TEXT, "商品标题", "商品名称", "product_name"),
          required(ColumnNames.IMPRESSIONS, INTEGER, "商品卡曝光人数", "商品曝光人数", "曝光人数", "impressions"),
          required(ColumnNames.VISITORS, INTEGER, "商品卡点击人数", "商品点击人数", "点击人数", "visitors"),
          optional(ColumnNames.BUYERS, INTEGER, "商品卡成交人数", "成交人数", "buyers"),
          optional(ColumnNames.PAID_ORDERS, INTEGER, "商品卡成交订单数", "成交订单数", "paid_orders"),
          optional(ColumnNames.GMV, MONEY, "商品卡用户支付金额", "用户支付金额", "成交金额", "gmv"),
          optional(ColumnNames.IMPRESSION_COUNT, INTEGER, "商品卡曝光次数", "曝光次数", "impression_count"),
          optional(ColumnNames.CLICK_COUNT, INTEGER, "商品卡点击次数", "点击次数", "click_count"),
          optional(ColumnNames.CLICK_RATE, DECIMAL, "商品卡点击率(人数)", "点击率(人数)", "click_rate"),
          optional(
              ColumnNames.CONVERSION_RATE,
              DECIMAL,
              "商品卡点击-成交转化率(人数)",
              "点击-成交转化率(人数)",
              "点击-成交转化率(人数",
              "conversion_rate"),
          optional(ColumnNames.ADD_TO_CART, INTEGER, "商品卡加购人数", "加购人数", "add_to_cart"),
          optional(ColumnNames.FAVORITES, INTEGER, "商品卡收藏人数", "收藏人数", "favorites"))),

  /**
   * 精选联盟 commission orders (精选联盟订单明细.xlsx): one row per affiliate-sold sub-order, 订单id being the
   * 子订单编号. The affiliate source merchants really have: who sold what, when, for how much.
   */
  COMMISSIONS(
      "commissions",
      "精选联盟订单明细",
      "Affiliate commission orders",
      List.of(ColumnNames.SUB_ORDER_ID),
      List.of(
          required(ColumnNames.SUB_ORDER_ID, ID, "订单id", "订单ID", "子订单编号", "sub_order_id"),
          optional(ColumnNames.PRODUCT_ID, ID, "商品id", "商品ID", "product_id"),
          optional(ColumnNames.PRODUCT_NAME, TEXT, "商品名称", "product_name"),
          required(ColumnNames.AFFILIATE_ACCOUNT, TEXT, "作者账号", "达人账号", "affiliate_account"),
          optional(ColumnNames.AFFILIATE_HANDLE, TEXT, "抖音/火山号", "抖音号", "affiliate_handle"),
          required(ColumnNames.PAID_AMOUNT, MONEY, "支付金额", "paid_amount"),
          optional(ColumnNames.COMMISSION_RATE, DECIMAL, "佣金率", "commission_rate"),
          optional(ColumnNames.ESTIMATED_COMMISSION, MONEY, "预估佣金支出", "estimated_commission"),
          optional(ColumnNames.SETTLED_AMOUNT, MONEY, "结算金额", "settled_amount"),
          optional(ColumnNames.ACTUAL_COMMISSION, MONEY, "实际佣金支出", "actual_commission"),
          optional(ColumnNames.STATUS, TEXT, "订单状态", "status"),
          required(ColumnNames.PAID_AT, DATETIME, "付款时间", "支付时间", "paid_at"),
          optional(ColumnNames.RECEIVED_AT, DATETIME, "收货时间", "received_at"),
          optional(ColumnNames.SETTLED_AT, DATETIME, "订单结算时间", "结算时间", "settled_at"),
          optional(ColumnNames.QUANTITY, INTEGER, "商品数量", "quantity"),
          optional(ColumnNames.ORDER_SOURCE, TEXT, "订单来源", "order_source"),
          optional(ColumnNames.TRAFFIC_SOURCE, TEXT, "流量来源", "traffic_source"),
          optional(ColumnNames.SERVICE_FEE, MONEY, "预估服务费收入", "service_fee"),
          optional(ColumnNames.INSTITUTION, TEXT, "出单机构", "institution"))),

  /**
   * 售后列表 after-sales records: one row per after-sale request, keyed by the sub-order (商品单号 = 子订单编号)
   * and the moment it was applied for, so a second request on one order is its own row and a later
   * export of the same request updates its status.
   */
  AFTER_SALES(
      "after_sales",
      "售后列表",
      "After-sales",
      List.of(ColumnNames.SUB_ORDER_ID, ColumnNames.APPLIED_AT),
      List.of(
          required(ColumnNames.SUB_ORDER_ID, ID, "商品单号", "子订单编号", "sub_order_id"),
          optional(ColumnNames.AFTER_SALE_ID, ID, "售后单号", "after_sale_id"),
          optional(ColumnNames.ORDER_ID, ID, "订单号", "主订单编号", "order_id"),
          optional(ColumnNames.PRODUCT_ID, ID, "商品ID", "product_id"),
          optional(ColumnNames.PRODUCT_NAME, TEXT, "商品名称", "product_name"),
          optional(ColumnNames.PAYABLE_AMOUNT, MONEY, "应付金额", "payable_amount"),
          optional(ColumnNames.TYPE, TEXT, "售后类型", "type"),
          optional(ColumnNames.REFUND_AMOUNT, MONEY, "退商品金额", "退款金额", "refund_amount"),
          required(ColumnNames.STATUS, TEXT, "售后状态", "status"),
          required(ColumnNames.APPLIED_AT, DATETIME, "售后申请时间", "申请时间", "applied_at"),
          optional(ColumnNames.EXPRESS_REFUND, FLAG, "是否极速退款", "极速退款", "express_refund"),
          optional(ColumnNames.REFUND_METHOD, TEXT, "退款方式", "refund_method"),
          optional(ColumnNames.REASON, TEXT, "售后原因", "reason"),
          optional(ColumnNames.ARBITRATION_STATUS, TEXT, "仲裁状态", "arbitration_status"),
          optional(ColumnNames.LIABLE_PARTY, TEXT, "纠纷责任方", "liable_party"),
          optional(ColumnNames.RETURN_TRACKING, TEXT, "退货物流单号", "return_tracking"),
          optional(ColumnNames.FINISHED_AT, DATETIME, "售后完结时间", "finished_at"))),

  CHATS(
      "chats",
      "客服聊天记录",
      "Customer-service chats",
      List.of(ColumnNames.SUB_ORDER_ID),
      List.of(
          required(ColumnNames.SUB_ORDER_ID, ID, "子订单编号", "子订单号", "订单编号", "sub_order_id"),
          required(ColumnNames.MESSAGES, INTEGER, "会话消息数", "消息数", "messages", "message_count"),
          optional(ColumnNames.LAST_CHAT_AT, DATETIME, "最近会话时间", "最后会话时间", "last_chat_at"))),

  /**
   * Sheet 商品构成 of the 罗盘 成交分析 workbook: per day, product and 载体类型 (live room, short video, product
   * card …) the money paid and the conversion; no exposure. A 全部 row is a total and is dropped
   * ({@link #totalRow}).
   */
  DEAL_PRODUCTS(
      "deal_products",
      "成交分析·商品构成",
      "Deal analysis: products",
      List.of(ColumnNames.DATE, ColumnNames.PRODUCT_ID, ColumnNames.CARRIER),
      List.of(
          required(ColumnNames.DATE, DATE, "日期", "统计日期", "date"),
          optional(ColumnNames.PRODUCT_NAME, TEXT, "商品名称", "商品标题", "product_name"),
          required(ColumnNames.PRODUCT_ID, ID, "商品编号", "商品ID", "product_id"),
          required(ColumnNames.CARRIER, TEXT, "载体类型", "载体", "carrier"),
          required(ColumnNames.GMV, MONEY, "用户支付金额", "成交金额", "gmv"),
          optional(ColumnNames.AVERAGE_ORDER_VALUE, MONEY, "成交笔单价", "笔单价", "average_order_value"),
          optional(
              ColumnNames.CONVERSION_RATE,
              DECIMAL,
              "商品点击-成交转化率(次数)",
              "商品点击-成交转化率(次数",
              "点击-成交转化率(次数)",
              "点击-成交转化率(次数",
              "conversion_rate"),
          optional(ColumnNames.REFUND_AMOUNT, MONEY, "退款金额", "refund_amount"),
          optional(
              ColumnNames.REFUND_RATE, DECIMAL, "退款率(支付时间)", "退款率(支付时间", "退款率", "refund_rate"))),

  /**
   * Sheet 成交概览 of the 罗盘 成交分析 workbook: the whole shop's exposure, clicks and GMV per day and 载体类型.
   * Its 全部 row is the period total and is dropped ({@link #totalRow}).
   */
  DEAL_OVERVIEW(
      "deal_overview",
      "成交分析·成交概览",
      "Deal analysis: overview",
      List.of(ColumnNames.DATE, ColumnNames.CARRIER),
      List.of(
          required(ColumnNames.DATE, DATE, "日期", "统计日期", "date"),
          required(ColumnNames.CARRIER, TEXT, "载体类型", "载体", "carrier"),
          required(ColumnNames.IMPRESSIONS, INTEGER, "商品曝光人数", "曝光人数", "impressions"),
          required(ColumnNames.VISITORS, INTEGER, "商品点击人数", "点击人数", "visitors"),
          optional(
              ColumnNames.CLICK_RATE,
              DECIMAL,
              "商品曝光-点击转化率(人数)",
              "商品曝光-点击转化率(人数",
              "曝光-点击转化率(人数)",
              "click_rate"),
          optional(
              ColumnNames.CONVERSION_RATE,
              DECIMAL,
              "商品点击-成交转化率(人数)",
              "商品点击-成交转化率(人数",
              "点击-成交转化率(人数)",
              "conversion_rate"),
          optional(ColumnNames.GMV, MONEY, "成交金额", "用户支付金额", "gmv"),
          optional(
              ColumnNames.REFUND_RATE, DECIMAL, "退款率(支付时间)", "退款率(支付时间", "退款率", "refund_rate"))),

  /**
   * 罗盘 商品卡流量分析流量来源数据: the product cards' exposure, clicks and sales per channel over the period in
   * the file name (周期开始, 周期结束 come from the name, even for one day: a snapshot has no product and
   * never joins the daily series).
   */
  TRAFFIC_SOURCES(
      "traffic_sources",
      "商品卡流量来源",
      "Product-card traffic sources",
      List.of(
          ColumnNames.PERIOD_START,
          ColumnNames.PERIOD_END,
          ColumnNames.CHANNEL,
          ColumnNames.SUB_CHANNEL),
      List.of(
          required(ColumnNames.PERIOD_START, DATE, "周期开始", "period_start"),
          required(ColumnNames.PERIOD_END, DATE, "周期结束", "period_end"),
          required(ColumnNames.CHANNEL, TEXT, "一级渠道", "渠道", "channel"),
          optional(ColumnNames.SUB_CHANNEL, TEXT, "二级渠道", "sub_channel"),
          required(ColumnNames.IMPRESSIONS, INTEGER, "商品卡曝光人数", "曝光人数", "impressions"),
          required(ColumnNames.VISITORS, INTEGER, "商品卡点击人数", "点击人数", "visitors"),
          optional(ColumnNames.CLICK_RATE, DECIMAL, "商品卡点击率", "商品卡点击率(人数)", "点击率", "click_rate"),
          optional(ColumnNames.GMV, MONEY, "用户支付金额", "商品卡用户支付金额", "成交金额", "gmv"),
          optional(ColumnNames.BUYERS, INTEGER, "成交人数", "商品卡成交人数", "buyers"),
          optional(
              ColumnNames.CONVERSION_RATE,
              DECIMAL,
              "点击-成交转化率",
              "点击-成交转化率(人数)",
              "商品卡点击-成交转化率(人数)",
              "conversion_rate"))),

  /**
   * 结算账单 (资金 · 结算账单 → 导出): one row per settlement of a sub-order, the money the shop was paid after
   * fees. Keyed by the sub-order and 结算时间: a sub-order can settle more than once (a later
   * adjustment or refund deduction has a time of its own), and the same settlement in an
   * overlapping export replaces itself instead of adding up. The CSV puts a title line (account and
   * period) above the header, which the reader skips and reports.
   */
  SETTLEMENTS(
      "settlements",
      "结算账单",
      "Settlements",
      List.of(ColumnNames.SUB_ORDER_ID, ColumnNames.SETTLED_AT),
      List.of(
          required(ColumnNames.SETTLED_AT, DATETIME, "结算时间", "settled_at"),
          optional(ColumnNames.ORDER_ID, ID, "订单号", "主订单编号", "order_id"),
          required(ColumnNames.SUB_ORDER_ID, ID, "子订单号", "子订单编号", "sub_order_id"),
          // Net of fees, and negative for a deduction after a refund.
          required(ColumnNames.SETTLED_AMOUNT, MONEY, "结算金额", "settled_amount").signed(),
          optional(ColumnNames.PRODUCT_ID, ID, "商品ID", "product_id"),
          optional(ColumnNames.QUANTITY, INTEGER, "商品数量", "quantity"),
          optional(ColumnNames.ORDER_TOTAL, MONEY, "订单总价", "order_total"),
          optional(ColumnNames.BUYER_PAID, MONEY, "用户实付", "buyer_paid"),
          optional(ColumnNames.PLATFORM_FEE, MONEY, "平台服务费", "platform_fee").signed(),
          optional(ColumnNames.COMMISSION, MONEY, "佣金", "commission").signed(),
          optional(ColumnNames.INCOME_TOTAL, MONEY, "收入合计", "income_total").signed(),
          optional(ColumnNames.EXPENSE_TOTAL, MONEY, "支出合计", "expense_total").signed()));

  /** The words a 罗盘 total row writes where a day or a 载体类型 would be. */
  private static final Set<String> TOTAL_MARKERS = Set.of("全部", "合计", "总计");

  private final String id;
  private final String zhName;
  private final String enName;
  private final List<String> keyFields;
  private final List<Field> fields;

  FileKind(String id, String zhName, String enName, List<String> keyFields, List<Field> fields) {
    this.id = id;
    this.zhName = zhName;
    this.enName = enName;
    this.keyFields = keyFields;
    this.fields = fields;
  }

  /** The name used in reports and JSON, e.g. "orders". */
  public String id() {
    return id;
  }

  public String zhName() {
    return zhName;
  }

  /** The file a "not measured" reason asks the merchant to upload: "订单明细.csv". */
  public String csvName() {
    return zhName + ".csv";
  }

  public String enName() {
    return enName;
  }

  /** The columns that identify a row: a newer row with the same key replaces the stored one. */
  public List<String> keyFields() {
    return keyFields;
  }

  public List<Field> fields() {
    return fields;
  }

  public List<Field> requiredFields() {
    return fields.stream().filter(Field::required).toList();
  }

  public Optional<Field> field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * True for a row of a 成交分析 sheet that holds a total (日期 or 载体类型 reading 全部): the days are summed
   * from their own rows, so such a row is dropped and counted, never read as a day.
   */
  public boolean totalRow(String day, String carrier) {
    return (this == DEAL_OVERVIEW || this == DEAL_PRODUCTS)
        && (TOTAL_MARKERS.contains(day) || TOTAL_MARKERS.contains(carrier));
  }

  public static Optional<FileKind> byId(String id) {
    return Codes.find(values(), FileKind::id, id);
  }
}
