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

  // The platform's own downloads (ShopSimulator.writeWithPlatformExports): the 罗盘 file names carry
  // their period, as the downloads write them.
  static final String SETTLEMENTS_FILE = "结算账单.csv";
  static final String AFTER_SALES_FILE = "售后列表.csv";
  static final String COMMISSIONS_FILE = "精选联盟订单明细.xlsx";
  static final String DEAL_FILE = "抖音电商罗盘-成交分析-%s-%s.xlsx";
  static final String SOURCES_FILE = "商品卡流量分析流量来源数据_%s~%s.xlsx";

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
  static final List<String> SETTLEMENTS =
      List.of(
          "结算时间", "订单号", "子订单号", "结算金额", "商品ID", "商品数量", "订单总价", "用户实付", "平台服务费", "佣金", "收入合计",
          "支出合计");
  static final List<String> AFTER_SALES =
      List.of(
          "售后单号",
          "订单号",
          "商品单号",
          "商品名称",
          "商品ID",
          "应付金额（元）",
          "售后类型",
          "退商品金额（元）",
          "售后状态",
          "售后申请时间",
          "退款方式",
          "售后原因",
          "是否极速退款",
          "售后完结时间");
  static final List<String> COMMISSIONS =
      List.of(
          "订单id", "商品id", "商品名称", "作者账号", "抖音/火山号", "支付金额", "佣金率", "预估佣金支出", "结算金额", "实际佣金支出",
          "订单状态", "付款时间", "收货时间", "订单结算时间", "商品数量", "流量来源");

  /** The 成交分析 workbook's sheets in the download's order; only two carry rows here. */
  static final String DEAL_OVERVIEW_SHEET = "成交概览";

  static final String DEAL_PRODUCTS_SHEET = "商品构成";
  static final List<String> DEAL_OVERVIEW =
      List.of(
          "日期",
          "载体类型",
          "商品曝光人数",
          "商品点击人数",
          "商品曝光-点击转化率(人数)",
          "商品点击-成交转化率(人数)",
          "成交金额（元）",
          "退款率(支付时间)");
  static final List<String> DEAL_PRODUCTS =
      List.of(
          "日期",
          "商品名称",
          "商品编号",
          "载体类型",
          "用户支付金额(元)",
          "成交笔单价(元)",
          "商品点击-成交转化率(次数)",
          "退款金额（元）",
          "退款率(支付时间)");
  static final List<String> SOURCES =
      List.of("一级渠道", "二级渠道", "商品卡曝光人数", "商品卡点击人数", "商品卡点击率", "用户支付金额(元)", "成交人数", "点击-成交转化率");
}
