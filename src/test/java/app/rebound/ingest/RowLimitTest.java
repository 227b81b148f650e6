package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The most data rows one file may hold: up to it the file is read, one row more and it is refused
 * whole.
 */
class RowLimitTest {

  private static final String HEADER = "日期,店铺体验分\n";

  /** A shop-scores export with {@code rows} data rows and blank lines between them. */
  private static ExportStream scores(int rows, long maxRows, int chunkRows) throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int i = 0; i < rows; i++) {
      csv.append("2026-06-")
          .append(String.format("%02d", 1 + i % 28))
          .append(",4.")
          .append(i % 10)
          .append("\n\n");
    }
    return ExportReader.open(
        "体验分.csv",
        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
        chunkRows,
        maxRows);
  }

  private static FileReport readAll(ExportStream stream) {
    for (Table chunk = stream.next(); chunk != null; chunk = stream.next()) {
      // read to the end
    }
    return stream.report();
  }

  @Test
  void a_file_with_exactly_the_limit_is_read_blank_lines_not_counted() throws IOException {
    FileReport report = readAll(scores(10, 10, 3));
    assertNull(report.message());
    assertEquals(10, report.rowsRead());
  }

  @Test
  void one_row_over_the_limit_refuses_the_whole_file_with_its_name_and_the_limit()
      throws IOException {
    FileReport report = readAll(scores(11, 10, 3));
    assertTrue(report.refused());
    assertEquals("file_too_many_rows", report.messageCode());
    assertEquals(
        "体验分.csv has more than 10 data rows, the most one file may hold: nothing of it is kept;"
            + " export a shorter period per file, or raise the limit (--max-rows)",
        report.message());
    assertEquals(0, report.rowsRead());
    assertEquals("shop_scores", report.kind());
  }

  @Test
  void the_default_limit_is_twenty_million_rows() {
    assertEquals(20_000_000L, ExportReader.DEFAULT_MAX_ROWS);
  }
}
