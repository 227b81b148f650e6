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

  /**
   * @param zh what doing the action means
   * @param checkZh the follow-up week's step: the measures the action is meant to move, checked
   *     against the days before it started; %s stands for its products
   */
  record Entry(String effort, String zh, String en, String checkZh, String checkEn) {
    String text(boolean zh) {
      return zh ? this.zh : this.en;
    }

    String check(boolean zh) {
      return zh ? checkZh : checkEn;
    }
  }

  private static final Map<String, Entry> ENTRIES =
      Map.of(
          APPEAL,
              new Entry(
                  "medium",
                  "申诉恢复被删除的销量：逐单核对原因，准备订单详情、飞鸽聊天、物流和签收凭证，在违规管理 → 可申诉提交",
                  "Appeal to restore the deleted sales: check each order's cause, gather order details, 飞鸽 chats, "
                      + "waybills and signed receipts, and submit under 违规管理 → 可申诉",
                  "检查申诉结果：%s的销量是否已恢复显示",
                  "Check the appeal's result: does the sales count of %s show again"),
          LISTING,
              new Entry(
                  "medium",
                  "优化受影响商品的主图、标题、详情页和规格，提升点击率和曝光",
                  "Rework the affected products' main images, title, detail page and specs to win back click-through "
                      + "and exposure",
                  "检查%s的点击率和曝光是否回升（与开始前比）；不回升则调整或停止",
                  "Check whether click-through and exposure of %s are back up against the days before the start; if not, adjust or stop"),
          PROMOTION,
              new Entry(
                  "low",
                  "为受影响商品设置限时折扣、组合套餐和优惠券，拉回转化",
                  "Run limited-time discounts, bundles and coupons on the affected products to win back conversion",
                  "检查%s的转化率和买家数是否回升（与开始前比）；不回升则调整或停止",
                  "Check whether conversion and buyers of %s are back up against the days before the start; if not, adjust or stop"),
          INTERACTION,
              new Entry(
                  "high",
                  "发布短视频、开直播，及时回复评论和质疑销量的评价",
                  "Post short videos, go live, and reply to comments and to reviews that doubt the sales",
                  "检查%s的曝光是否回升、质疑销量的评价是否减少（与开始前比）；没有则调整或停止",
                  "Check whether exposure of %s is back up and reviews doubting the sales are fewer than before the start; if not, adjust or stop"),
          CUSTOMER_SERVICE,
              new Entry(
                  "medium",
                  "缩短客服响应时间，主动处理售后，对近期买家做回访",
                  "Answer faster, handle after-sales proactively and follow up with recent buyers",
                  "检查%s的评分、退款率和店铺体验分是否好转（与开始前比）；没有则调整或停止",
                  "Check whether ratings, refund rate and the shop experience score of %s are better than before the start; if not, adjust or stop"),
          AFFILIATE,
              new Entry(
                  "medium",
                  "在精选联盟重新联系达人：寄样、提高佣金、邀请合作",
                  "Reach out to affiliates in 精选联盟 again: send samples, raise the commission, invite cooperation",
                  "检查%s的出单达人数和达人成交额是否回升（与开始前比）；没有则调整邀约和佣金",
                  "Check whether affiliates selling %s and their GMV are back up against the days before the start; if not, adjust the outreach and commission"),
          MONITORING,
              new Entry(
                  "low",
                  "为销量和流量的异常变化设置提醒，第一时间发现新的删除",
                  "Set alerts on sudden changes in sales counts and traffic to catch the next deletion at once",
                  "检查提醒是否按时到达：上传一次新的导出试一下",
                  "Check that the alerts arrive: try them with a fresh upload"),
          COMPLIANCE,
              new Entry(
                  "medium",
                  "整改疑似真实违规的订单：停止相关做法（自买、返现、异常改价、空包），并告知员工和合作方",
                  "Clean up where a batch looks like a real violation: stop the practice (own-account buying, cashback, "
                      + "abnormal price edits, empty parcels) and brief staff and partners",
                  "检查%s有没有新的删除通知或违规记录；有则逐单核对原因",
                  "Check whether a new deletion notice or violation record has arrived for %s; if so, check each order's cause"));

  private Catalogue() {}

  static Entry get(String id) {
    Entry e = ENTRIES.get(id);
    if (e == null) {
      throw new IllegalArgumentException("no action " + id);
    }
    return e;
  }
}
