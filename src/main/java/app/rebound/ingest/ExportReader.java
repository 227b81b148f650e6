package app.rebound.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import tech.tablesaw.api.Table;

/**
 * Reads one Douyin export, whatever its name: detects the encoding and delimiter, recognises the
 * kind by the header row, validates every row, and gives the accepted rows as canonical Tablesaw
 * tables with a report that lists every refused row by line, column, value and reason.
 */
public final class ExportReader {

  /** Refused cells listed in a report; the rest are counted, so the report stays readable. */
  public static final int MAX_ERRORS_LISTED = 1000;

  /**
   * Rows per chunk when streaming: big enough for Tablesaw to work in bulk, small enough to bound
   * memory.
   */
  public static final int CHUNK_ROWS = 100_000;

  /**
   * Data rows one file may hold unless told otherwise: 20 times the largest real export seen (a
   * million orders), so only a runaway or wrong file reaches it; a file over it is refused whole.
   */
  public static final long DEFAULT_MAX_ROWS = 20_000_000L;

  private static final int SAMPLE_BYTES = 1 << 20;

  private ExportReader() {}

  /**
   * Opens a file for reading chunk by chunk; the stream is read as chunks are asked for and not
   * closed. Encoding, delimiter and kind are settled here from the first megabyte and the header
   * row.
   */
  public static ExportStream open(String fileName, InputStream input, int chunkRows)
      throws IOException {
    return open(fileName, input, chunkRows, DEFAULT_MAX_ROWS);
  }

  /**
   * As {@link #open(String, InputStream, int)}, refusing the whole file once it has more than
   * {@code maxRows}.
   */
  public static ExportStream open(String fileName, InputStream input, int chunkRows, long maxRows)
      throws IOException {
    if (maxRows < 1) {
      throw new IllegalArgumentException(
          "the most rows a file may hold must be at least 1 (got " + maxRows + ")");
    }
    BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
    in.mark(SAMPLE_BYTES + 1);
    byte[] sample = in.readNBytes(SAMPLE_BYTES);
    boolean complete = in.read() == -1;
    in.reset();
    if (sample.length == 0) {
      return ExportStream.refused(
          FileReport.refused(fileName, null, null, List.of(), Problem.FILE_EMPTY.with()));
    }
    var detected = TextEncoding.detect(sample, sample.length, complete);
    if (detected.isEmpty()) {
      // Text bytes that neither UTF-8 nor GB18030 reads: say where, not "binary".
      Problem.Instance problem =
          TextEncoding.isUtf32(sample, sample.length)
              ? Problem.FILE_UTF32.with()
              : TextEncoding.looksLikeText(sample, sample.length)
                  ? Problem.FILE_UNKNOWN_ENCODING.with(
                      TextEncoding.firstLineNotUtf8(sample, sample.length))
                  : Problem.FILE_BINARY.with();
      return ExportStream.refused(FileReport.refused(fileName, null, null, List.of(), problem));
    }
    TextEncoding encoding = detected.get();
    in.skipNBytes(encoding.bomLength());
    LineCountingReader reader = new LineCountingReader(in, encoding.strictDecoder());
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(guessDelimiter(sample, encoding))
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(false)
            .get();
    CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
    FilePeriod rows = FilePeriod.around(fileName, new CsvRows(parser, reader));
    ExportStream stream = ExportStream.open(fileName, encoding.label(), rows, chunkRows, maxRows);
    return ExportFiles.withPeriodReason(stream, rows, fileName);
  }

  /** Reads a whole file into one table (for small files and tests); the stream is not closed. */
  public static ParsedExport read(String fileName, InputStream input) throws IOException {
    ExportStream stream = open(fileName, input, CHUNK_ROWS);
    Table all = null;
    for (Table chunk = stream.next(); chunk != null; chunk = stream.next()) {
      all = all == null ? chunk : all.append(chunk);
    }
    FileReport report = stream.report();
    return new ParsedExport(report, report.refused() ? null : all);
  }

  /**
   * Tab-separated when the first line holding a tab or a comma has more tabs than commas (Excel
   * "Unicode text" is); a title line above the header (结算账单) usually holds neither, so the header
   * decides.
   */
  private static char guessDelimiter(byte[] sample, TextEncoding encoding) {
    String text = new String(sample, 0, Math.min(sample.length, 64 * 1024), encoding.charset());
    String[] lines = text.split("\n", ExportStream.HEADER_SEARCH_ROWS + 1);
    for (int i = 0; i < Math.min(lines.length, ExportStream.HEADER_SEARCH_ROWS); i++) {
      long tabs = lines[i].chars().filter(c -> c == '\t').count();
      long commas = lines[i].chars().filter(c -> c == ',').count();
      if (tabs + commas > 0) {
        return tabs > commas ? '\t' : ',';
      }
    }
    return ',';
  }
}
