package app.rebound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.report.AppealPackWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CSV Rebound writes (actions.csv, and orders.csv and evidence_index.csv in each appeal
 * pack), made from exports full of formula-like texts, holds no cell a spreadsheet would run as a
 * formula; every ZIP and ZIP entry has a fixed ASCII name. The web app's downloads come from the
 * same writers.
 */
class SpreadsheetSafetyTest {

  /** What a spreadsheet reads as the start of a formula (a tab or CR first, too). */
  private static final String RISKY_FIRST = "=+-@\t\r";

  /**
   * A plain number a spreadsheet reads exactly: the only cell allowed to start with '-' unprefixed.
   */
  private static final Pattern PLAIN_NUMBER = Pattern.compile("-\\d{1,15}(\\.\\d+)?");

  /**
   * A long id written as text (a tab, then 12 or more digits only, as Douyin's exports write them):
   * nothing after the tab can be read as a formula.
   */
  private static final Pattern TEXT_ID = Pattern.compile("\t\\d{12,}");

  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  /**
   * The product of the sample's deletion batch, given an id that starts with '-' (ids allow it).
   */
  private static final String PRODUCT = "3500000000003039604";

  @TempDir Path dir;

  /** The sample exports with formulas in product names, nicknames, reasons, logistics and ids. */
  private Path hostileExports() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Map<String, String> everywhere = new LinkedHashMap<>();
    everywhere.put(PRODUCT, "-" + PRODUCT);
    everywhere.put("手机壳-05", "=HYPERLINK(\"\"http://evil.example\"\";\"\"x\"\")");
    everywhere.put("保湿面霜-01", "+1+1");
    everywhere.put("玉肌皂-00", "@SUM(A1)");
    everywhere.put("达人22", "-2+3");
    for (String carrier : List.of("中通快递", "圆通速递", "极兔速递", "邮政EMS", "韵达快递", "顺丰速运")) {
      everywhere.put("-" + carrier + ",", "-=cmd|' /C calc'!A0,"); // 快递信息 is "tracking-carrier"
    }
    everywhere.put("疑似虚假交易，销量已扣除", "=1+1");
    everywhere.put("WG3B1", "-WG3B1");
    for (String file :
        List.of(
            "订单明细.csv",
            "销量删除记录.csv",
            "商品流量.csv",
            "评价.csv",
            "达人合作.csv",
            "店铺体验分.csv",
            "客服聊天记录.csv")) {
      String text =
          Files.readString(AnalyzeCommandTest.sampleDir().resolve(file), StandardCharsets.UTF_8);
      for (var r : everywhere.entrySet()) {
        text =
            text.replace(
                r.getKey(),
                r.getValue().contains("\"") ? "\"" + r.getValue() + "\"" : r.getValue());
      }
      Files.writeString(in.resolve(file), text, StandardCharsets.UTF_8);
    }
    return in;
  }

  @Test
  void no_csv_the_app_writes_holds_a_live_formula_and_zip_names_are_fixed_ascii() throws Exception {
    Path in = hostileExports();
    Map<String, byte[]> csvs = new LinkedHashMap<>();
    for (String lang : List.of("zh", "en")) {
      Path out = dir.resolve("out-" + lang);
      assertEquals(
          0,
          AnalyzeCommandTest.run(
              "analyze",
              "--input",
              in.toString(),
              "--out",
              out.toString(),
              "--now",
              "2026-06-01T12:00",
              "--lang",
              lang));
      csvs.put(lang + "/actions.csv", Files.readAllBytes(out.resolve("actions.csv")));
      List<Path> packs;
      try (Stream<Path> files = Files.list(out)) {
        packs = files.filter(p -> p.getFileName().toString().endsWith(".zip")).toList();
      }
      assertFalse(packs.isEmpty(), "a pack is written while the window is open");
      for (Path pack : packs) {
        String name = pack.getFileName().toString();
        assertTrue(SAFE_NAME.matcher(name).matches() && !name.contains(".."), name);
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip =
            new ZipInputStream(Files.newInputStream(pack), StandardCharsets.UTF_8)) {
          for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            String entry = e.getName();
            entries.add(entry);
            assertTrue(
                SAFE_NAME.matcher(entry).matches() && !entry.contains("..") && !entry.contains("/"),
                entry);
            if (entry.endsWith(".csv")) {
              csvs.put(lang + "/" + name + "/" + entry, zip.readAllBytes());
            }
          }
        }
        assertEquals(AppealPackWriter.ENTRIES, entries);
      }
    }

    List<String> cells = new ArrayList<>();
    for (var csv : csvs.entrySet()) {
      for (CSVRecord record : parse(csv.getValue())) {
        for (String cell : record) {
          cells.add(cell);
          boolean risky = !cell.isEmpty() && RISKY_FIRST.indexOf(cell.charAt(0)) >= 0;
          assertFalse(
              risky && !PLAIN_NUMBER.matcher(cell).matches() && !TEXT_ID.matcher(cell).matches(),
              csv.getKey()
                  + " line "
                  + record.getRecordNumber()
                  + ": a live formula cell: "
                  + cell);
        }
      }
    }
    // The hostile texts did reach the files, neutralised.
    for (String neutralised :
        List.of(
            "'=HYPERLINK(\"http://evil.example\";\"x\")", "'-" + PRODUCT, "'=cmd|' /C calc'!A0")) {
      assertTrue(
          cells.stream().anyMatch(c -> c.startsWith(neutralised)),
          "written, neutralised: " + neutralised);
    }
  }

  /** Every record, the header included, of a CSV written with a UTF-8 BOM. */
  private static List<CSVRecord> parse(byte[] bytes) throws IOException {
    assertEquals(0xEF, bytes[0] & 0xFF, "starts with the UTF-8 BOM");
    var reader =
        new InputStreamReader(
            new ByteArrayInputStream(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
    try (CSVParser parser =
        CSVParser.builder().setReader(reader).setFormat(CSVFormat.RFC4180).get()) {
      return parser.getRecords();
    }
  }
}
