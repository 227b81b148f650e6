package app.rebound.report;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/**
 * The words and number formats of the plan downloads in one language ("zh", anything else is
 * English).
 */
record PlanText(boolean zh) {

  private static final Map<String, String[]> ACTIONS =
      Map.of(
          // The same names as the web pages (messages_*.properties, action.*).
          "appeal", new String[] {"申诉恢复销量", "Appeal to restore the deleted sales"},
          "listing", new String[] {"优化商品详情", "Listing optimization"},
          "promotion", new String[] {"促销活动", "Promotions"},
          "interaction", new String[] {"内容与互动", "Content and interaction"},
          "customer_service", new String[] {"客服与售后", "Customer service"},
          "affiliate", new String[] {"达人合作", "Affiliate cooperation"},
          "monitoring", new String[] {"监控预警", "Monitoring"},
          "compliance", new String[] {"违规整改", "Compliance clean-up"});

  private static final Map<String, String[]> EFFORTS =
      Map.of(
          "low", new String[] {"低", "low"},
          "medium", new String[] {"中", "medium"},
          "high", new String[] {"高", "high"});

  // The web pages say the same (messages_*.properties, plan.rule.*).
  private static final Map<String, String[]> RULES =
      Map.of(
          "net_value", new String[] {"按净值", "by net value"},
          "violation_first", new String[] {"违规整改优先（规则）", "clean-up first (a rule)"},
          "appeal_window_first", new String[] {"申诉期限优先（规则）", "appeal deadline first (a rule)"});

  static PlanText of(String lang) {
    return new PlanText(!"en".equals(lang));
  }

  String t(String zh, String en) {
    return zh() ? zh : en;
  }

  /** The action's name; an id outside the catalogue is shown as it is. */
  String action(String id) {
    String[] names = ACTIONS.get(id);
    return names == null ? id : names[zh() ? 0 : 1];
  }

  /** Why an action stands where it does in the ranking; an unknown rule is shown as it is. */
  String rule(String rule) {
    String[] words = RULES.get(rule);
    return words == null ? String.valueOf(rule) : words[zh() ? 0 : 1];
  }

  /** low / medium / high in the language; other words (already translated) as they are. */
  String effort(String effort) {
    String[] words = effort == null ? null : EFFORTS.get(effort.toLowerCase(Locale.ROOT));
    return words == null ? (effort == null ? "" : effort) : words[zh() ? 0 : 1];
  }

  /** ¥1,234 (whole yuan), -¥1,234 when negative. */
  String money(double yuan) {
    String digits = NumberFormat.getIntegerInstance(locale()).format(Math.abs(Math.round(yuan)));
    return (Math.round(yuan) < 0 ? "-¥" : "¥") + digits;
  }

  String moneyRange(double low, double high) {
    return money(low) + "–" + money(high);
  }

  String count(double value) {
    return NumberFormat.getIntegerInstance(locale()).format(Math.round(value));
  }

  String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  String notMeasured() {
    return t("未测得", "not measured");
  }

  private Locale locale() {
    return zh() ? Locale.SIMPLIFIED_CHINESE : Locale.US;
  }
}
