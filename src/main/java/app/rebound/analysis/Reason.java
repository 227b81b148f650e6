package app.rebound.analysis;

import app.rebound.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Why something was not measured, as a stable code with its arguments (numbers, file names), never
 * a sentence: {@code upload ["评价.csv"]}. The words are in {@code reasons_zh.properties} and {@code
 * reasons_en.properties} beside this class, one MessageFormat pattern per code; every edge (pages,
 * charts, PDF, Markdown, CSV and the JSON's {@code message}) puts a reason into its language
 * through {@link #text}, so a new reason cannot show English on a Chinese page.
 *
 * @param code snake_case, a key of both bundles
 * @param args the pattern's {0}, {1}…
 */
public record Reason(String code, List<String> args) {

  private static final Properties ZH = load("zh");
  private static final Properties EN = load("en");

  public Reason {
    args = args == null ? List.of() : List.copyOf(args);
  }

  /** A reason with its arguments as written ({@code String.valueOf}: 14, 评价.csv). */
  public static Reason of(String code, Object... args) {
    return new Reason(code, Arrays.stream(args).map(String::valueOf).toList());
  }

  /** The reason in Chinese or English; a code without words shows as ??code?? so it is seen. */
  public String text(boolean zh) {
    return Phrase.format(zh ? ZH : EN, code, args.toArray(), zh);
  }

  /** A reason's text, empty for none. */
  public static String text(Reason reason, boolean zh) {
    return reason == null ? "" : reason.text(zh);
  }

  /** Every code with words in the given language (for the tests that check both bundles). */
  public static Set<String> codes(boolean zh) {
    return (zh ? ZH : EN).stringPropertyNames();
  }

  /**
   * Gives every object of a JSON tree that holds a {@code reason} ({@code code}, {@code args}) its
   * {@code message}: the reason in the tree's language, for the people who read the JSON. Done once
   * where impact.json and the dashboard API are written, so no record carries a sentence beside its
   * reason.
   */
  public static JsonNode addMessages(JsonNode node, boolean zh) {
    if (node instanceof ObjectNode object && object.has("reason")) {
      JsonNode reason = object.get("reason");
      if (reason.isNull()) {
        object.putNull("message");
      } else if (reason.path("code").isTextual()) {
        List<String> args = new ArrayList<>();
        reason.path("args").forEach(arg -> args.add(arg.asText()));
        object.put("message", new Reason(reason.get("code").asText(), args).text(zh));
      }
    }
    if (node != null) {
      node.forEach(child -> addMessages(child, zh));
    }
    return node;
  }

  private static Properties load(String lang) {
    return Resources.properties(Reason.class, "reasons_" + lang + ".properties");
  }
}
