package app.rebound.advice.appeal;

import static app.rebound.advice.appeal.AppealFixtures.group;
import static app.rebound.advice.appeal.AppealFixtures.groupOrders;
import static app.rebound.advice.appeal.AppealFixtures.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.OrderEvidence;
import app.rebound.analysis.OrderEvidence.Check.State;
import app.rebound.analysis.OrderEvidence.Proof;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AppealLetterTest {

  static final Pattern ORDER_ID = Pattern.compile("692\\d{16}");

  /** Where the letter stops stating what the data holds and lists what the merchant will attach. */
  static final Map<String, String> MERCHANT_PART =
      Map.of("zh", "由商家补充附上", "en", "to be attached by the merchant");

  static Set<String> orderIds(String text) {
    Set<String> ids = new LinkedHashSet<>();
    Matcher m = ORDER_ID.matcher(text);
    while (m.find()) {
      ids.add(m.group());
    }
    return ids;
  }

  /**
   * English words without the punctuation around them: a word cut short is not among a full text's
   * words.
   */
  static Set<String> words(String text) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : text.split(" ")) {
      out.add(w.replaceAll("^[(]+|[.,:)]+$", ""));
    }
    return out;
  }

  static AppealLetter letter(List<OrderEvidence> orders, int notices, String lang, int limit) {
    AppealGroup g = group(orders, notices);
    return AppealLetter.of(g, report(orders, g), lang, limit);
  }

  @Test
  void a_letter_names_exactly_the_groups_orders_and_its_time_range() {
    List<OrderEvidence> orders = groupOrders(State.PRESENT, State.PRESENT);
    AppealGroup g = group(orders, 1);
    AppealReport shop = report(orders, g);
    for (String lang : List.of("zh", "en")) {
      AppealLetter letter = AppealLetter.of(g, shop, lang);
      String all = letter.title() + letter.body() + letter.shortReason();
      assertFalse(letter.title().matches(".*（[^）]*（.*"), lang + ": brackets nested in the title");
      assertEquals(
          Set.copyOf(g.orders()), orderIds(all), lang + ": no other order of the shop is named");
      assertTrue(
          letter.body().contains(String.join("zh".equals(lang) ? "、" : ", ", g.orders())), lang);
      String range =
          "2026-05-01 21:02:41" + ("zh".equals(lang) ? " 至 " : " to ") + "2026-05-03 18:45:12";
      assertTrue(letter.body().contains(range), lang + ": " + letter.body());
      assertTrue(
          letter.body().contains("WG1")
              && letter.body().contains(AppealFixtures.PRODUCT)
              && letter.body().contains(AppealFixtures.NAME),
          lang);
      assertTrue(letter.body().contains(AppealText.reason(AppealGroup.SHIPPED, lang)), lang);
    }
    AppealLetter zh = AppealLetter.of(g, shop, "zh");
    assertTrue(
        zh.body().contains("3 笔订单均有物流单号和快递公司：SF000101（顺丰速运）、SF000102（顺丰速运）、SF000103（顺丰速运）"),
        zh.body());
    assertTrue(zh.body().contains("3 笔订单均有与买家的飞鸽客服聊天记录"), zh.body());
    assertTrue(
        zh.body().contains("orders.csv") && zh.body().contains("evidence_index.csv"),
        "the pack's files");
  }

  @Test
  void a_letter_counts_each_proof_over_the_groups_orders() {
    List<OrderEvidence> orders =
        List.of(
            AppealFixtures.order(
                "6920000000000000101", LocalDateTime.of(2026, 5, 1, 8, 0), Map.of()),
            AppealFixtures.order(
                "6920000000000000102",
                LocalDateTime.of(2026, 5, 2, 8, 0),
                Map.of(Proof.CHAT, State.ABSENT, Proof.LOGISTICS, State.ABSENT)));
    String body = letter(orders, 1, "en", 200).body();
    assertTrue(
        body.contains("1 of 2 orders have a tracking number and carrier: SF000101 (顺丰速运)"), body);
    assertFalse(body.contains("SF000102"), "no waybill where the data has none");
    assertTrue(
        body.contains("1 of 2 orders have a customer-service (飞鸽) chat with the buyer"), body);
    assertTrue(body.contains("All 2 orders have a shipping time"), body);
  }

  @Test
  void a_letter_never_claims_chat_or_review_evidence_the_data_does_not_hold() {
    for (State chat : List.of(State.UNKNOWN, State.ABSENT)) {
      for (State review : List.of(State.UNKNOWN, State.ABSENT)) {
        List<OrderEvidence> orders = groupOrders(chat, review);
        for (String lang : List.of("zh", "en")) {
          AppealLetter letter = letter(orders, 1, lang, 200);
          String body = letter.body();
          int merchant = body.indexOf(MERCHANT_PART.get(lang));
          assertTrue(merchant > 0, body);
          String stated = letter.title() + body.substring(0, merchant) + letter.shortReason();
          for (String word : List.of("聊天", "飞鸽", "评价", "chat", "review")) {
            assertFalse(
                stated.contains(word),
                chat + "/" + review + " " + lang + " claims " + word + ":\n" + stated);
          }
          String attached = body.substring(merchant);
          boolean namesTheOrders =
              attached.contains(AppealText.proof(Proof.CHAT.code, lang))
                  && attached.contains("6920000000000000101");
          assertEquals(
              chat == State.UNKNOWN,
              namesTheOrders,
              "a chat the data cannot tell is to be attached; one it says is absent is not promised:\n"
                  + attached);
        }
      }
    }
  }

  @Test
  void the_short_form_stays_within_the_limit_and_keeps_whole_words_and_numbers() {
    List<OrderEvidence> orders = groupOrders(State.PRESENT, State.UNKNOWN);
    for (String lang : List.of("zh", "en")) {
      String full = letter(orders, 1, lang, Integer.MAX_VALUE).shortReason();
      Set<String> fullNumbers = Set.copyOf(Arrays.asList(full.split("\\D+")));
      Set<String> fullWords = words(full);
      for (int limit : List.of(200, 120, 60, 30)) {
        String shortForm = letter(orders, 1, lang, limit).shortReason();
        assertTrue(
            shortForm.codePointCount(0, shortForm.length()) <= limit,
            lang + " " + limit + ": " + shortForm);
        assertFalse(shortForm.isBlank(), lang + " " + limit);
        for (String number : shortForm.split("\\D+")) {
          assertTrue(
              fullNumbers.contains(number),
              lang + " " + limit + ": " + number + " cut in " + shortForm);
        }
        if ("en".equals(lang)) {
          for (String word : words(shortForm)) {
            assertTrue(fullWords.contains(word), limit + ": " + word + " cut in " + shortForm);
          }
        }
        assertTrue(
            shortForm.endsWith("zh".equals(lang) ? "。" : "."), "whole sentences: " + shortForm);
      }
      String at200 = letter(orders, 1, lang, 200).shortReason();
      assertTrue(
          at200.contains("WG1") && at200.contains(AppealFixtures.PRODUCT) && at200.contains("3"),
          at200);
    }
  }

  @Test
  void a_long_product_name_falls_back_to_the_product_id_in_the_short_form() {
    String longName = "超长商品名".repeat(40);
    List<OrderEvidence> orders =
        List.of(
            AppealFixtures.order(
                "6920000000000000101",
                "WG1",
                AppealFixtures.PRODUCT,
                longName,
                LocalDateTime.of(2026, 5, 1, 8, 0),
                Map.of()));
    String shortForm = letter(orders, 1, "zh", 200).shortReason();
    assertTrue(shortForm.contains("商品ID " + AppealFixtures.PRODUCT), shortForm);
    assertFalse(shortForm.contains("超长"), shortForm);
  }

  @Test
  void fitting_counts_code_points_and_skips_a_sentence_that_does_not_fit() {
    List<List<String>> sentences =
        List.of(List.of("aaa."), List.of("bbbbbbbbb.", "bb."), List.of("cccc."), List.of("d."));
    assertEquals("aaa. bb. d.", AppealLetter.fit(sentences, " ", 11));
    assertEquals(
        "😀😀。", AppealLetter.fit(List.of(List.of("😀😀。")), "", 3), "an emoji is one character");
    assertEquals("", AppealLetter.fit(List.of(List.of("too long")), " ", 3));
  }

  @Test
  void the_escalation_warning_appears_only_with_two_or_more_notices_in_90_days() {
    List<OrderEvidence> orders = groupOrders(State.PRESENT, State.PRESENT);
    assertEquals(List.of(), letter(orders, 1, "zh", 200).warnings());
    AppealLetter second = letter(orders, 2, "zh", 200);
    assertEquals(1, second.warnings().size());
    assertTrue(
        second.warnings().get(0).startsWith("这是 90 天内第 2 次违规通知：再被判定违规，处罚将升级"),
        second.warnings().get(0));
    assertTrue(second.warnings().get(0).contains("最高 ¥20,000"));
    assertFalse(
        second.body().contains("处罚") || second.shortReason().contains("处罚"), "not in the letter");
    AppealLetter third = letter(orders, 3, "en", 200);
    assertTrue(
        third.warnings().get(0).startsWith("This is notice 3 within 90 days"),
        third.warnings().get(0));
    assertFalse(third.body().contains("penalty"), "not in the letter");
  }
}
