package app.rebound.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a {@link Table} as an .xlsx workbook of one sheet: the header row in bold and frozen, then
 * one row per table row. Streaming (SXSSF): only {@value #ROWS_IN_MEMORY} rows are held at once,
 * the rest go to a temporary file that is deleted after the write.
 */
public final class XlsxTables {

  static final int ROWS_IN_MEMORY = 100;

  /** Spreadsheet content type, for the download. */
  public static final String CONTENT_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private XlsxTables() {}

  public static void write(Table table, OutputStream out) throws IOException {
    SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    try {
      Map<Table.Kind, CellStyle> styles = styles(workbook);
      // Excel refuses a sheet name over 31 characters or holding []:*?/\ : those become spaces.
      SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.name()));
      sheet.createFreezePane(0, 1);
      CellStyle bold = workbook.createCellStyle();
      Font font = workbook.createFont();
      font.setBold(true);
      bold.setFont(font);
      Row header = sheet.createRow(0);
      for (int c = 0; c < table.header().size(); c++) {
        Cell cell = header.createCell(c);
        cell.setCellValue(table.header().get(c));
        cell.setCellStyle(bold);
        sheet.setColumnWidth(c, width(table, c));
      }
      List<List<Table.Cell>> rows = table.rows();
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<Table.Cell> cells = rows.get(r);
        for (int c = 0; c < cells.size(); c++) {
          Table.Cell value = cells.get(c);
          if (value.value() != null) {
            Cell cell = row.createCell(c);
            set(cell, value);
            cell.setCellStyle(styles.get(value.kind()));
          }
        }
      }
      workbook.write(out);
    } finally {
      workbook.dispose();
      workbook.close();
    }
  }

  /**
   * Text and ids are string cells, never formulas: a spreadsheet does not evaluate a string cell,
   * so "=HYPERLINK(…)" stays text and a 19-digit 子订单编号 keeps every digit.
   */
  private static void set(Cell cell, Table.Cell value) {
    switch (value.kind()) {
      case TEXT, ID -> cell.setCellValue((String) value.value());
      case DATE -> cell.setCellValue((LocalDate) value.value());
      case DATE_TIME -> cell.setCellValue((LocalDateTime) value.value());
      default -> cell.setCellValue(((Number) value.value()).doubleValue());
    }
  }

  private static Map<Table.Kind, CellStyle> styles(SXSSFWorkbook workbook) {
    Map<Table.Kind, CellStyle> styles = new EnumMap<>(Table.Kind.class);
    for (Table.Kind kind : Table.Kind.values()) {
      CellStyle style = workbook.createCellStyle();
      style.setDataFormat(workbook.createDataFormat().getFormat(format(kind)));
      // Text format and the quote prefix: retyping the cell in Excel keeps it text too.
      style.setQuotePrefixed(kind == Table.Kind.TEXT || kind == Table.Kind.ID);
      styles.put(kind, style);
    }
    return styles;
  }

  /** The number format of a kind; money and percentages as the page rounds them. */
  static String format(Table.Kind kind) {
    return switch (kind) {
      case TEXT, ID -> "@";
      case COUNT -> "#,##0";
      case MONEY -> "\"¥\"#,##0";
      case PERCENT -> "0.0%";
      case DECIMAL -> "0.00";
      case NUMBER -> "#,##0.0";
      case PLAIN -> "General";
      case DATE -> "yyyy-mm-dd";
      case DATE_TIME -> "yyyy-mm-dd hh:mm:ss";
    };
  }

  /** A column as wide as its header or its longest text, within 10 and 60 characters. */
  private static int width(Table table, int column) {
    int chars = displayWidth(table.header().get(column));
    for (List<Table.Cell> row : table.rows()) {
      Object v = row.get(column).value();
      chars = Math.max(chars, v == null ? 0 : displayWidth(v.toString()));
    }
    return Math.min(60, Math.max(10, chars + 2)) * 256;
  }

  /** Chinese characters take two columns' width. */
  private static int displayWidth(String text) {
    return text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
  }
}
