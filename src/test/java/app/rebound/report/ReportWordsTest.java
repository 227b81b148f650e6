package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The charts and the plan files translate through the message bundles only, like every page: a
 * Chinese word written in their code would be a second translation table, and English pages could
 * show it untranslated.
 */
class ReportWordsTest {

  private static final List<String> SOURCES =
      List.of("PlanWriters", "PlanText", "Label", "Labels", "ImpactCharts");

  /** A string or char literal; comments are removed before. */
  private static final Pattern LITERAL =
      Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])+'");

  @Test
  void the_chart_and_plan_file_code_holds_no_chinese_literal() throws Exception {
    List<String> found = new ArrayList<>();
    for (String name : SOURCES) {
      Path file = Path.of("src/main/java/app/rebound/report/" + name + ".java");
      String code = withoutComments(Files.readString(file));
      Matcher m = LITERAL.matcher(code);
      while (m.find()) {
        if (m.group().codePoints().anyMatch(ReportWordsTest::isChinese)) {
          found.add(name + ": " + m.group());
        }
      }
    }
    assertTrue(found.isEmpty(), "words belong in messages_{zh,en}.properties: " + found);
  }

  @Test
  void the_check_finds_a_chinese_literal_and_skips_comments() {
    String code = withoutComments("// 注释\n/** 说明 */ String a = \"店铺\"; char c = '、';");
    List<String> literals = LITERAL.matcher(code).results().map(r -> r.group()).toList();
    assertEquals(List.of("\"店铺\"", "'、'"), literals);
  }

  @Test
  void every_chart_word_is_in_both_languages() {
    for (Label label : Label.values()) {
      for (boolean zh : new boolean[] {true, false}) {
        String words = label.text(zh, "x");
        assertFalse(words.startsWith("??"), label + " has no words in " + (zh ? "zh" : "en"));
        assertEquals(
            zh,
            words.codePoints().anyMatch(ReportWordsTest::isChinese),
            label + " reads in its language: " + words);
      }
    }
    assertEquals("6月7日", Labels.of("zh").date(LocalDate.of(2026, 6, 7)));
    assertEquals("Jun 7", Labels.of("en").date(LocalDate.of(2026, 6, 7)));
  }

  @Test
  void a_product_charts_title_names_the_product_as_written() {
    // The name is an argument, never part of the pattern: quotes and braces stay as they are.
    String name = "Tom's {0} 保温杯";
    assertEquals(name + ": GMV", Labels.of("en").text(Label.PRODUCT_GMV_TITLE, name));
    assertEquals(name + "：成交金额", Labels.of("zh").text(Label.PRODUCT_GMV_TITLE, name));
  }

  private static boolean isChinese(int c) {
    Character.UnicodeScript script = Character.UnicodeScript.of(c);
    Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
    return script == Character.UnicodeScript.HAN
        || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
        || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
  }

  private static String withoutComments(String code) {
    return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)//.*$", "");
  }
}
