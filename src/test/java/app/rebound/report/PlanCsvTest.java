package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.rebound.advice.Plan;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class PlanCsvTest {

  static List<CSVRecord> parse(byte[] csv) throws Exception {
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    try (CSVParser parser =
        CSVFormat.RFC4180
            .builder()
            // rows keyed by the field names whatever the language of the header row
            .setHeader(PlanWriters.Column.class)
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(text))) {
      return parser.getRecords();
    }
  }

  @Test
  void actions_csv_starts_with_the_utf8_bom_and_a_header_in_the_plans_language() {
    byte[] csv = PlanWriters.csv(PlanFixtures.zh());
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
    assertEquals(
        "行动编号,行动,排名,预计挽回 GMV（元）,预计挽回 GMV 下限（元）,预计挽回 GMV 上限（元）,成本（元）,投入,置信度,"
            + "见效天数,商品ID,针对的损失,依据,净值（元）,恢复的销量（件）,排名规则\r\n",
        firstLine(csv));
    assertEquals(
        "id,name,rank,expected_gmv,expected_gmv_low,expected_gmv_high,cost,effort,confidence,"
            + "days_to_effect,products,gap,rationale,net_value,units_restored,rank_rule\r\n",
        firstLine(PlanWriters.csv(PlanFixtures.en())));
  }

  private static String firstLine(byte[] csv) {
    String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    return text.substring(0, text.indexOf('\n') + 1);
  }

  @Test
  void formula_like_texts_are_neutralised_and_numbers_stay_numbers() throws Exception {
    List<CSVRecord> zh = parse(PlanWriters.csv(PlanFixtures.zh()));
    assertEquals("'=HYPERLINK(\"http://evil.example\",\"点我\")", zh.get(1).get("rationale"));
    assertEquals("'+1 每日检查删除记录", zh.get(2).get("rationale"));
    assertEquals("12345.6", zh.get(1).get("expected_gmv"));
    assertEquals("16000.5", zh.get(1).get("expected_gmv_high"));
    assertEquals("0.8", zh.get(1).get("confidence"));
    assertEquals("0", zh.get(1).get("cost"));
    List<CSVRecord> en = parse(PlanWriters.csv(PlanFixtures.en()));
    assertEquals("'-x", en.get(1).get("gap"));
    assertEquals(
        "'@SUM(1) Rebuild affiliate partnerships that were cancelled", en.get(1).get("rationale"));
    assertEquals(
        "-12.5", PlanWriters.number(-12.5), "a negative number is a number, not a formula");
    assertEquals("1000", PlanWriters.number(1000.0));
    assertEquals("", PlanWriters.number(Double.NaN));
  }

  @Test
  void actions_csv_parses_back_to_the_same_rows() throws Exception {
    Plan plan = PlanFixtures.zh();
    List<CSVRecord> rows = parse(PlanWriters.csv(plan));
    assertEquals(plan.actions().size(), rows.size());
    for (int i = 0; i < rows.size(); i++) {
      var a = plan.actions().get(i);
      CSVRecord r = rows.get(i);
      assertEquals(a.id().code(), r.get("id"));
      assertEquals(a.rank(), Integer.parseInt(r.get("rank")));
      assertEquals(a.expectedGmv(), Double.parseDouble(r.get("expected_gmv")));
      assertEquals(a.expectedGmvLow(), Double.parseDouble(r.get("expected_gmv_low")));
      assertEquals(a.expectedGmvHigh(), Double.parseDouble(r.get("expected_gmv_high")));
      assertEquals(a.cost(), Double.parseDouble(r.get("cost")));
      assertEquals(PlanText.of("zh").effort(a.effort()), r.get("effort"), "低/中/高, never medium");
      assertEquals(a.confidence(), Double.parseDouble(r.get("confidence")));
      assertEquals(a.daysToEffect(), Integer.parseInt(r.get("days_to_effect")));
      assertEquals(
          a.products(),
          r.get("products").isEmpty() ? List.of() : List.of(r.get("products").strip().split(";")));
      assertEquals(SpreadsheetSafe.cell(a.gap()), r.get("gap"));
      assertEquals(SpreadsheetSafe.cell(a.rationale()), r.get("rationale"));
    }
    assertEquals("申诉恢复销量", rows.get(1).get("name"));
  }

  @Test
  void spreadsheet_safe_prefixes_only_cells_a_spreadsheet_would_read_as_formulas() {
    for (String risky : List.of("=1+1", "+1", "-x", "@SUM(1)", "\tx", "\rx")) {
      assertEquals("'" + risky, SpreadsheetSafe.cell(risky));
    }
    for (String plain : List.of("保湿面霜-01", "a=b", "1-2", "", "'quoted")) {
      assertEquals(plain, SpreadsheetSafe.cell(plain));
    }
    assertEquals("", SpreadsheetSafe.cell(null));
  }

  @Test
  void long_ids_stay_text_in_a_spreadsheet_and_short_numbers_stay_as_they_are() {
    // Excel shows 12+ digits as 6.92E+18 and keeps only 15 of them when the file is saved.
    assertEquals("\t6920000030000453430", SpreadsheetSafe.id("6920000030000453430"));
    assertEquals("\t3500000000003003999", SpreadsheetSafe.id("3500000000003003999"));
    assertEquals("12345678901", SpreadsheetSafe.id("12345678901"));
    assertEquals("SF962660401620", SpreadsheetSafe.id("SF962660401620"));
    assertEquals("'=1+1", SpreadsheetSafe.id("=1+1"));
    assertEquals("", SpreadsheetSafe.id(null));
  }
}
