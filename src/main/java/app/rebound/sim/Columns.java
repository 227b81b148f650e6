package app.rebound.sim;

import java.util.List;

/**
 * File names and header rows as Douyin exports them (the first alias of each field in
 * ingest.FileKind), in the sample files' column order. The orders file also carries the masked
 * receiver columns and, at the end, the discount columns of the fuller export template.
 */
final class Columns {

  private Columns() {}

  static final String ORDERS_FILE = "订单明细.csv";
  static final String DELETIONS_FILE = "销量删除记录.csv";
  static final String TRAFFIC_FILE = "商品流量.csv";
  static final String REVIEWS_FILE = "评价.csv";
  static final String SCORES_FILE = "店铺体验分.csv";
  static final String AFFILIATES_FILE = "达人合作.csv";
  static final String CHATS_FILE = "客服聊天记录.csv";
  static final String TRUTH_FILE = "truth.json";

  static final List<String> ORDERS =
      List.of(
          "主订单编号",
          "子订单编号",
          "选购商品",
          "商品规格",
          "商品数量",
          "商品ID",
          "商家编码",
          "商品单价",
          "订单应付金额",
          "运费",
          "订单提交时间",
          "支付完成时间",
          "发货时间",
          "订单完成时间",
          "订单状态",
          "售后状态",
          "取消原因",
          "达人ID",
          "达人昵称",
          "流量来源",
          "流量渠道",
          "流量体裁",
          "流量类型",
          "快递信息",
          "省",
          "市",
          "收件人",
          "收件人手机号",
          "详细地址",
          "买家留言",
          "商家备注",
          "平台实际承担优惠金额",
          "商家实际承担优惠金额",
          "达人实际承担优惠金额");
  static final List<String> DELETIONS = List.of("子订单编号", "主订单编号", "商品ID", "处理时间", "处理原因", "违规单号");
  static final List<String> TRAFFIC =
      List.of("日期", "商品ID", "商品名称", "商品曝光人数", "商品点击人数", "成交人数", "成交订单数", "成交金额");
  static final List<String> REVIEWS = List.of("评价时间", "子订单编号", "商品ID", "商品评分", "评价内容");
  static final List<String> SCORES = List.of("日期", "店铺体验分", "投诉量");
  static final List<String> AFFILIATES = List.of("日期", "达人ID", "达人昵称", "商品ID", "合作状态");
  static final List<String> CHATS = List.of("子订单编号", "会话消息数", "最近会话时间");
}
