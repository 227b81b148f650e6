package app.rebound;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The words of the pages' message bundles ({@code app/rebound/web/messages_zh.properties} and
 * {@code messages_en.properties}), for every layer: the web formats them (web.Messages), and the
 * layers below it that write sentences (the plan's gaps, the plan files) name measures, actions and
 * rules by the same words, so each has one name everywhere.
 */
public final class Words {

  private static final Properties ZH = load("zh");
  private static final Properties EN = load("en");

  private Words() {}

  /** The whole bundle of one language. */
  public static Properties bundle(boolean zh) {
    return zh ? ZH : EN;
  }

  /** The words of a key; {@code fallback} where the bundle has none. */
  public static String get(String key, boolean zh, String fallback) {
    return bundle(zh).getProperty(key, fallback);
  }

  /**
   * A key's pattern with its {0}, {1}… filled in ({@link MessageFormat}); pass numbers and dates
   * already written as text, so a pattern never regroups or reformats them.
   */
  public static String format(String key, boolean zh, Object... args) {
    String pattern = bundle(zh).getProperty(key);
    if (pattern == null) {
      return "??" + key + "??";
    }
    return new MessageFormat(pattern, zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH).format(args);
  }

  /** A measure's name as the pages print it ("平均评分"); an unknown id as it is. */
  public static String measure(String id, boolean zh) {
    return get("measure." + id, zh, id);
  }

  /** An action's name ("申诉恢复销量"); an id outside the catalogue as it is. */
  public static String action(String id, boolean zh) {
    return get("action." + id, zh, id);
  }

  private static Properties load(String lang) {
    return Resources.properties(Words.class, "/app/rebound/web/messages_" + lang + ".properties");
  }
}
