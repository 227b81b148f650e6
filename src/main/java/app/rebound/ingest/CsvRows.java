package app.rebound.ingest;

import java.util.Iterator;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The records of a CSV file through Commons CSV, each with the physical line it starts on. */
final class CsvRows implements RowSource {

  private final CSVParser parser;
  private final LineCountingReader decoded;
  private final Iterator<CSVRecord> records;
  private long line;

  /** The records of {@code parser}, which reads {@code decoded}. */
  CsvRows(CSVParser parser, LineCountingReader decoded) {
    this.parser = parser;
    this.decoded = decoded;
    this.records = parser.iterator();
  }

  @Override
  public String[] next() {
    if (!records.hasNext()) {
      return null;
    }
    String[] cells = records.next().values();
    line = startLine(cells);
    return cells;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public long position() {
    // The parser reads ahead of the record it hands out, so this is where it stopped: near the
    // fault.
    return Math.max(1, parser.getCurrentLineNumber());
  }

  @Override
  public long undecodableLine() {
    return decoded.currentLine();
  }

  /**
   * The physical line a record starts on. The parser counts line breaks consumed so far; a record's
   * quoted values may hold line breaks of their own, and blank lines before it are skipped.
   */
  private long startLine(String[] cells) {
    long inner = 0;
    for (String value : cells) {
      for (int i = value.indexOf('\n'); i >= 0; i = value.indexOf('\n', i + 1)) {
        inner++;
      }
    }
    return parser.getCurrentLineNumber() - inner;
  }
}
