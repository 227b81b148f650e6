package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.advice.appeal.AppealFixtures;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealLetter;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.advice.appeal.AppealText;
import app.rebound.analysis.OrderEvidence;
import app.rebound.analysis.OrderEvidence.Check.State;
import app.rebound.analysis.OrderEvidence.Proof;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class AppealPackTest {

  static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** The pack's entries by name, in the order they are stored. */
  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(e.getName(), in.readAllBytes());
      }
    }
    return out;
  }

  static CSVParser parse(byte[] csv) throws IOException {
    assertArrayEquals(BOM, Arrays.copyOf(csv, 3), "UTF-8 BOM so Excel reads the Chinese");
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    return CSVFormat.RFC4180
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(text));
  }

  static String text(byte[] bytes) {
    assertArrayEquals(BOM, Arrays.copyOf(bytes, 3));
    return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
  }

  @Test
  void the_pack_holds_the_letter_the_orders_the_evidence_index_and_the_checklist()
      throws Exception {
    List<OrderEvidence> orders = AppealFixtures.groupOrders(State.UNKNOWN, State.ABSENT);
    AppealGroup group = AppealFixtures.group(orders, 2);
    AppealReport report = AppealFixtures.report(orders, group);
    Map<String, byte[]> pack = unzip(AppealPackWriter.zip(group, report, "zh"));
    assertEquals(
        List.of(
            "letter.txt",
            "letter.pdf",
            "orders.csv",
            "evidence_index.csv",
            "screenshots_checklist.txt"),
        List.copyOf(pack.keySet()));

    try (CSVParser csv = parse(pack.get("orders.csv"))) {
      assertEquals(
          List.of(
              "子订单编号", "商品ID", "商品名称", "支付时间", "订单应付金额", "商品数量", "订单状态", "售后状态", "物流单号", "快递公司",
              "发货时间", "订单完成时间", "证据分", "结论"),
          csv.getHeaderNames());
      List<CSVRecord> rows = csv.getRecords();
      assertEquals(
          group.orders(),
          rows.stream().map(r -> r.get("子订单编号").strip()).toList(),
          "exactly the group's orders");
      // 19-digit ids carry a leading tab (as Douyin's exports do), so Excel keeps them as text
      // instead of showing 6.92E+18 and losing digits on save.
      assertTrue(rows.stream().allMatch(r -> r.get("子订单编号").startsWith("\t")), rows.toString());
      CSVRecord first = rows.get(0);
      assertEquals(AppealFixtures.NAME, first.get("商品名称"));
      assertEquals("2026-05-01 21:02:41", first.get("支付时间"));
      assertEquals("59.9", first.get("订单应付金额"));
      assertEquals("SF000101", first.get("物流单号"));
      assertEquals("可以申诉", first.get("结论"));
    }

    try (CSVParser csv = parse(pack.get("evidence_index.csv"))) {
      List<CSVRecord> rows = csv.getRecords();
      assertEquals(
          orders.size() * Proof.values().length, rows.size(), "one row per order and proof");
      for (CSVRecord r : rows) {
        assertTrue(List.of("有", "没有", "未知（相应导出未上传）").contains(r.get("状态")), r.toString());
        assertTrue(!r.get("来源或需截图").isEmpty(), r.toString());
      }
      CSVRecord logistics =
          rows.stream().filter(r -> r.get("证明代码").equals("logistics")).findFirst().orElseThrow();
      assertEquals(
          "订单明细.csv 快递信息", logistics.get("来源或需截图"), "a proof held names its export and column");
      CSVRecord chat =
          rows.stream().filter(r -> r.get("证明代码").equals("chat")).findFirst().orElseThrow();
      assertEquals("未知（相应导出未上传）", chat.get("状态"), "in the pack's language, no raw code");
      assertEquals(
          AppealText.howToAdd("chat", "zh"), chat.get("来源或需截图"), "one not held names what to add");
    }

    byte[] pdf = pack.get("letter.pdf");
    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    String pdfText = PlanPdfTest.text(pdf).replace("\n", "");
    assertTrue(pdfText.contains(AppealFixtures.NAME), "the product's Chinese name in the PDF");
    assertTrue(pdfText.contains("6920000000000000103"), pdfText);

    AppealLetter letter = AppealLetter.of(group, report, "zh");
    String txt = text(pack.get("letter.txt"));
    assertTrue(txt.startsWith(letter.title()), txt);
    assertTrue(txt.contains(letter.body().replace("\n", "\r\n")));
    assertTrue(txt.contains(letter.shortReason()));
    assertTrue(!txt.contains("处罚将升级"), "the warning is for the merchant, not the platform");

    String checklist = text(pack.get("screenshots_checklist.txt"));
    for (String needed : AppealText.evidenceNeeded(AppealGroup.SHIPPED, "zh")) {
      assertTrue(checklist.contains("[ ] " + needed), needed);
    }
    assertTrue(
        checklist.contains(AppealText.howToAdd("chat", "zh"))
            && checklist.contains("订单 6920000000000000101、6920000000000000102、6920000000000000103"),
        checklist);
    assertTrue(checklist.contains("处罚将升级"), "the second notice in 90 days is warned of");
    assertTrue(checklist.contains("2026年6月6日 09:59 前（北京时间）"), "the deadline");
  }

  @Test
  void the_checklist_never_asks_to_upload_an_export_that_is_uploaded() throws Exception {
    // 客服聊天记录.csv was uploaded and holds no chat for these orders.
    List<OrderEvidence> orders = AppealFixtures.groupOrders(State.ABSENT, State.ABSENT);
    AppealGroup group = AppealFixtures.group(orders, 1);
    for (String lang : List.of("zh", "en")) {
      Map<String, byte[]> pack =
          unzip(AppealPackWriter.zip(group, AppealFixtures.report(orders, group), lang));
      String checklist = text(pack.get("screenshots_checklist.txt"));
      assertFalse(checklist.contains(AppealText.howToAdd("chat", lang)), checklist);
      assertTrue(
          checklist.contains(AppealText.howToAdd("chat", State.ABSENT, lang)),
          "what to do instead");
      assertFalse(checklist.contains(lang.equals("zh") ? "上传 客服聊天记录" : "upload 客服聊天记录"));
      assertFalse(checklist.contains(lang.equals("zh") ? "上传 评价" : "upload 评价"));
    }
  }

  @Test
  void an_english_pack_has_english_headers_and_words() throws Exception {
    List<OrderEvidence> orders = AppealFixtures.groupOrders(State.PRESENT, State.PRESENT);
    AppealGroup group = AppealFixtures.group(orders, 1);
    Map<String, byte[]> pack =
        unzip(AppealPackWriter.zip(group, AppealFixtures.report(orders, group), "en"));
    try (CSVParser csv = parse(pack.get("orders.csv"))) {
      assertEquals("Order ID", csv.getHeaderNames().get(0));
      assertEquals("appeal", csv.getRecords().get(0).get("Verdict"));
    }
    try (CSVParser csv = parse(pack.get("evidence_index.csv"))) {
      assertEquals(
          List.of("Order ID", "Proof code", "Proof", "State", "Source or screenshot to take"),
          csv.getHeaderNames());
    }
    assertTrue(text(pack.get("letter.txt")).startsWith("Appeal against the notice WG1"));
    assertTrue(text(pack.get("screenshots_checklist.txt")).contains("the platform asks for"));
  }

  @Test
  void names_and_texts_that_look_like_formulas_come_out_neutralised() throws Exception {
    List<OrderEvidence> orders =
        List.of(
            AppealFixtures.order(
                "6920000000000000101",
                "WG1",
                "3500000000000000009",
                "=HYPERLINK(\"http://evil.example\")",
                LocalDateTime.of(2026, 5, 1, 8, 0),
                Map.of()),
            AppealFixtures.order(
                "6920000000000000102",
                "WG1",
                "3500000000000000009",
                "+1 面霜",
                LocalDateTime.of(2026, 5, 2, 8, 0),
                Map.of()),
            AppealFixtures.order(
                "6920000000000000103",
                "WG1",
                "3500000000000000009",
                "-x",
                LocalDateTime.of(2026, 5, 3, 8, 0),
                Map.of()),
            AppealFixtures.order(
                "@6920000000000000104",
                "WG1",
                "3500000000000000009",
                "@SUM(1)",
                LocalDateTime.of(2026, 5, 4, 8, 0),
                Map.of()));
    AppealGroup group = AppealFixtures.group(orders, 1);
    Map<String, byte[]> pack =
        unzip(AppealPackWriter.zip(group, AppealFixtures.report(orders, group), "zh"));
    try (CSVParser csv = parse(pack.get("orders.csv"))) {
      List<String> names = csv.getRecords().stream().map(r -> r.get("商品名称")).toList();
      assertEquals(
          List.of("'=HYPERLINK(\"http://evil.example\")", "'+1 面霜", "'-x", "'@SUM(1)"), names);
    }
    try (CSVParser csv = parse(pack.get("evidence_index.csv"))) {
      assertTrue(
          csv.getRecords().stream().anyMatch(r -> r.get("子订单编号").equals("'@6920000000000000104")));
    }
  }
}
