package app.rebound.sim;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one workbook as the 罗盘 and 精选联盟 downloads are: plain sheets, a header row, then rows of
 * text cells (ids, dates and times as the download writes them) and number cells (counts, yuan,
 * fractions). Streaming: a sheet holds {@value #ROWS_IN_MEMORY} rows in memory, the rest go to a
 * temporary file deleted on close.
 */
final class XlsxSink implements Closeable {

  private static final int ROWS_IN_MEMORY = 100;

  private final Path file;
  private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
  private SXSSFSheet sheet;
  private Row row;
  private int rows;
  private int cells;

  XlsxSink(Path file) {
    this.file = file;
  }

  /** Starts a sheet with its header row; the rows after go to it. */
  XlsxSink sheet(String name, List<String> header) {
    sheet = workbook.createSheet(name);
    rows = 0;
    row();
    header.forEach(this::text);
    return this;
  }

  /** Starts the next row of the current sheet. */
  XlsxSink row() {
    row = sheet.createRow(rows++);
    cells = 0;
    return this;
  }

  XlsxSink text(String s) {
    int c = cells++;
    if (s != null && !s.isEmpty()) {
      row.createCell(c).setCellValue(s);
    }
    return this;
  }

  XlsxSink number(double n) {
    row.createCell(cells++).setCellValue(n);
    return this;
  }

  /** Yuan from fen, as a number cell: 8900 → 89.0. */
  XlsxSink money(long fen) {
    return number(fen / 100.0);
  }

  /** A fraction rounded as 罗盘 shows it (4 places), or an empty cell when there is no base. */
  XlsxSink rate(long part, long whole) {
    if (whole <= 0) {
      return text(null);
    }
    return number(Math.round(10_000.0 * part / whole) / 10_000.0);
  }

  @Override
  public void close() throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      workbook.write(out);
    } finally {
      workbook.dispose();
      workbook.close();
    }
  }
}
