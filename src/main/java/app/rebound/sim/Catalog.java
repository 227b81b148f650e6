package app.rebound.sim;

import java.util.List;

/**
 * The words a simulated shop is made of: product kinds, places, carriers, traffic sources, review
 * texts.
 */
final class Catalog {

  private Catalog() {}

  /** A kind of product with its specs and the shelf prices it is sold at, in fen. */
  record Kind(String name, List<String> specs, long[] pricesFen) {}

  static final List<Kind> KINDS =
      List.of(
          new Kind("保湿面霜", List.of("50g", "100g"), new long[] {5900, 8900, 12900}),
          new Kind("玉肌皂", List.of("单块", "三块装"), new long[] {990, 1990}),
          new Kind("纯棉T恤", List.of("S", "M", "L", "XL"), new long[] {2990, 4900, 6900}),
          new Kind("运动袜", List.of("五双装", "十双装"), new long[] {990, 1990}),
          new Kind("手机壳", List.of("iPhone15", "iPhone16", "华为Mate60"), new long[] {1990, 2990}),
          new Kind("蓝牙耳机", List.of("黑色", "白色"), new long[] {8900, 12900, 19900}),
          new Kind("洗发水", List.of("500ml", "750ml"), new long[] {3990, 5900}),
          new Kind("补水面膜", List.of("10片", "20片"), new long[] {2990, 4900}),
          new Kind("保温杯", List.of("350ml", "500ml"), new long[] {4900, 6900, 8900}),
          new Kind("零食礼包", List.of("小份", "大份"), new long[] {1990, 3990}),
          new Kind("充电宝", List.of("10000mAh", "20000mAh"), new long[] {6900, 9900, 12900}),
          new Kind("瑜伽垫", List.of("6mm", "10mm"), new long[] {4900, 6900}),
          new Kind("电动牙刷", List.of("黑色", "粉色"), new long[] {9900, 15900, 19900}),
          new Kind("空气炸锅", List.of("3L", "5L"), new long[] {19900, 24900, 29900}),
          new Kind("收纳盒", List.of("三件套", "五件套"), new long[] {1990, 2990}),
          new Kind("口红", List.of("01色", "02色", "03色"), new long[] {8900, 12900}));

  /** Provinces with their weight in orders and main cities. */
  record Place(String province, double weight, List<String> cities) {}

  static final List<Place> PLACES =
      List.of(
          new Place("广东省", 14, List.of("广州市", "深圳市", "东莞市", "佛山市")),
          new Place("浙江省", 8, List.of("杭州市", "宁波市", "温州市")),
          new Place("江苏省", 8, List.of("南京市", "苏州市", "无锡市")),
          new Place("山东省", 7, List.of("济南市", "青岛市", "临沂市")),
          new Place("河南省", 7, List.of("郑州市", "洛阳市")),
          new Place("四川省", 6, List.of("成都市", "绵阳市")),
          new Place("湖北省", 5, List.of("武汉市", "宜昌市")),
          new Place("福建省", 4, List.of("厦门市", "福州市", "泉州市")),
          new Place("湖南省", 4, List.of("长沙市", "株洲市")),
          new Place("河北省", 4, List.of("石家庄市", "保定市")),
          new Place("安徽省", 3, List.of("合肥市", "芜湖市")),
          new Place("北京市", 4, List.of("北京市")),
          new Place("上海市", 4, List.of("上海市")),
          new Place("陕西省", 3, List.of("西安市")),
          new Place("重庆市", 3, List.of("重庆市")),
          new Place("辽宁省", 2, List.of("沈阳市", "大连市")),
          new Place("广西壮族自治区", 2, List.of("南宁市", "柳州市")),
          new Place("天津市", 2, List.of("天津市")));

  static final double[] PLACE_WEIGHTS =
      Draws.cumulative(PLACES.stream().mapToDouble(Place::weight).toArray());

  /** A courier: its name in 快递信息, the waybill prefix and how many digits follow. */
  record Carrier(String name, String prefix, int digits) {}

  static final List<Carrier> CARRIERS =
      List.of(
          new Carrier("中通快递", "78", 12),
          new Carrier("圆通速递", "YT", 13),
          new Carrier("韵达快递", "43", 13),
          new Carrier("极兔速递", "JT", 13),
          new Carrier("顺丰速运", "SF", 12),
          new Carrier("邮政EMS", "98", 11),
          new Carrier("申通快递", "77", 13));

  static final double[] CARRIER_WEIGHTS = Draws.cumulative(24, 20, 16, 14, 10, 8, 8);

  /** 流量来源, 流量渠道, 流量体裁, 流量类型 as they come together in exports. */
  record Source(String source, String channel, String format, String type) {}

  static final Source LIVE = new Source("直播", "直播间", "直播", "自然流量");
  static final Source SHORT_VIDEO = new Source("短视频", "短视频", "短视频", "自然流量");
  static final List<Source> SOURCES =
      List.of(
          new Source("商城", "搜索", "商品卡", "自然流量"),
          new Source("商城", "推荐", "商品卡", "自然流量"),
          LIVE,
          new Source("直播", "千川", "直播", "付费流量"),
          SHORT_VIDEO);
  static final double[] SOURCE_WEIGHTS = Draws.cumulative(25, 20, 25, 15, 15);
  static final String FORMAT_PENDING = "数据将于第二天更新";

  /**
   * Orders per hour of day, relative: quiet at night, a lunch bump and the evening live-stream
   * peak. Genuine buyers rarely order between 00:00 and 05:00 (about 5%), which is what makes night
   * bursts odd.
   */
  static final double[] HOUR_WEIGHTS =
      Draws.cumulative(
          2.0, 1.2, 0.7, 0.4, 0.3, 0.4, 0.8, 1.5, 2.5, 3.2, 3.8, 4.2, 4.8, 4.5, 4.0, 3.8, 3.9, 4.2,
          4.6, 5.5, 6.5, 7.2, 6.8, 4.2);

  static final List<String> NICK_HEAD = List.of("小", "阿", "大", "甜", "胖", "老");
  static final List<String> NICK_MID = List.of("美", "杰", "琳", "鹿", "糖", "橙", "乐", "安", "七", "鱼");
  static final List<String> NICK_TAIL = List.of("好物", "日记", "生活馆", "测评", "严选", "的小店", "说", "种草");

  static final List<String> NORMAL_CANCEL = List.of("不想要了", "拍错了", "多拍了", "地址填错了", "商品与描述不符");

  /** What a group of attacking buyers writes when refunding en masse before a report. */
  static final List<String> ABNORMAL_CANCEL = List.of("商品与描述不符", "质量问题", "疑似假货", "未收到货");

  static final List<String> BUYER_NOTES = List.of("尽快发货", "请用顺丰", "送人的，不要放发票", "谢谢老板");

  static final List<List<String>> REVIEWS_BY_RATING =
      List.of(
          List.of("质量差", "物流慢", "不推荐", "和描述不一样"),
          List.of("有点小瑕疵", "一般般", "不太满意"),
          List.of("一般般", "和图片有差距", "物流慢"),
          List.of("和描述一致，满意", "回购了，推荐", "包装完好，好评", "还不错", "挺好的，就是物流慢了点"),
          List.of("回购了，推荐", "好", "质量很好，物流很快", "和描述一致，满意", "包装完好，好评", "性价比高"));
  static final double[] RATING_WEIGHTS = Draws.cumulative(2, 3, 7, 18, 70);

  /** After a deletion, unhappy buyers lean low. */
  static final double[] RATING_WEIGHTS_UNEASY = Draws.cumulative(12, 12, 16, 20, 40);

  /** Reviews that doubt the shop once its sales count visibly drops. */
  static final List<String> DOUBTING =
      List.of("销量怎么突然少了，是不是刷单的？", "看到销量被清了，有点担心是假货", "怀疑之前的销量是刷的", "销量一下子没了，还敢买吗", "是不是假货？销量都被扣了");

  /** The copy-paste praise of paid orders. */
  static final List<String> TEMPLATED = List.of("好评好评", "很好很好，推荐购买", "非常满意，五星好评");

  static final String DELETION_REASON = "疑似虚假交易，销量已扣除";
}
