package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.report.Table.Cell;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The workbook a table is written as, opened with POI as a spreadsheet would open it. */
class XlsxTablesTest {

  private static Sheet written(Table table) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    XlsxTables.write(table, out);
    return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray())).getSheetAt(0);
  }

  @Test
  void text_that_looks_like_a_formula_stays_a_string_cell_as_written() throws Exception {
    List<String> risky =
        List.of("=HYPERLINK(\"http://x\",\"点我\")", "+1+1", "-2", "@SUM(A1)", "\t=1", "6.92E+18");
    List<List<Cell>> rows = new ArrayList<>();
    for (String text : risky) {
      rows.add(List.of(Cell.text(text), Cell.id(text)));
    }
    Sheet sheet = written(new Table("t", List.of("text", "id"), rows));
    for (int r = 0; r < risky.size(); r++) {
      for (int c = 0; c < 2; c++) {
        var cell = sheet.getRow(r + 1).getCell(c);
        assertEquals(CellType.STRING, cell.getCellType(), risky.get(r));
        assertEquals(risky.get(r), cell.getStringCellValue());
        assertTrue(cell.getCellStyle().getQuotePrefixed(), "retyped, it stays text");
      }
    }
  }

  @Test
  void numbers_and_dates_are_typed_cells_with_the_pages_rounding() throws Exception {
    Sheet sheet =
        written(
            new Table(
                "t",
                List.of("money", "count", "share", "day", "at"),
                List.of(
                    List.of(
                        Cell.money(-1_234.6),
                        Cell.count(1_234_567),
                        Cell.percent(0.1234),
                        Cell.date(LocalDate.of(2026, 6, 7)),
                        Cell.dateTime(LocalDateTime.of(2026, 6, 7, 8, 9, 10))))));
    Row row = sheet.getRow(1);
    DataFormatter shown = new DataFormatter();
    assertEquals(-1_234.6, row.getCell(0).getNumericCellValue());
    assertEquals("-¥1,235", shown.formatCellValue(row.getCell(0)));
    assertEquals("1,234,567", shown.formatCellValue(row.getCell(1)));
    assertEquals("12.3%", shown.formatCellValue(row.getCell(2)));
    assertEquals(
        LocalDate.of(2026, 6, 7), row.getCell(3).getLocalDateTimeCellValue().toLocalDate());
    assertEquals("2026-06-07 08:09:10", shown.formatCellValue(row.getCell(4)));
  }

  @Test
  void a_sheet_name_excel_would_refuse_is_made_safe() throws Exception {
    Sheet sheet =
        written(new Table("信任：受影响商品 [对比] 店内其他商品/a*b?c\\d 以及更多的文字", List.of("a"), List.of()));
    String name = sheet.getSheetName();
    assertTrue(name.length() <= 31, name);
    assertTrue(name.chars().noneMatch(c -> "[]:*?/\\".indexOf(c) >= 0), name);
    assertTrue(name.startsWith("信任"), name);
  }

  @Test
  void a_large_table_streams_into_a_workbook_that_opens() throws Exception {
    List<List<Cell>> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(List.of(Cell.id(String.valueOf(6_920_000_000_000_000_000L + i)), Cell.count(i)));
    }
    Sheet sheet = written(new Table("orders", List.of("子订单编号", "n"), rows));
    assertEquals(20_000, sheet.getLastRowNum());
    assertEquals("6920000000000019999", sheet.getRow(20_000).getCell(0).getStringCellValue());
  }

  @Test
  void a_row_that_does_not_fit_the_header_or_a_cell_of_the_wrong_type_is_refused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Table("t", List.of("a", "b"), List.of(List.of(Cell.text("x")))));
    assertThrows(IllegalArgumentException.class, () -> new Cell(Table.Kind.MONEY, "12"));
  }
}
