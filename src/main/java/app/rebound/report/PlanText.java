package app.rebound.report;

import app.rebound.Words;
import app.rebound.advice.ActionId;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * The words and number formats of the plan downloads in one language ("zh", anything else is
 * English). Every word comes from the message bundles: the files' own as {@code plan.file.*}, and
 * the plan page's where the files say the same thing (headers such as {@code plan.cost}).
 */
record PlanText(boolean zh) {

  static PlanText of(String lang) {
    return new PlanText(!"en".equals(lang));
  }

  /** A bundle pattern in the language, numbers passed already written as text. */
  String w(String key, Object... args) {
    return Words.format(key, zh, args);
  }

  /** The action's name, as the pages name it. */
  String action(ActionId id) {
    return Words.action(id.code(), zh());
  }

  /** Why an action stands where it does in the ranking, as the plan page says it. */
  String rule(String rule) {
    return Words.get("plan.rule." + rule, zh(), String.valueOf(rule));
  }

  /** low / medium / high in the language, as the pages say it; other words as they are. */
  String effort(String effort) {
    return effort == null
        ? ""
        : Words.get("effort." + effort.toLowerCase(Locale.ROOT), zh(), effort);
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

  private Locale locale() {
    return zh() ? Locale.SIMPLIFIED_CHINESE : Locale.US;
  }
}
