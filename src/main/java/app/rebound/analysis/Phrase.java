package app.rebound.analysis;

import app.rebound.Resources;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * A sentence of the cause diagnosis (a batch's signals, what moved its odds, what would settle it,
 * the penalties that follow) as a stable code with its arguments, never the words: {@code
 * signal_tracking_share ["6", "3", "50%"]}. The words are in {@code diagnosis_zh.properties} and
 * {@code diagnosis_en.properties} beside this class, put into a language by the same lookup as a
 * {@link Reason}'s.
 *
 * @param code snake_case, a key of both bundles
 * @param args the pattern's {0}, {1}…: each the text as written (a number as the sentence prints
 *     it, a file name, a date), or another {@code Phrase}, put into the same language first
 */
public record Phrase(String code, List<Object> args) {

  private static final Properties ZH = load("zh");
  private static final Properties EN = load("en");

  public Phrase {
    List<Object> checked = new ArrayList<>();
    for (Object arg : args == null ? List.of() : args) {
      checked.add(arg(arg));
    }
    args = List.copyOf(checked);
  }

  /** A phrase with its arguments: text as written ({@code String.valueOf}), or nested words. */
  public static Phrase of(String code, Object... args) {
    return new Phrase(code, Arrays.asList(args));
  }

  /**
   * Parts one after another with the separator a pattern of two arguments gives ({@code
   * join_files}: "、" in Chinese, ", " in English): nested pairs, so the list needs no pattern of
   * its own length. An argument for other words: one part alone is that part.
   */
  static Object join(String separator, List<?> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException(separator + " of nothing");
    }
    Object joined = parts.get(0);
    for (Object part : parts.subList(1, parts.size())) {
      joined = of(separator, joined, part);
    }
    return joined;
  }

  /** The sentence in Chinese or English; a code without words shows as ??code?? so it is seen. */
  public String text(boolean zh) {
    Object[] rendered = args.stream().map(a -> a instanceof Phrase w ? w.text(zh) : a).toArray();
    return format(zh ? ZH : EN, code, rendered, zh);
  }

  /** Every code with words in the given language (for the tests that check both bundles). */
  public static Set<String> codes(boolean zh) {
    return (zh ? ZH : EN).stringPropertyNames();
  }

  /**
   * The one lookup of the analysis's words, for diagnosis sentences and {@link Reason}s alike: the
   * code's MessageFormat pattern in the bundle, filled with the arguments.
   */
  static String format(Properties bundle, String code, Object[] args, boolean zh) {
    String pattern = bundle.getProperty(code);
    if (pattern == null) {
      return "??" + code + "??";
    }
    Locale locale = zh ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    return new MessageFormat(pattern, locale).format(args);
  }

  /**
   * An argument as kept: words stay words (one read back from a stored analysis's JSON arrives as
   * its fields), anything else is its text.
   */
  private static Object arg(Object arg) {
    if (arg instanceof Phrase) {
      return arg;
    }
    if (arg instanceof Map<?, ?> fields) {
      List<?> args = (List<?>) fields.get("args");
      return new Phrase((String) fields.get("code"), args == null ? null : new ArrayList<>(args));
    }
    return String.valueOf(arg);
  }

  private static Properties load(String lang) {
    return Resources.properties(Phrase.class, "diagnosis_" + lang + ".properties");
  }
}
