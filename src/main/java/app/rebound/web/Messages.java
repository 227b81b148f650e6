package app.rebound.web;

import app.rebound.ingest.FileKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Every string the pages show, one bundle per {@link Lang}: {@code messages_zh.properties} and
 * {@code messages_en.properties} beside this class (UTF-8). Templates ask for a key, never hold text.
 */
public final class Messages {

  private static final Map<Lang, Messages> BUNDLES = new EnumMap<>(Lang.class);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  static {
    for (Lang lang : Lang.values()) {
      BUNDLES.put(lang, new Messages(lang, load(lang)));
    }
  }

  private final Lang lang;
  private final Properties texts;

  private Messages(Lang lang, Properties texts) {
    this.lang = lang;
    this.texts = texts;
  }

  public static Messages of(Lang lang) {
    return BUNDLES.get(lang);
  }

  public Lang lang() {
    return lang;
  }

  /** The text for a key; a missing key shows as {@code ??key??} so it is seen, never thrown. */
  public String get(String key) {
    String text = texts.getProperty(key);
    return text == null ? "??" + key + "??" : text;
  }

  /** The text for a key with its {0}, {1}… filled in ({@link MessageFormat}). */
  public String format(String key, Object... args) {
    return new MessageFormat(get(key), locale()).format(args);
  }

  /** A file kind's name in this language, from its id ("orders"); the "unknown kind" text for null. */
  public String kind(String kindId) {
    if (kindId == null) {
      return get("kind.unknown");
    }
    return FileKind.byId(kindId).map(k -> lang == Lang.ZH ? k.zhName() : k.enName()).orElse(kindId);
  }

  /**
   * A refusal reason from an ingest report in this language: the bundle's "problem.{code}" pattern with
   * the report's arguments, or the report's English text when the code is unknown (older reports).
   */
  public String problem(String code, java.util.List<String> args, String english) {
    String pattern = code == null ? null : texts.getProperty("problem." + code);
    if (pattern == null) {
      return english == null ? "" : english;
    }
    return new MessageFormat(pattern, locale()).format(args == null ? new Object[0] : args.toArray());
  }

  public String dateTime(LocalDateTime at) {
    return at == null ? "" : DATE_TIME.format(at);
  }

  /** A count with digit grouping, e.g. 1,000,000. */
  public String number(long n) {
    return String.format(locale(), "%,d", n);
  }

  public Set<String> keys() {
    return texts.stringPropertyNames();
  }

  private Locale locale() {
    return lang == Lang.ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  private static Properties load(Lang lang) {
    String name = "messages_" + lang.code() + ".properties";
    try (InputStream in = Messages.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("message bundle " + name + " is missing from the classpath");
      }
      Properties texts = new Properties();
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return texts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
