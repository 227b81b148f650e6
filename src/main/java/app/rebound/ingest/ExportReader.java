package app.rebound.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads one Douyin export, whatever its name: detects the encoding and delimiter, recognises the kind by
 * the header row, validates every row, and returns the accepted rows as a canonical Tablesaw table with a
 * report that lists every refused row by line, column, value and reason.
 */
public final class ExportReader {

  /** Refused cells listed in a report; the rest are counted, so the report stays readable. */
  public static final int MAX_ERRORS_LISTED = 1000;

  private static final int SAMPLE_BYTES = 1 << 20;

  private ExportReader() {}

  /** Reads a file from a stream; the stream is read once and not closed. */
  public static ParsedExport read(String fileName, InputStream input) throws IOException {
    BufferedInputStream in = new BufferedInputStream(input, 1 << 16);
    in.mark(SAMPLE_BYTES + 1);
    byte[] sample = in.readNBytes(SAMPLE_BYTES);
    boolean complete = in.read() == -1;
    in.reset();
    if (sample.length == 0) {
      return refuse(fileName, null, null, List.of(), Problem.FILE_EMPTY.with());
    }
    var detected = TextEncoding.detect(sample, sample.length, complete);
    if (detected.isEmpty()) {
      return refuse(fileName, null, null, List.of(), Problem.FILE_BINARY.with());
    }
    TextEncoding encoding = detected.get();
    in.skipNBytes(encoding.bomLength());
    char delimiter = guessDelimiter(sample, encoding);
    Reader reader = new InputStreamReader(in, encoding.strictDecoder());
    CSVFormat format = CSVFormat.DEFAULT.builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(true)
        .setIgnoreSurroundingSpaces(false)
        .get();
    try {
      CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
      return new RowValidator(fileName, encoding.label(), parser).run();
    } catch (UncheckedIOException e) {
      return refuseDecoding(fileName, encoding, e.getCause());
    } catch (CharacterCodingException e) {
      return refuseDecoding(fileName, encoding, e);
    }
  }

  private static ParsedExport refuseDecoding(String fileName, TextEncoding encoding, IOException cause)
      throws IOException {
    if (!(cause instanceof CharacterCodingException)) {
      throw cause;
    }
    return refuse(fileName, null, encoding.label(), List.of(), Problem.FILE_MIXED_ENCODING.with(encoding.label()));
  }

  private static ParsedExport refuse(String name, String kind, String encoding, List<String> missing,
      Problem.Instance problem) {
    return new ParsedExport(FileReport.refused(name, kind, encoding, missing, problem), null);
  }

  /** Tab-separated when the header line has more tabs than commas (Excel "Unicode text" is). */
  private static char guessDelimiter(byte[] sample, TextEncoding encoding) {
    String text = new String(sample, 0, Math.min(sample.length, 64 * 1024), encoding.charset());
    int end = text.indexOf('\n');
    String header = end < 0 ? text : text.substring(0, end);
    long tabs = header.chars().filter(c -> c == '\t').count();
    long commas = header.chars().filter(c -> c == ',').count();
    return tabs > commas ? '\t' : ',';
  }

  /** Walks the records of one file, validating each against the recognised kind. */
  private static final class RowValidator {
    private final String fileName;
    private final String encoding;
    private final CSVParser parser;
    private final List<RowError> errors = new ArrayList<>();
    private long errorsOmitted;
    private long rowsRead;
    private long rowsRejected;
    private long lastRecordEndLine;

    RowValidator(String fileName, String encoding, CSVParser parser) {
      this.fileName = fileName;
      this.encoding = encoding;
      this.parser = parser;
    }

    ParsedExport run() throws IOException {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        return refuse(fileName, null, encoding, List.of(), Problem.FILE_EMPTY.with());
      }
      CSVRecord headerRecord = records.next();
      List<String> headers = headerRecord.toList();
      lastRecordEndLine = parser.getCurrentLineNumber();
      HeaderMatch match = HeaderMatch.best(headers);
      if (!match.fits()) {
        return refuse(fileName, null, encoding, match.missingRequired(), unknownKindProblem(match));
      }
      FileKind kind = match.kind();
      Table table = KindTable.empty(kind);
      List<Column<?>> fieldColumns = kind.fields().stream().<Column<?>>map(f -> table.column(f.name())).toList();
      Map<Integer, StringColumn> extras = extraColumns(table, match);
      int fieldCount = kind.fields().size();
      Object[] values = new Object[fieldCount];
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = startLine(record);
        if (isBlank(record)) {
          continue;
        }
        rowsRead++;
        if (record.size() != headers.size()) {
          reject(RowError.of(line, "", "", Problem.FIELD_COUNT.with(record.size(), headers.size())));
          continue;
        }
        boolean ok = true;
        for (int i = 0; i < fieldCount; i++) {
          Field field = kind.fields().get(i);
          Integer col = match.fieldColumns().get(field.name());
          String raw = col == null ? null : record.get(col);
          try {
            values[i] = col == null ? null : CellParser.parse(field, raw);
            if (values[i] instanceof Double d && match.fenFields().contains(field.name())) {
              values[i] = Math.round(d) / 100.0;
            }
          } catch (CellException e) {
            ok = false;
            addError(RowError.of(line, headers.get(col).strip(), raw, e.problem()));
          }
        }
        if (!ok) {
          rowsRejected++;
          continue;
        }
        for (int i = 0; i < fieldCount; i++) {
          KindTable.append(fieldColumns.get(i), values[i]);
        }
        for (var extra : extras.entrySet()) {
          String cell = CellParser.clean(record.get(extra.getKey()));
          extra.getValue().append(cell == null ? "" : cell);
        }
      }
      if (rowsRead == 0) {
        return refuse(fileName, kind.id(), encoding, List.of(), Problem.FILE_HEADER_ONLY.with());
      }
      FileReport report = new FileReport(fileName, kind.id(), encoding, rowsRead, rowsRead - rowsRejected,
          rowsRejected, List.copyOf(errors), errorsOmitted, List.of(), null, null, List.of(), null);
      return new ParsedExport(report, table);
    }

    /**
     * The physical line a record starts on. The parser counts line breaks consumed so far; a record's
     * quoted values may hold line breaks of their own, and blank lines before it are skipped.
     */
    private long startLine(CSVRecord record) {
      long end = parser.getCurrentLineNumber();
      long inner = 0;
      for (String value : record) {
        inner += value.chars().filter(c -> c == '\n').count();
      }
      lastRecordEndLine = end;
      return end - inner;
    }

    private static boolean isBlank(CSVRecord record) {
      for (String value : record) {
        if (!value.isBlank()) {
          return false;
        }
      }
      return true;
    }

    private void reject(RowError error) {
      rowsRejected++;
      addError(error);
    }

    private void addError(RowError error) {
      if (errors.size() < MAX_ERRORS_LISTED) {
        errors.add(error);
      } else {
        errorsOmitted++;
      }
    }

    private static Map<Integer, StringColumn> extraColumns(Table table, HeaderMatch match) {
      Map<Integer, StringColumn> extras = new java.util.LinkedHashMap<>();
      for (var entry : match.extraColumns().entrySet()) {
        String base = KindTable.EXTRA_PREFIX + (entry.getValue().isEmpty() ? "column " + (entry.getKey() + 1)
            : entry.getValue());
        String name = base;
        for (int n = 2; table.containsColumn(name); n++) {
          name = base + " (" + n + ")";
        }
        StringColumn column = StringColumn.create(name);
        table.addColumns(column);
        extras.put(entry.getKey(), column);
      }
      return extras;
    }

    private static Problem.Instance unknownKindProblem(HeaderMatch closest) {
      String closestKind = closest.kind().zhName() + " (" + closest.kind().id() + ")";
      if (!closest.duplicates().isEmpty()) {
        return Problem.FILE_AMBIGUOUS.with(closestKind, String.join("; ", closest.duplicates()));
      }
      StringBuilder kinds = new StringBuilder();
      for (FileKind kind : FileKind.values()) {
        kinds.append(kinds.length() == 0 ? "" : ", ").append(kind.zhName()).append(" (").append(kind.id())
            .append(')');
      }
      return Problem.FILE_UNKNOWN_KIND.with(kinds, closestKind, String.join(", ", closest.missingRequired()));
    }
  }
}
