package app.rebound.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A {@link Table} as CSV for a spreadsheet: UTF-8 with a BOM (Excel then reads Chinese), CRLF, text
 * cells through {@link SpreadsheetSafe#cell} and ids through {@link SpreadsheetSafe#id} so neither
 * is read as a formula or loses digits, numbers as plain Locale.ROOT numbers, dates in ISO form, an
 * empty cell for none. {@link XlsxTables} writes the same table as a workbook.
 */
public final class CsvTables {

  private CsvTables() {}

  public static byte[] bytes(Table table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader(table.header().toArray(String[]::new)).get();
    try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, format)) {
      for (List<Table.Cell> row : table.rows()) {
        List<String> cells = new ArrayList<>(row.size());
        for (Table.Cell cell : row) {
          cells.add(text(cell));
        }
        printer.printRecord(cells);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory
    }
    return bytes.toByteArray();
  }

  private static String text(Table.Cell cell) {
    Object value = cell.value();
    if (value == null) {
      return "";
    }
    return switch (cell.kind()) {
      case TEXT -> SpreadsheetSafe.cell((String) value);
      case ID -> SpreadsheetSafe.id((String) value);
      case DATE, DATE_TIME -> value.toString();
      default -> {
        double number = ((Number) value).doubleValue();
        yield Double.isFinite(number)
            ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString()
            : "";
      }
    };
  }
}
