package app.rebound.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agency's run over three shops, one of them with nothing Rebound can read: each good shop's
 * reports are exactly what {@code analyze} writes for it alone, the broken one is a summary line
 * with its reason and stops nothing, and two jobs at once write the same as one.
 */
class AnalyzeManyCommandTest {

  private static final String NOW = "2026-06-10T12:00";
  private static final List<String> REPORTS =
      List.of("ingest.json", "impact.json", "plan.md", "actions.csv", "appeal.json");

  @TempDir Path root;
  Path shops;

  @BeforeEach
  void threeShops() throws Exception {
    shops = Files.createDirectories(root.resolve("shops"));
    Path sample = AnalyzeCommandTest.sampleDir();
    Path full = Files.createDirectories(shops.resolve("a-full"));
    try (Stream<Path> files = Files.list(sample)) {
      for (Path file : files.toList()) {
        Files.copy(file, full.resolve(file.getFileName()));
      }
    }
    Path ordersOnly = Files.createDirectories(shops.resolve("b-orders-only"));
    Files.copy(sample.resolve("订单明细.csv"), ordersOnly.resolve("订单明细.csv"));
    Path broken = Files.createDirectories(shops.resolve("c-broken"));
    Files.write(broken.resolve("订单明细.csv"), new byte[] {0, 1, 2, 3, (byte) 0xFF, 0, 0, 7});
  }

  @Test
  void every_shop_is_analysed_as_alone_and_a_broken_one_stops_nothing() throws Exception {
    Path two = root.resolve("out-2");
    assertEquals(2, many(two, "2"), "a shop was not ok");

    for (String shop : List.of("a-full", "b-orders-only")) {
      Path alone = root.resolve("alone-" + shop);
      assertEquals(
          0,
          AnalyzeCommandTest.run(
              "analyze",
              "--input",
              shops.resolve(shop).toString(),
              "--out",
              alone.toString(),
              "--now",
              NOW,
              "--lang",
              "en"));
      for (String report : REPORTS) {
        assertArrayEquals(
            Files.readAllBytes(alone.resolve(report)),
            Files.readAllBytes(two.resolve(shop).resolve(report)),
            shop + " " + report + " is what analyze writes for the shop alone");
      }
    }

    List<CSVRecord> rows = summary(two.resolve("summary.csv"));
    assertEquals(
        List.of("a-full", "b-orders-only", "c-broken"), rows.stream().map(r -> r.get(0)).toList());
    assertEquals("ok", rows.get(0).get("status"));
    assertEquals("ok", rows.get(1).get("status"));
    assertEquals("exports refused", rows.get(2).get("status"));
    assertTrue(
        rows.get(2)
            .get("note")
            .contains("no orders were read: the orders export (订单明细) is required"),
        rows.get(2).get("note"));
    assertEquals("420", rows.get(0).get("orders"), "the sample's distinct orders");
    assertTrue(!rows.get(0).get("top action").isEmpty(), "the full shop's plan has a first action");
    double loss = Double.parseDouble(rows.get(0).get("GMV loss (yuan)"));
    double low = Double.parseDouble(rows.get(0).get("95% interval low"));
    double high = Double.parseDouble(rows.get(0).get("95% interval high"));
    assertTrue(low <= loss && loss <= high, low + " ≤ " + loss + " ≤ " + high);

    try (Workbook book = WorkbookFactory.create(two.resolve("summary.xlsx").toFile())) {
      Sheet sheet = book.getSheetAt(0);
      assertEquals(4, sheet.getPhysicalNumberOfRows(), "a header and a row per shop");
      assertEquals("c-broken", sheet.getRow(3).getCell(0).getStringCellValue());
    }

    Path one = root.resolve("out-1");
    assertEquals(2, many(one, "1"));
    assertArrayEquals(
        Files.readAllBytes(one.resolve("summary.csv")),
        Files.readAllBytes(two.resolve("summary.csv")),
        "one job at a time writes the same summary as two");
    for (String report : REPORTS) {
      assertArrayEquals(
          Files.readAllBytes(one.resolve("a-full").resolve(report)),
          Files.readAllBytes(two.resolve("a-full").resolve(report)),
          report);
    }
  }

  private int many(Path out, String jobs) {
    return AnalyzeCommandTest.run(
        "analyze-many",
        "--input-root",
        shops.toString(),
        "--out-root",
        out.toString(),
        "--jobs",
        jobs,
        "--now",
        NOW,
        "--lang",
        "en");
  }

  private static List<CSVRecord> summary(Path csv) throws IOException {
    String text = Files.readString(csv, StandardCharsets.UTF_8).replace("\uFEFF", "");
    try (CSVParser parser =
        CSVParser.parse(
            text, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }
}
