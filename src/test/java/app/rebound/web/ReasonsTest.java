package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ChineseText;
import app.rebound.advice.Assumptions;
import app.rebound.analysis.ExportFolders;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.Reason;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import app.rebound.service.ShopReport;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Every reason the analysis gives for a figure it could not measure reads in Chinese on a Chinese
 * page: the sample shop with each optional export left out in turn, and a shop too small to measure
 * much, put into words by the one lookup the pages, charts and files use.
 */
class ReasonsTest {

  /**
   * Latin words a Chinese sentence may hold: file endings, units merchants know, and the dates of a
   * 罗盘 file name as it downloads (抖音电商罗盘-成交分析-YYYYMMDD-YYYYMMDD.xlsx).
   */
  private static final Pattern RAW_CODE = Pattern.compile("\\?\\?|\\b[a-z]+_[a-z_]+\\b");

  /** Without it there is nothing to measure, and every reason says so. */
  private static final String DELETIONS = "销量删除记录.csv";

  /** The sample's exports an analysis can do without (the orders export it needs). */
  private static final List<String> OPTIONAL_EXPORTS =
      List.of("商品流量.csv", "客服聊天记录.csv", "店铺体验分.csv", "评价.csv", "达人合作.csv", DELETIONS);

  @Test
  void every_reason_of_the_sample_with_each_export_left_out_reads_in_chinese() {
    Map<Reason, String> seen = reasons();
    collect(ExportFolders.read(ExportFolders.SAMPLE), seen);
    for (String left : OPTIONAL_EXPORTS) {
      collect(ExportFolders.read(ExportFolders.SAMPLE, name -> !name.equals(left)), seen);
      assertTrue(
          left.equals(DELETIONS) || seen.keySet().stream().anyMatch(r -> r.args().contains(left)),
          left + " left out is named in a reason");
    }
    Set<String> codes = codes(seen);
    for (String code : List.of("upload", "upload_commissions", "no_deletions")) {
      assertTrue(codes.contains(code), code + " in " + codes);
    }
    assertChinese(seen);
  }

  @Test
  void every_reason_of_a_shop_too_small_to_measure_reads_in_chinese(@TempDir Path dir)
      throws IOException {
    ShopSimulator.write(
        SimConfig.defaults().withSeed(3).withProducts(4).withDays(42).withTargetOrders(80), dir);
    Map<Reason, String> seen = reasons();
    collect(ExportFolders.read(dir), seen);
    collect(fromDay(ExportFolders.read(ExportFolders.SAMPLE), LocalDate.of(2026, 5, 23)), seen);
    Set<String> codes = codes(seen);
    for (String code : List.of("too_few_reviews_affected_before", "few_pre_days")) {
      assertTrue(codes.contains(code), "a thin shop is refused for too little data: " + codes);
    }
    assertChinese(seen);
  }

  @Test
  void every_zh_reason_pattern_is_chinese_and_every_code_has_words_in_both_languages()
      throws IOException {
    assertEquals(new TreeSet<>(Reason.codes(true)), new TreeSet<>(Reason.codes(false)));
    for (String code : Reason.codes(true)) {
      Reason r = new Reason(code, List.of("1", "2", "3", "4"));
      String zh = r.text(true);
      assertFalse(ChineseText.englishIn(zh), code + ": " + zh);
      assertFalse(zh.matches("(?s).*\\{\\d\\}.*"), code + " fills its placeholders: " + zh);
      assertFalse(r.text(false).matches("(?s).*\\{\\d\\}.*"), code + " in English");
    }
    for (String code : codesInSource()) {
      assertTrue(Reason.codes(true).contains(code), code + " has words in reasons_zh");
    }
  }

  @Test
  void impact_json_gives_each_reason_its_code_args_and_message_in_the_reports_language() {
    ImpactAnalysis.Result result =
        ImpactAnalysis.run(
            ExportFolders.read(ExportFolders.SAMPLE, name -> !name.equals("商品流量.csv")));
    for (String lang : List.of("zh", "en")) {
      JsonNode visitors = json(result, lang).path("traffic").path("visitors");
      assertEquals("upload", visitors.path("reason").path("code").asText());
      assertEquals("商品流量.csv", visitors.path("reason").path("args").get(0).asText());
      assertEquals(
          lang.equals("zh") ? "未测量：请上传 商品流量.csv" : "not measured: upload 商品流量.csv",
          visitors.path("message").asText());
    }
  }

  /** Reasons in a stable order, each with its Chinese text. */
  private static Map<Reason, String> reasons() {
    return new TreeMap<>(ReasonsTest::byCodeThenArgs);
  }

  /**
   * Each reason of one shop's zh impact.json, with the text the pages show for it; fails when the
   * JSON's message says something else, or a batch signal reads in English.
   */
  private static void collect(ShopData shop, Map<Reason, String> seen) {
    JsonNode tree = json(ImpactAnalysis.run(shop), "zh");
    List<JsonNode> holders = new ArrayList<>();
    holdersOfReasons(tree, holders);
    for (JsonNode holder : holders) {
      JsonNode r = holder.get("reason");
      List<String> args = new ArrayList<>();
      r.path("args").forEach(a -> args.add(a.asText()));
      Reason reason = new Reason(r.get("code").asText(), args);
      String page = Messages.of(Lang.ZH).reason(reason);
      assertEquals(page, holder.path("message").asText(), "the JSON says what the page says");
      seen.put(reason, page);
    }
    // A signal not measured is its reason's sentence.
    for (JsonNode batch : tree.path("deletions").path("batches")) {
      batch
          .path("signals")
          .forEach(s -> assertFalse(ChineseText.englishIn(s.asText()), s.asText()));
    }
  }

  /**
   * The shop's orders and traffic from a day on: the sample's first deletion (May 30) then has a
   * week before it.
   */
  private static ShopData fromDay(ShopData shop, LocalDate first) {
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    for (FileKind kind : FileKind.values()) {
      if (shop.has(kind)) {
        tables.put(kind, shop.table(kind));
      }
    }
    Table orders = shop.orders();
    tables.put(
        FileKind.ORDERS,
        orders.where(orders.dateTimeColumn("submitted_at").isOnOrAfter(first.atStartOfDay())));
    Table traffic = shop.table(FileKind.TRAFFIC);
    tables.put(FileKind.TRAFFIC, traffic.where(traffic.dateColumn("date").isOnOrAfter(first)));
    return ShopData.of(tables);
  }

  private static JsonNode json(ImpactAnalysis.Result result, String lang) {
    return ShopReport.of(result, lang, Assumptions.defaults(), LocalDate.of(2026, 6, 20)).toJson();
  }

  private static void holdersOfReasons(JsonNode node, List<JsonNode> out) {
    if (node.path("reason").isObject()) {
      out.add(node);
    }
    node.forEach(child -> holdersOfReasons(child, out));
  }

  /** Fails on a reason whose Chinese holds an English word or shows a raw code. */
  private static void assertChinese(Map<Reason, String> seen) {
    assertFalse(seen.isEmpty(), "the runs give reasons");
    seen.forEach(
        (reason, zh) -> {
          assertFalse(ChineseText.englishIn(zh), reason + ": " + zh);
          assertFalse(RAW_CODE.matcher(zh).find(), reason + " shows a raw code: " + zh);
        });
  }

  private static Set<String> codes(Map<Reason, String> seen) {
    Set<String> codes = new TreeSet<>();
    seen.keySet().forEach(r -> codes.add(r.code()));
    return codes;
  }

  private static int byCodeThenArgs(Reason a, Reason b) {
    int byCode = a.code().compareTo(b.code());
    return byCode != 0 ? byCode : a.args().toString().compareTo(b.args().toString());
  }

  /**
   * The codes main code names: every Reason.of(…) and new Reason(…) with a literal code or a
   * constant of its file, and Arms' thin-cell codes, which it composes from a noun and a cell.
   */
  private static Set<String> codesInSource() throws IOException {
    Pattern use =
        Pattern.compile("(?:Reason\\.of|new Reason)\\(\\s*(?:\"([a-z_]+)\"\\s*[,)]|([A-Z_]+)\\b)");
    Set<String> codes = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java/app/rebound"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String source = Files.readString(file);
        Matcher m = use.matcher(source);
        while (m.find()) {
          if (m.group(1) != null) {
            codes.add(m.group(1));
          } else {
            Matcher constant =
                Pattern.compile("String " + m.group(2) + " = \"([a-z_]+)\"").matcher(source);
            assertTrue(constant.find(), file + ": " + m.group(2) + " is a code of its file");
            codes.add(constant.group(1));
          }
        }
      }
    }
    for (String noun : List.of("reviews", "paid_orders")) {
      for (String cell :
          List.of("affected_before", "affected_after", "unaffected_before", "unaffected_after")) {
        codes.add("too_few_" + noun + "_" + cell);
      }
    }
    return codes;
  }
}
