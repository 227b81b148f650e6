package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.Reason;
import app.rebound.ingest.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MessagesTest {

  @Test
  void english_counts_read_as_words_not_as_plural_brackets() {
    Messages en = Messages.of(Lang.EN);
    assertEquals("1 attempt", en.format("alerts.attempts", 1));
    assertEquals("3 attempts", en.format("alerts.attempts", 3));
    assertEquals("no attempt yet", en.format("alerts.attempts", 0));
    assertTrue(en.format("overview.appeal.urgent", 1).startsWith("Warning: 1 group closes "));
    assertTrue(en.format("overview.appeal.urgent", 2).startsWith("Warning: 2 groups close "));
    assertTrue(en.format("overview.appeal.open", 1, "x", "y").startsWith("1 group can be"));
    assertTrue(en.format("overview.appeal.open", 12, "x", "y").startsWith("12 groups can be"));
    assertEquals("尝试 1 次", Messages.of(Lang.ZH).format("alerts.attempts", 1));
  }

  @Test
  void every_placeholder_is_filled_in_no_apostrophe_quotes_it_away() {
    // MessageFormat reads a lone ' as the start of quoted text: "this shop's own losses (as of
    // {0})" showed "this shops own losses (as of {0})". An apostrophe is written '' in a bundle.
    Object[] args = {2, 2, 2, 2, 2, 2, 2, 2, 2, 2}; // numbers, so {0,number} and choices take them
    for (Lang lang : Lang.values()) {
      Messages msg = Messages.of(lang);
      for (String key : msg.keys()) {
        String pattern = msg.get(key);
        if (!pattern.matches("(?s).*\\{\\d.*")) {
          continue;
        }
        String filled = msg.format(key, args);
        assertTrue(!filled.matches("(?s).*\\{\\d\\}.*"), lang + " " + key + ": " + filled);
        assertEquals(
            pattern.replace("''", "'").chars().filter(c -> c == '\'').count(),
            filled.chars().filter(c -> c == '\'').count(),
            lang + " " + key + " keeps its apostrophes: " + filled);
      }
    }
  }

  @Test
  void no_key_is_written_twice_in_a_bundle() throws Exception {
    // Properties keeps the last of two equal keys without a word: one page's text would change.
    for (Lang lang : Lang.values()) {
      Path file =
          Path.of("src/main/resources/app/rebound/web/messages_" + lang.code() + ".properties");
      Set<String> seen = new HashSet<>();
      for (String line : Files.readAllLines(file)) {
        int eq = line.indexOf('=');
        if (line.isBlank() || line.startsWith("#") || eq < 0) {
          continue;
        }
        String key = line.substring(0, eq).strip();
        assertTrue(seen.add(key), file + " defines " + key + " twice");
      }
    }
  }

  @Test
  void both_bundles_have_the_same_keys() {
    assertEquals(
        new TreeSet<>(Messages.of(Lang.ZH).keys()), new TreeSet<>(Messages.of(Lang.EN).keys()));
  }

  @Test
  void every_key_the_templates_and_nav_ask_for_is_in_the_bundles() throws Exception {
    Set<String> used = new TreeSet<>();
    Pattern call = Pattern.compile("msg(?:\\(\\))?\\.(?:get|format)\\(\"([a-z0-9_.]*[a-z0-9_])\"");
    try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jte")).toList()) {
        Matcher m = call.matcher(Files.readString(file));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    Nav.ENTRIES.forEach(entry -> used.add(entry.labelKey()));
    for (Lang lang : Lang.values()) {
      used.add("lang." + lang.code()); // the language switch asks for "lang." + code
    }
    assertTrue(used.size() > 20, used.toString());
    for (Lang lang : Lang.values()) {
      Set<String> missing = new TreeSet<>(used);
      missing.removeAll(Messages.of(lang).keys());
      assertTrue(missing.isEmpty(), lang + " bundle lacks " + missing);
    }
  }

  @Test
  void every_refusal_reason_reads_in_both_languages_and_matches_the_english_report() {
    for (Problem problem : Problem.values()) {
      List<String> args = IntStream.range(0, 3).mapToObj(i -> "A" + i).toList();
      assertEquals(
          problem.english(args),
          Messages.of(Lang.EN).problem(problem.code(), args, null),
          problem.code());
      String zh = Messages.of(Lang.ZH).problem(problem.code(), args, "english fallback");
      assertTrue(
          zh.codePoints()
              .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
          problem.code() + " reads in Chinese: " + zh);
    }
  }

  @Test
  void the_sample_reasons_show_in_chinese_on_chinese_pages() {
    assertEquals(
        "不是金额（例如 29.90 或 ¥1,299.00）", Messages.of(Lang.ZH).problem("not_money", List.of(), "x"));
  }

  @Test
  void upload_steps_read_in_each_language_with_grouped_row_counts() {
    assertEquals(
        "正在读取 订单明细.csv：已读 300,000 行",
        Messages.of(Lang.ZH).uploadProgress("reading 订单明细.csv: 300000 rows"));
    assertEquals(
        "reading 订单明细.csv: 300,000 rows so far",
        Messages.of(Lang.EN).uploadProgress("reading 订单明细.csv: 300000 rows"));
    assertEquals("正在保存 评价.csv", Messages.of(Lang.ZH).uploadProgress("storing 评价.csv"));
    assertEquals("saving the upload", Messages.of(Lang.EN).uploadProgress("committing"));
  }

  @Test
  void the_analysis_reasons_with_numbers_read_in_each_language_from_their_code() {
    Reason few = Reason.of("too_few_reviews_affected_after", 3, 5);
    assertEquals("未测量：受影响商品在删除后只有 3 条评价，至少需要 5 条", Messages.of(Lang.ZH).reason(few));
    assertEquals(
        "not measured: the affected products have 3 reviews after the deletion; at least 5 are"
            + " needed",
        Messages.of(Lang.EN).reason(few));
    assertEquals(
        "未测量：删除前只有 10 天数据，至少需要 14 天",
        Messages.of(Lang.ZH).reason(Reason.of("few_pre_days", 10, 14)));
    assertEquals("", Messages.of(Lang.ZH).reason(null), "a measured figure has no reason");
  }

  @Test
  void a_missing_key_shows_itself_instead_of_failing() {
    assertEquals("??no.such.key??", Messages.of(Lang.EN).get("no.such.key"));
  }

  @Test
  void formatted_texts_fill_in_their_arguments() {
    assertEquals("Shop demo", Messages.of(Lang.EN).format("shop.title", "demo"));
    assertEquals("店铺 demo", Messages.of(Lang.ZH).format("shop.title", "demo"));
  }

  @Test
  void counts_read_as_words_in_english() {
    Messages en = Messages.of(Lang.EN);
    assertEquals("1,200 distinct orders from one upload.", en.format("shop.summary", 1200L, 1L));
    assertEquals("5 distinct orders from 3 uploads.", en.format("shop.summary", 5L, 3L));
    assertEquals("共 1,200 个订单（去重），3 次上传。", Messages.of(Lang.ZH).format("shop.summary", 1200L, 3L));
  }

  @Test
  void kinds_are_named_in_the_language_and_unknown_kinds_say_so() {
    assertEquals("订单明细", Messages.of(Lang.ZH).kind("orders"));
    assertEquals("Orders", Messages.of(Lang.EN).kind("orders"));
    assertEquals(Messages.of(Lang.EN).get("kind.unknown"), Messages.of(Lang.EN).kind(null));
  }

  @Test
  void an_unknown_lang_code_falls_back_to_nothing() {
    assertTrue(Lang.byCode("fr").isEmpty());
    assertEquals(Lang.EN, Lang.byCode(" EN ").orElseThrow());
  }

  @Test
  void a_causes_probability_never_reads_as_certain() {
    Messages en = Messages.of(Lang.EN);
    assertEquals(">99.9%", en.probability(1.0));
    assertEquals(">99.9%", en.probability(0.99971));
    assertEquals("<0.1%", en.probability(0.0));
    assertEquals("96.6%", en.probability(0.966));
  }
}
