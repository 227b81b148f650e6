package app.rebound.advice.appeal;

import app.rebound.analysis.OrderEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The appeal's words in Chinese and English: proofs, signs of a fake, reasons and the evidence each
 * needs.
 */
public final class AppealText {

  private AppealText() {}

  private static final Map<String, String[]> PROOFS =
      Map.of(
          "order_details",
              new String[] {"订单明细（下单时间、金额、商品、状态）", "order details (time, amount, product, status)"},
          "logistics", new String[] {"物流单号和快递公司", "tracking number and carrier"},
          "shipped", new String[] {"发货时间", "shipping time"},
          "delivered", new String[] {"签收/完成记录", "delivery or completion record"},
          "no_refund", new String[] {"没有退款", "no refund"},
          "chat", new String[] {"与买家的飞鸽客服聊天记录", "a customer-service (飞鸽) chat with the buyer"},
          "review", new String[] {"买家评价", "a review by the buyer"},
          "traffic_source", new String[] {"达人或流量来源", "an affiliate or traffic source"},
          "batch_cause",
              new String[] {"能确定所在批次原因的证据", "evidence that settles the cause of its batch"});

  /** What to do to add a missing proof, by proof code. */
  private static final Map<String, String[]> HOW_TO_ADD =
      Map.of(
          "order_details",
              new String[] {"上传包含该订单的 订单明细.csv", "upload an 订单明细.csv that includes the order"},
          "logistics",
              new String[] {
                "在快递公司后台截取带重量的运单截图",
                "take a screenshot of the waybill with its weight from the courier's back office"
              },
          "shipped",
              new String[] {
                "截取后台发货记录", "take a screenshot of the shipping record in the back office"
              },
          "delivered",
              new String[] {"截取物流签收记录", "take a screenshot of the signed-for tracking record"},
          "chat",
              new String[] {
                "上传 客服聊天记录.csv，或截取飞鸽聊天记录", "upload 客服聊天记录.csv or take screenshots of the 飞鸽 chat"
              },
          "review", new String[] {"上传 评价.csv", "upload 评价.csv"},
          "no_refund", new String[] {"截取售后记录", "take a screenshot of the after-sale record"},
          "traffic_source",
              new String[] {
                "截取推广或达人带货记录", "take a screenshot of the promotion or affiliate record"
              },
          "batch_cause",
              new String[] {
                "按批次说明补充能确定原因的文件或证据（见该批次的“未定”说明）",
                "add the export or evidence the batch's \"undecided\" note names"
              });

  private static final Map<String, String[]> FLAGS =
      Map.of(
          "one_cent", new String[] {"每件只付了 ¥0.01", "paid ¥0.01 per item"},
          "far_below_price",
              new String[] {
                "每件实付不到该商品平时成交价的一半", "paid under half the product's usual price per item"
              },
          "reused_waybill",
              new String[] {
                "物流单号也出现在别的订单上（一个包裹不能寄两次）",
                "its waybill number is also on another order (one parcel cannot be sent twice)"
              },
          "completed_too_fast",
              new String[] {
                "付款后 24 小时内就已完成（真实包裹到不了这么快）",
                "completed within 24 hours of payment (too fast for a real parcel)"
              },
          "night_burst",
              new String[] {
                "凌晨下单，与同批另一笔订单相隔不到 3 分钟",
                "placed at night within 3 minutes of another order of its batch"
              },
          "no_logistics",
              new String[] {"已发货或已完成却没有物流单号", "shipped or completed without any tracking number"},
          "violation_batch",
              new String[] {
                "所在批次整体看像真实违规：申诉这一批等于请平台恢复刷单",
                "its batch as a whole looks like a real violation: appealing it asks the platform to restore fakes"
              });

  private static final Map<String, String[]> VERDICTS =
      Map.of(
          OrderEvidence.APPEAL, new String[] {"可以申诉", "appeal"},
          OrderEvidence.APPEAL_AFTER_PROOF, new String[] {"补充证明后申诉", "appeal after adding proof"},
          OrderEvidence.DO_NOT_APPEAL, new String[] {"不要申诉", "do not appeal"});

  private static final Map<String, String[]> REASONS =
      Map.of(
          AppealGroup.SHIPPED, new String[] {"我已真实发货", "I really shipped the orders (我已真实发货)"},
          AppealGroup.REFUNDED, new String[] {"我已合理退款", "The refunds were legitimate (我已合理退款)"},
          AppealGroup.NOT_SHIPPED,
              new String[] {
                "尚未发货：先发货，再以「我已真实发货」申诉", "Not shipped yet: ship first, then appeal as 我已真实发货"
              },
          AppealGroup.ATTACK,
              new String[] {
                "遭遇恶意攻击（异常退款或投诉集中爆发）",
                "A malicious attack (a burst of abnormal refunds or complaints)"
              });

  /** The evidence the platform asks for with each reason (docs/douyin-exports.md). */
  private static final Map<String, List<String[]>> EVIDENCE_NEEDED =
      Map.of(
          AppealGroup.SHIPPED,
              List.of(
                  new String[] {
                    "与订单物流单号一致、显示包裹重量的运单或电子面单（或快递后台带重量的截图）",
                    "the waybill or e-waybill matching each order's tracking number and showing the parcel weight (or a courier back-office screenshot with the weight)"
                  },
                  new String[] {"与买家的飞鸽聊天记录", "the 飞鸽 chats with the buyers"},
                  new String[] {
                    "这些订单的推广方式证明（活动、投放或达人记录）",
                    "proof of how the orders were promoted (campaign, ad spend or affiliate records)"
                  }),
          AppealGroup.NOT_SHIPPED,
              List.of(
                  new String[] {
                    "先发货：在订单里填好物流单号，等快递揽收后再申诉（申诉期内）",
                    "ship first: enter the tracking number on each order and appeal once the courier has"
                        + " collected the parcel (within the appeal window)"
                  },
                  new String[] {
                    "发货后，与物流单号一致、显示包裹重量的运单或电子面单",
                    "once shipped, the waybill or e-waybill matching each tracking number and showing the"
                        + " parcel weight"
                  },
                  new String[] {"与买家的飞鸽聊天记录", "the 飞鸽 chats with the buyers"}),
          AppealGroup.REFUNDED,
              List.of(
                  new String[] {
                    "退款凭证（售后记录和退款原因）", "refund proof (after-sale records and refund reasons)"
                  },
                  new String[] {
                    "活动或优惠证明（说明退款前的成交为何正常）",
                    "promotion proof (why the sales before the refunds were normal)"
                  },
                  new String[] {"与买家的飞鸽聊天记录", "the 飞鸽 chats with the buyers"}),
          AppealGroup.ATTACK,
              List.of(
                  new String[] {
                    "异常发生后立即向平台举报的记录",
                    "the record of reporting the attack to the platform right after it happened"
                  },
                  new String[] {
                    "异常退款或投诉集中的截图（时间、数量）",
                    "screenshots of the burst of refunds or complaints (times, counts)"
                  },
                  new String[] {
                    "这些订单的物流和签收记录", "the logistics and delivery records of the orders"
                  }));

  public static String proof(String code, String lang) {
    return pick(PROOFS, code, lang);
  }

  public static String howToAdd(String code, String lang) {
    return pick(HOW_TO_ADD, code, lang);
  }

  /**
   * What to do to add a proof the order lacks, in the state the exports left it: where the export
   * is uploaded and shows nothing (absent), never "upload" it again.
   */
  public static String howToAdd(String code, OrderEvidence.Check.State state, String lang) {
    return state == OrderEvidence.Check.State.ABSENT && HOW_TO_ADD_ABSENT.containsKey(code)
        ? pick(HOW_TO_ADD_ABSENT, code, lang)
        : howToAdd(code, lang);
  }

  /** Where the uploaded export holds no record for the order. */
  private static final Map<String, String[]> HOW_TO_ADD_ABSENT =
      Map.of(
          "chat",
              new String[] {
                "客服聊天记录.csv 里没有这笔订单的会话：如与买家聊过，截取飞鸽聊天记录",
                "客服聊天记录.csv has no chat for the order: if you talked with the buyer, take"
                    + " screenshots of the 飞鸽 chat"
              },
          "review",
              new String[] {
                "评价.csv 里没有这笔订单的评价（只作辅助，可以不补）",
                "评价.csv has no review of the order (supporting only; it can be left out)"
              },
          "order_details",
              new String[] {
                "订单明细.csv 里没有这笔订单：上传包含它的订单明细",
                "the uploaded 订单明细.csv does not hold the order: upload one that does"
              });

  public static String flag(String code, String lang) {
    return pick(FLAGS, code, lang);
  }

  public static String verdict(String verdict, String lang) {
    return pick(VERDICTS, verdict, lang);
  }

  public static String reason(String reason, String lang) {
    return pick(REASONS, reason, lang);
  }

  /**
   * The reason to choose on the platform's appeal form: a group not shipped yet is appealed as
   * 我已真实发货 once it is.
   */
  public static String platformReason(String reason, String lang) {
    return reason(reason.equals(AppealGroup.NOT_SHIPPED) ? AppealGroup.SHIPPED : reason, lang);
  }

  public static List<String> evidenceNeeded(String reason, String lang) {
    int i = "en".equals(lang) ? 1 : 0;
    return EVIDENCE_NEEDED.getOrDefault(reason, List.of()).stream().map(t -> t[i]).toList();
  }

  private static OrderEvidence.Check.State stateOf(OrderEvidence order, String code) {
    return order.checks().stream()
        .filter(c -> c.code().equals(code))
        .map(OrderEvidence.Check::state)
        .findFirst()
        .orElse(OrderEvidence.Check.State.UNKNOWN);
  }

  /** The state of a proof over a group's orders: unknown if any order's export is missing. */
  public static OrderEvidence.Check.State stateOf(List<OrderEvidence> orders, String code) {
    return orders.stream().anyMatch(o -> stateOf(o, code) == OrderEvidence.Check.State.UNKNOWN)
        ? OrderEvidence.Check.State.UNKNOWN
        : OrderEvidence.Check.State.ABSENT;
  }

  /** Why the verdict: the signs of a fake, else the proofs held and the ones to add. */
  public static List<String> reasons(OrderEvidence order, String lang) {
    boolean en = "en".equals(lang);
    List<String> out = new ArrayList<>();
    if (!order.flags().isEmpty()) {
      order.flags().forEach(f -> out.add(flag(f, lang)));
      return out;
    }
    List<String> held =
        order.checks().stream()
            .filter(c -> c.state() == OrderEvidence.Check.State.PRESENT)
            .map(c -> proof(c.code(), lang))
            .toList();
    if (!held.isEmpty()) {
      out.add((en ? "the data holds: " : "数据中已有：") + String.join(en ? ", " : "、", held));
    }
    for (String code : order.missing()) {
      out.add(
          (en ? "missing " : "缺少")
              + proof(code, lang)
              + (en ? ": " : "：")
              + howToAdd(code, stateOf(order, code), lang));
    }
    if (order.verdict().equals(OrderEvidence.APPEAL_AFTER_PROOF)
        && order.reason().equals(OrderEvidence.REFUNDED)) {
      out.add(
          en
              ? "a refund is proved by the after-sale record and the promotion it came from: add screenshots of both"
              : "退款要靠售后记录和对应的活动来证明：请补充这两项的后台截图");
    } else if (order.verdict().equals(OrderEvidence.APPEAL_AFTER_PROOF)
        && order.missing().isEmpty()) {
      out.add(
          en
              ? "evidence score "
                  + order.score()
                  + " is under the ready mark of 0.6: add any proof you hold"
              : "证据分 " + order.score() + " 低于 0.6：请补充手头的任何证明");
    }
    return out;
  }

  private static String pick(Map<String, String[]> texts, String code, String lang) {
    String[] t = texts.get(code);
    return t == null ? code : t["en".equals(lang) ? 1 : 0];
  }
}
