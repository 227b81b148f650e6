package app.rebound.advice.appeal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.OrderEvidence;
import app.rebound.analysis.OrderEvidence.Check.State;
import app.rebound.analysis.OrderEvidence.Flag;
import app.rebound.analysis.OrderEvidence.Proof;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The appeal's words live in the message bundles, and every code of it reads as words there. */
class AppealWordsTest {

  static final List<String> SOURCES =
      List.of(
          "src/main/java/app/rebound/advice/appeal/AppealLetter.java",
          "src/main/java/app/rebound/advice/appeal/AppealText.java",
          "src/main/java/app/rebound/report/AppealPackWriter.java");

  static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
  static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

  static boolean hasHan(String text) {
    return text.codePoints()
        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  @Test
  void the_letter_its_texts_and_the_pack_hold_no_chinese_string_in_code() throws Exception {
    // A Chinese literal is one half of a zh/en pair: its words belong in messages_zh.properties.
    List<String> found = new ArrayList<>();
    for (String source : SOURCES) {
      String code = COMMENT.matcher(Files.readString(Path.of(source))).replaceAll("");
      Matcher m = LITERAL.matcher(code);
      while (m.find()) {
        if (hasHan(m.group(1))) {
          found.add(source + ": " + m.group());
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void every_proof_sign_verdict_and_reason_reads_as_words_in_both_languages() {
    List<String> proofs = new ArrayList<>();
    for (Proof p : Proof.values()) {
      proofs.add(p.code);
    }
    proofs.add(OrderEvidence.BATCH_CAUSE);
    List<String> texts = new ArrayList<>();
    for (String lang : List.of("zh", "en")) {
      for (String code : proofs) {
        texts.add(check(code, AppealText.proof(code, lang), lang));
        texts.add(check(code, AppealText.howToAdd(code, lang), lang));
        texts.add(check(code, AppealText.howToAdd(code, State.ABSENT, lang), lang));
      }
      for (Flag f : Flag.values()) {
        texts.add(check(f.code, AppealText.flag(f.code, lang), lang));
      }
      for (String v :
          List.of(
              OrderEvidence.APPEAL,
              OrderEvidence.APPEAL_AFTER_PROOF,
              OrderEvidence.DO_NOT_APPEAL)) {
        texts.add(check(v, AppealText.verdict(v, lang), lang));
      }
      for (String r :
          List.of(
              AppealGroup.SHIPPED,
              AppealGroup.NOT_SHIPPED,
              AppealGroup.REFUNDED,
              AppealGroup.ATTACK)) {
        texts.add(check(r, AppealText.reason(r, lang), lang));
        List<String> needed = AppealText.evidenceNeeded(r, lang);
        assertFalse(needed.isEmpty(), lang + " " + r + ": the platform asks for evidence");
        needed.forEach(e -> texts.add(check(r, e, lang)));
      }
    }
    texts.forEach(t -> assertFalse(t.contains("??"), "a missing key: " + t));
  }

  /**
   * Chinese words on Chinese pages, not the code (an English verdict may be its code's word,
   * "appeal"; MessagesTest holds both bundles to the same keys); English words on English ones.
   */
  static String check(String code, String text, String lang) {
    if ("zh".equals(lang)) {
      assertTrue(hasHan(text), code + " reads in Chinese: " + text);
    } else {
      assertTrue(text.matches("(?s).*[a-z]{3}.*"), code + " reads in English: " + text);
    }
    return text;
  }

  @Test
  void a_code_the_bundles_do_not_name_shows_as_itself() {
    assertEquals("no_such_proof", AppealText.proof("no_such_proof", "en"));
    assertEquals("no_such_reason", AppealText.reason("no_such_reason", "zh"));
    assertEquals(List.of(), AppealText.evidenceNeeded("no_such_reason", "zh"));
  }

  @Test
  void lists_are_separated_the_way_each_language_writes_them() {
    assertEquals("1、2", AppealText.list(List.of("1", "2"), "zh"));
    assertEquals("1, 2", AppealText.list(List.of("1", "2"), "en"));
  }
}
