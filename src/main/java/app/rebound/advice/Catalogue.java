package app.rebound.advice;

import java.util.Map;

/** The actions a merchant can take, with their effort and what doing them means, in zh and en. */
final class Catalogue {

  static final String APPEAL = "appeal";
  static final String LISTING = "listing";
  static final String PROMOTION = "promotion";
  static final String INTERACTION = "interaction";
  static final String CUSTOMER_SERVICE = "customer_service";
  static final String AFFILIATE = "affiliate";
  static final String MONITORING = "monitoring";
  static final String COMPLIANCE = "compliance";

  record Entry(String effort, String zh, String en) {
    String text(boolean zh) {
      return zh ? this.zh : this.en;
    }
  }

  private static final Map<String, Entry> ENTRIES =
      Map.of(
          APPEAL,
              new Entry(
                  "medium",
                  "申诉恢复被删除的销量：逐单核对原因，准备订单详情、飞鸽聊天、物流和签收凭证，在违规管理 → 可申诉提交",
                  "Appeal to restore the deleted sales: check each order's cause, gather order details, 飞鸽 chats, "
                      + "waybills and signed receipts, and submit under 违规管理 → 可申诉"),
          LISTING,
              new Entry(
                  "medium",
                  "优化受影响商品的主图、标题、详情页和规格，提升点击率和曝光",
                  "Rework the affected products' main images, title, detail page and specs to win back click-through "
                      + "and exposure"),
          PROMOTION,
              new Entry(
                  "low",
                  "为受影响商品设置限时折扣、组合套餐和优惠券，拉回转化",
                  "Run limited-time discounts, bundles and coupons on the affected products to win back conversion"),
          INTERACTION,
              new Entry(
                  "high",
                  "发布短视频、开直播，及时回复评论和质疑销量的评价",
                  "Post short videos, go live, and reply to comments and to reviews that doubt the sales"),
          CUSTOMER_SERVICE,
              new Entry(
                  "medium",
                  "缩短客服响应时间，主动处理售后，对近期买家做回访",
                  "Answer faster, handle after-sales proactively and follow up with recent buyers"),
          AFFILIATE,
              new Entry(
                  "medium",
                  "在精选联盟重新联系达人：寄样、提高佣金、邀请合作",
                  "Reach out to affiliates in 精选联盟 again: send samples, raise the commission, invite cooperation"),
          MONITORING,
              new Entry(
                  "low",
                  "为销量和流量的异常变化设置提醒，第一时间发现新的删除",
                  "Set alerts on sudden changes in sales counts and traffic to catch the next deletion at once"),
          COMPLIANCE,
              new Entry(
                  "medium",
                  "整改疑似真实违规的订单：停止相关做法（自买、返现、异常改价、空包），并告知员工和合作方",
                  "Clean up where a batch looks like a real violation: stop the practice (own-account buying, cashback, "
                      + "abnormal price edits, empty parcels) and brief staff and partners"));

  private Catalogue() {}

  static Entry get(String id) {
    Entry e = ENTRIES.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no action " + id);
    }
    return e;
  }
}
