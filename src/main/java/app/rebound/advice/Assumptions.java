package app.rebound.advice;

import app.rebound.Resources;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The scoring's coefficients, read from a properties file (UTF-8): each key {@code k} has its value
 * under {@code k} and its documentation under {@code k.unit}, {@code k.description} and {@code
 * k.source}. The defaults are {@code assumptions.properties} beside this class; a merchant or
 * analyst may load an edited copy. A key asked for but absent is an error, never a silent zero.
 */
public final class Assumptions {

  static final String RESOURCE = "assumptions.properties";
  static final String RESOURCE_ZH = "assumptions_zh.properties";
  private static final Properties ZH = chineseWords();
  private static final List<String> META = List.of(".unit", ".description", ".source");

  private final Map<String, Assumption> byKey;

  private Assumptions(Map<String, Assumption> byKey) {
    this.byKey = Collections.unmodifiableMap(byKey);
  }

  /** The defaults shipped on the classpath. */
  public static Assumptions defaults() {
    try (InputStream in = Assumptions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource app/rebound/advice/" + RESOURCE);
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An edited copy of the file. */
  public static Assumptions load(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Assumptions parse(Reader reader, String origin) throws IOException {
    Properties p = new Properties();
    p.load(reader);
    Map<String, Assumption> out = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames().stream().sorted().toList()) {
      if (META.stream().anyMatch(key::endsWith)) {
        continue;
      }
      String raw = p.getProperty(key).trim();
      double value;
      try {
        value = Double.parseDouble(raw);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            origin + ": " + key + " = '" + raw + "' is not a number");
      }
      out.put(
          key,
          new Assumption(
              key,
              value,
              p.getProperty(key + ".unit", ""),
              p.getProperty(key + ".description", ""),
              p.getProperty(key + ".source", "")));
    }
    return new Assumptions(out);
  }

  public double get(String key) {
    return assumption(key).value();
  }

  public Assumption assumption(String key) {
    Assumption a = byKey.get(key);
    if (a == null) {
      throw new IllegalArgumentException("assumption '" + key + "' is not in the assumptions file");
    }
    return a;
  }

  /**
   * The assumption with its unit, description and source in Chinese, from the shipped {@code
   * assumptions_zh.properties} (the values stay the file's); a key it lacks keeps its English
   * words.
   */
  public static Assumption inChinese(Assumption a) {
    String key = a.key();
    return new Assumption(
        key,
        a.value(),
        ZH.getProperty(key + ".unit", a.unit()),
        ZH.getProperty(key + ".description", a.description()),
        ZH.getProperty(key + ".source", a.source()));
  }

  private static Properties chineseWords() {
    return Resources.properties(Assumptions.class, RESOURCE_ZH);
  }

  public List<Assumption> all() {
    return new ArrayList<>(byKey.values());
  }
}
