package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ChineseText;
import app.rebound.Json;
import app.rebound.ingest.FileKind;
import app.rebound.sim.ShopSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Every sentence of the cause diagnosis (signals, drivers, what would settle a close call, the
 * penalties, the appeal check that waits for it) has words in both bundles and reads in Chinese on
 * a Chinese page: the sample shop, the sample with each deciding export left out, and one simulated
 * shop of each kind the cause accuracy suite simulates.
 */
class DiagnosisPhrasesTest {

  /** Latin words a Chinese sentence may hold: file endings and units merchants know. */
  private static final Pattern RAW = Pattern.compile("\\?\\?|\\{\\d\\}");

  /** Exports without which the sample's batches are close calls or thin evidence. */
  private static final List<FileKind> DECIDING_EXPORTS =
      List.of(FileKind.SHOP_SCORES, FileKind.CHATS);

  /**
   * Simulated shops that reach what the sample does not: complaint spikes left out of the usual
   * level, a refund wave, batches of a few orders.
   */
  private static final Set<String> SIMULATED_KINDS =
      Set.of("malicious_report", "mixed_thin_evidence");

  /** Every words object the runs produced, by code then arguments, with its Chinese text. */
  private static final Map<String, String> SEEN = new TreeMap<>();

  private static final Set<String> CODES = new TreeSet<>();

  private static final List<OrderEvidence> WAITING = new ArrayList<>();

  @BeforeAll
  static void diagnose(@TempDir Path dir) throws Exception {
    ShopData sample = ExportFolders.read(ExportFolders.SAMPLE);
    collect(sample);
    for (FileKind left : DECIDING_EXPORTS) {
      Map<FileKind, Table> kept = new EnumMap<>(sample.tables());
      kept.remove(left);
      collect(ShopData.of(kept));
    }
    for (CauseAccuracySuite.Kind kind : CauseAccuracySuite.KINDS) {
      if (!SIMULATED_KINDS.contains(kind.name())) {
        continue;
      }
      Path shop = dir.resolve(kind.name());
      ShopSimulator.write(CauseAccuracySuite.configs(kind, 1).get(0), shop);
      collect(SimulatedShops.read(shop));
    }
  }

  @Test
  void every_code_the_diagnosis_uses_has_words_in_both_languages_and_reads_in_chinese() {
    assertFalse(SEEN.isEmpty(), "the runs diagnose batches");
    for (String code : CODES) {
      assertTrue(Phrase.codes(true).contains(code), code + " has words in diagnosis_zh");
      assertTrue(Phrase.codes(false).contains(code), code + " has words in diagnosis_en");
    }
    SEEN.forEach(
        (words, zh) -> {
          assertFalse(ChineseText.englishIn(zh), words + ": " + zh);
          assertFalse(RAW.matcher(zh).find(), words + " shows a raw code: " + zh);
        });
    // The runs reach the sentences a merchant depends on, so the checks above are not vacuous.
    for (String code :
        List.of(
            "cause_probabilities",
            "cause_driver",
            "cause_undecided",
            "cause_most_likely",
            "thin_evidence_upload",
            "signal_tracking_share",
            "signal_complaint_ratio",
            "signal_complaint_ratio_spikes_left_out",
            "signal_refund_wave_concentration",
            "thin_evidence",
            "signal_complaints_above_usual",
            "penalty_appeal_window",
            "penalty_repeat_fine",
            "join_evidence")) {
      assertTrue(CODES.contains(code), code + " in " + CODES);
    }
  }

  @Test
  void every_pattern_has_both_languages_fills_its_arguments_and_is_chinese_in_chinese() {
    assertEquals(new TreeSet<>(Phrase.codes(true)), new TreeSet<>(Phrase.codes(false)));
    Object[] args = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};
    for (String code : Phrase.codes(true)) {
      String zh = new Phrase(code, List.of(args)).text(true);
      String en = new Phrase(code, List.of(args)).text(false);
      assertFalse(ChineseText.englishIn(zh), code + ": " + zh);
      assertFalse(RAW.matcher(zh).find(), code + " fills its placeholders: " + zh);
      assertFalse(RAW.matcher(en).find(), code + " in English: " + en);
      assertFalse(Reason.codes(true).contains(code), code + " names one thing: it is a reason too");
    }
  }

  @Test
  void a_words_argument_is_put_into_the_language_of_the_sentence_around_it() {
    Phrase settle =
        Phrase.of(
            "cause_undecided",
            Phrase.of("cause_system_error"),
            Phrase.of("cause_malicious_report"),
            Phrase.join(
                "join_evidence",
                List.of(
                    Phrase.of("settle_complaints", "店铺体验分.csv"),
                    Phrase.of("settle_notice_details"))));
    assertEquals(
        "未定：系统误判与恶意举报的可能相近。可以确定的是：店铺体验分.csv（投诉量）、违规通知详情（是否因投诉举报触发）和删除前投诉、退款的截图", settle.text(true));
    assertEquals(
        "undecided: a system error and a malicious report are close. What would settle it:"
            + " 店铺体验分.csv (投诉量, complaints); the violation notice's details (whether a"
            + " complaint or report started it) and screenshots of the complaints and refunds"
            + " before the deletion",
        settle.text(false));
  }

  @Test
  void an_order_waiting_for_its_batchs_cause_reads_the_same_after_the_analysis_is_stored()
      throws Exception {
    assertFalse(WAITING.isEmpty(), "some run has an undecided batch");
    for (OrderEvidence order : WAITING) {
      String json = Json.MAPPER.writeValueAsString(order);
      OrderEvidence read = Json.MAPPER.readValue(json, OrderEvidence.class);
      assertEquals(order, read, json);
      for (boolean zh : List.of(true, false)) {
        assertEquals(sources(order, zh), sources(read, zh));
      }
    }
  }

  private static List<String> sources(OrderEvidence order, boolean zh) {
    return order.checks().stream().map(c -> c.source(zh)).toList();
  }

  private static void collect(ShopData shop) {
    Table deleted = DeletedOrders.of(shop);
    List<BatchCause> causes = BatchCauses.of(shop, deleted);
    for (BatchCause c : causes) {
      c.signals().stream().filter(s -> s.words() != null).forEach(s -> see(s.words()));
      c.odds().drivers().forEach(d -> see(d.words()));
      c.consequences().forEach(q -> see(q.words()));
      if (c.odds().settle() != null) {
        see(c.odds().settle());
      }
    }
    for (OrderEvidence o : AppealEvidence.of(shop, deleted, causes)) {
      for (OrderEvidence.Check check : o.checks()) {
        if (check.settle() != null) {
          see(check.settle());
          if (WAITING.size() < 3) {
            WAITING.add(o);
          }
        }
      }
    }
  }

  /** The words, and every words among their arguments. */
  private static void see(Phrase words) {
    CODES.add(words.code());
    SEEN.put(words.code() + " " + words.args(), words.text(true));
    assertFalse(RAW.matcher(words.text(false)).find(), words + " in English: " + words.text(false));
    words.args().stream().filter(Phrase.class::isInstance).forEach(a -> see((Phrase) a));
  }
}
