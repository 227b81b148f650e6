package app.rebound.report;

/** Every word the charts draw, in Chinese and English: the one table to translate. */
enum Label {
  DATE("日期", "Date"),
  ACTUAL("实际", "Actual"),
  EXPECTED("无删除时的预期", "Expected without the deletion"),
  BAND_NOTE("受影响商品合计；阴影为 95% 区间", "Affected products combined; shaded: 95% interval"),
  PRODUCT_BAND_NOTE("阴影为 95% 区间", "Shaded: 95% interval"),
  CUMULATIVE_NOTE("自删除起，实际比预期少了多少", "How far actual fell short of expected since the deletion"),
  DELETION("删除", "Deleted"),
  FIRST_DELETION("首次删除", "First deletion"),

  VISITORS_TITLE("访客数：实际与无删除时的预期", "Visitors: actual vs expected without the deletion"),
  IMPRESSIONS_TITLE("曝光量：实际与无删除时的预期", "Impressions: actual vs expected without the deletion"),
  BUYERS_TITLE("成交买家数：实际与无删除时的预期", "Buyers: actual vs expected without the deletion"),
  GMV_TITLE("成交金额：实际与无删除时的预期", "GMV: actual vs expected without the deletion"),
  VISITORS_CUMULATIVE_TITLE("删除以来累计损失的访客", "Visitors lost since the deletion, cumulative"),
  GMV_CUMULATIVE_TITLE("删除以来累计损失的成交金额", "GMV lost since the deletion, cumulative"),
  PRODUCT_VISITORS_TITLE("%s：访客数", "%s: visitors"),
  PRODUCT_GMV_TITLE("%s：成交金额", "%s: GMV"),

  VISITORS_AXIS("访客数", "Visitors"),
  IMPRESSIONS_AXIS("曝光量", "Impressions"),
  BUYERS_AXIS("买家数", "Buyers"),
  GMV_AXIS("成交金额（¥）", "GMV (¥)"),
  LOST_VISITORS("累计损失访客", "Visitors lost"),
  LOST_GMV("累计损失金额", "GMV lost"),
  LOST_VISITORS_AXIS("累计损失访客数", "Visitors lost, cumulative"),
  LOST_GMV_AXIS("累计损失金额（¥）", "GMV lost, cumulative (¥)"),

  AFFECTED("受影响商品", "Affected products"),
  UNAFFECTED("未受影响商品", "Unaffected products"),
  WHOLE_SHOP("全店", "Whole shop"),
  TRUST_RATING_TITLE("平均评分（每周）", "Average rating per week"),
  TRUST_RATING_AXIS("星级", "Stars"),
  TRUST_DOUBTFUL_TITLE("质疑销量真实性的评价（每天）", "Reviews doubting the sales, per day"),
  TRUST_DOUBTFUL_AXIS("评价数", "Reviews"),
  TRUST_REFUND_TITLE("退款率（每周）", "Refund rate per week"),
  TRUST_REFUND_AXIS("退款率", "Refund rate"),
  SHOP_SCORE_TITLE("店铺体验分", "Shop experience score"),
  SHOP_SCORE_AXIS("体验分", "Score"),
  COMPLAINTS_TITLE("每天投诉数", "Complaints per day"),
  COMPLAINTS_AXIS("投诉数", "Complaints"),
  PARTNERS_ACTIVE_TITLE("每个商品的活跃达人数（每天）", "Active affiliates per product, per day"),
  PARTNERS_ACTIVE_AXIS("达人数", "Affiliates"),
  PARTNERS_CANCELLED_TITLE("达人取消合作（每天）", "Affiliate cancellations per day"),
  PARTNERS_CANCELLED_AXIS("取消次数", "Cancellations"),
  AFFILIATE_GMV_TITLE("达人带货成交金额（每天）", "Affiliate GMV per day"),
  AFFILIATE_GMV_AXIS("成交金额（¥）", "GMV (¥)"),

  DELETIONS_TITLE("销量删除批次", "Sales deletions by batch"),
  DELETIONS_NOTE("按可能原因着色", "Coloured by likely cause"),
  DELETIONS_AXIS("被删除订单数", "Orders deleted"),
  CAUSE_SYSTEM_ERROR("系统误判", "system error"),
  CAUSE_MALICIOUS_REPORT("恶意举报", "malicious report"),
  CAUSE_VIOLATION("违规", "violation"),
  CAUSE_UNKNOWN("原因不明", "cause unknown");

  private final String zh;
  private final String en;

  Label(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  String zh() {
    return zh;
  }

  String en() {
    return en;
  }
}
