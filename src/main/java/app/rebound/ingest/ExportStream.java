package app.rebound.ingest;

import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVException;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * One export being read, chunk by chunk: each call to {@link #next()} validates up to a chunk of
 * rows and returns the accepted ones as a canonical Tablesaw table, so a file of any size is read
 * in bounded memory. When it returns null the file is done and {@link #report()} tells what was
 * read; a file refused part way (bytes in another encoding, more rows than the limit) reports the
 * refusal, and the caller discards the chunks it already got.
 */
public final class ExportStream {

  private final String fileName;
  private final String encoding;
  private final RowSource records;
  private final int chunkRows;
  private final long maxRows;

  /**
   * The most columns a file may have: Douyin's widest export has under 100, and every column is
   * kept, so a file of 100,000 (a broken or hostile one) is refused before its rows are read.
   */
  static final int MAX_COLUMNS = 2_000;

  /**
   * The rows tried as the header: 结算账单 put a title line above it, and a header further down than
   * this is not an export's.
   */
  static final int HEADER_SEARCH_ROWS = 5;

  /** The most distinct unknown status words kept apart per column. */
  private static final int MAX_UNKNOWN_LISTED = 100;

  // Today as of opening the file: one clock reading per file, the same for all its rows.
  private final Plausible plausible = Plausible.today();
  private final List<RowError> errors = new ArrayList<>();
  private HeaderMatch match;
  private List<String> headers;
  private long headerLine;
  // "line: text" of each row above the header, for the report.
  private List<String> skippedAbove = List.of();
  private long errorsOmitted;
  private long rowsRead;
  private long rowsRejected;
  private long totalRows;
  private final List<String> totalRowLines = new ArrayList<>();
  // Per status column (OrderStates.vocabulary): each value outside its vocabulary and its rows.
  private final Map<String, Map<String, Long>> unknownValues = new LinkedHashMap<>();
  private FileReport finalReport;

  private ExportStream(
      String fileName, String encoding, RowSource records, int chunkRows, long maxRows) {
    this.fileName = fileName;
    this.encoding = encoding;
    this.records = records;
    this.chunkRows = chunkRows;
    this.maxRows = maxRows;
  }

  /** A stream that reads nothing: the file was refused before its first row. */
  static ExportStream refused(FileReport report) {
    ExportStream stream = new ExportStream(report.name(), report.encoding(), null, 0, 0);
    stream.finalReport = report;
    return stream;
  }

  /** Reads the header row and recognises the kind; a file no kind fits is refused at once. */
  static ExportStream open(
      String fileName, String encoding, RowSource records, int chunkRows, long maxRows) {
    ExportStream stream = new ExportStream(fileName, encoding, records, chunkRows, maxRows);
    try {
      stream.readHeader();
    } catch (UncheckedIOException e) {
      stream.refuseDecoding(e);
    }
    return stream;
  }

  /**
   * Reads rows until one is a header some kind fits, trying at most {@link #HEADER_SEARCH_ROWS}:
   * the rows above it (a title line, the account and period of a 结算账单) are kept as "skipped" for
   * the report. A file none of them fits is refused with the kind closest to any of them.
   */
  private void readHeader() {
    HeaderMatch closest = null;
    List<String> above = new ArrayList<>();
    for (int tried = 0; tried < HEADER_SEARCH_ROWS; tried++) {
      String[] row;
      try {
        row = records.next();
      } catch (UncheckedIOException e) {
        if (tried == 0) {
          throw e;
        }
        break; // what was read holds no header: refused as not recognised, as before this search
      }
      if (row == null) {
        break;
      }
      List<String> candidate = List.of(records.asHeader(row));
      if (candidate.size() > MAX_COLUMNS) {
        refuseWhole(
            Problem.FILE_TOO_MANY_COLUMNS.with(
                String.format(Locale.ROOT, "%,d", candidate.size()),
                String.format(Locale.ROOT, "%,d", MAX_COLUMNS)));
        return;
      }
      HeaderMatch tryMatch = HeaderMatch.best(candidate);
      if (tryMatch.fits()) {
        records.useHeader(row);
        headers = candidate;
        match = tryMatch;
        headerLine = records.line();
        skippedAbove = List.copyOf(above);
        return;
      }
      if (closest == null || tryMatch.rank() > closest.rank()) {
        closest = tryMatch;
      }
      above.add(records.line() + ": " + RowError.shorten(text(row)));
    }
    if (closest == null) {
      refuseWhole(Problem.FILE_EMPTY.with());
      return;
    }
    finalReport =
        FileReport.refused(
            fileName, null, encoding, closest.missingRequired(), unknownKindProblem(closest));
  }

  /** A skipped row as one line of text: its cells that hold something, blank-separated. */
  private static String text(String[] row) {
    StringJoiner line = new StringJoiner(" ");
    for (String cell : row) {
      if (!cell.isBlank()) {
        line.add(cell.strip());
      }
    }
    return line.toString();
  }

  /** The name the export is reported under (a file, a sheet, an archive member). */
  public String name() {
    return fileName;
  }

  /** The recognised kind, or null when the file was refused before its rows. */
  public FileKind kind() {
    return match != null && match.fits() ? match.kind() : null;
  }

  /** The next chunk of accepted rows (possibly empty), or null when the file is done. */
  public Table next() {
    if (finalReport != null) {
      return null;
    }
    FileKind kind = match.kind();
    Table table = KindTable.empty(kind);
    List<Field> fields = kind.fields();
    List<Column<?>> columns = fields.stream().<Column<?>>map(f -> table.column(f.name())).toList();
    Integer[] sourceColumn =
        fields.stream().map(f -> match.fieldColumns().get(f.name())).toArray(Integer[]::new);
    Map<Integer, StringColumn> extras = extraColumns(table);
    Object[] values = new Object[fields.size()];
    int taken = 0;
    try {
      String[] cells;
      while (taken < chunkRows && (cells = records.next()) != null) {
        long line = records.line();
        if (isBlank(cells)) {
          continue;
        }
        if (isTotalRow(kind, cells)) {
          countTotalRow(line);
          continue;
        }
        taken++;
        rowsRead++;
        if (rowsRead > maxRows) {
          // Refused whole, like a file that fails part way: the caller discards the chunks it
          // already got.
          finalReport =
              FileReport.refused(
                  fileName,
                  kind.id(),
                  encoding,
                  List.of(),
                  Problem.FILE_TOO_MANY_ROWS.with(
                      fileName, String.format(Locale.ROOT, "%,d", maxRows)));
          return null;
        }
        if (cells.length != headers.size()) {
          rowsRejected++;
          addError(
              RowError.of(line, "", "", Problem.FIELD_COUNT.with(cells.length, headers.size())));
          continue;
        }
        if (!parseRow(fields, sourceColumn, cells, line, values)) {
          rowsRejected++;
          continue;
        }
        for (int i = 0; i < values.length; i++) {
          KindTable.append(columns.get(i), values[i]);
        }
        countUnknownValues(fields, values);
        for (var extra : extras.entrySet()) {
          String cell = CellParser.clean(cells[extra.getKey()]);
          extra.getValue().append(cell == null ? "" : cell);
        }
      }
    } catch (UncheckedIOException e) {
      refuseDecoding(e);
      return null;
    }
    if (taken == 0) {
      finish();
      return null;
    }
    return table;
  }

  private boolean parseRow(
      List<Field> fields, Integer[] sourceColumn, String[] cells, long line, Object[] values) {
    boolean ok = true;
    for (int i = 0; i < values.length; i++) {
      Field field = fields.get(i);
      Integer col = sourceColumn[i];
      String raw = col == null ? null : cells[col];
      try {
        values[i] = col == null ? null : CellParser.parse(field, raw, plausible);
        if (values[i] instanceof Double d && match.fenFields().contains(field.name())) {
          values[i] = Math.round(d) / 100.0;
        }
      } catch (CellException e) {
        ok = false;
        addError(RowError.of(line, headers.get(col).strip(), raw, e.problem()));
      }
    }
    for (int i = 0; i < values.length; i++) {
      Field field = fields.get(i);
      if (sourceColumn[i] == null && field.fallback() != null) {
        int from = fieldIndex(fields, field.fallback());
        values[i] = values[from];
        Integer col = sourceColumn[from];
        if (values[i] == null
            && field.required()
            && col != null
            && CellParser.clean(cells[col]) == null) {
          ok = false; // the stand-in column is empty, so the required value is missing
          addError(
              RowError.of(
                  line, headers.get(col).strip(), cells[col], Problem.EMPTY_REQUIRED.with()));
        }
      }
    }
    return ok;
  }

  private static int fieldIndex(List<Field> fields, String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no field " + name);
  }

  /** What was read; valid once {@link #next()} has returned null. */
  public FileReport report() {
    if (finalReport == null) {
      throw new IllegalStateException("the file has not been read to its end");
    }
    return finalReport;
  }

  private void finish() {
    if (rowsRead == 0) {
      finalReport =
          FileReport.refused(
              fileName, match.kind().id(), encoding, List.of(), Problem.FILE_HEADER_ONLY.with());
      return;
    }
    finalReport =
        new FileReport(
            fileName,
            match.kind().id(),
            encoding,
            rowsRead,
            rowsRead - rowsRejected,
            rowsRejected,
            List.copyOf(errors),
            errorsOmitted,
            List.of(),
            null,
            null,
            List.of(),
            null,
            warnings());
  }

  /**
   * What the file was accepted with: each absent column whose absence costs a measurement, dropped
   * total rows, rows above its header.
   */
  private List<IngestWarning> warnings() {
    List<IngestWarning> out = new ArrayList<>();
    for (Field field : match.kind().fields()) {
      if (field.whenAbsent() != null && !match.fieldColumns().containsKey(field.name())) {
        out.add(IngestWarning.of(field.whenAbsent(), rowsRead - rowsRejected, List.of()));
      }
    }
    out.addAll(totalRowWarnings());
    for (var entry : unknownValues.entrySet()) {
      long rows = entry.getValue().values().stream().mapToLong(Long::longValue).sum();
      String header = headers.get(match.fieldColumns().get(entry.getKey())).strip();
      List<String> examples =
          entry.getValue().entrySet().stream()
              .map(e -> e.getKey() + " (" + e.getValue() + ")")
              .toList();
      out.add(IngestWarning.of(Problem.UNKNOWN_VALUES, rows, examples, header, rows));
    }
    if (!skippedAbove.isEmpty()) {
      out.add(
          IngestWarning.of(
              Problem.ROWS_ABOVE_HEADER,
              skippedAbove.size(),
              skippedAbove,
              skippedAbove.size(),
              headerLine));
    }
    return out;
  }

  /**
   * Counts the row's status values that are not in their column's vocabulary, so a word the
   * analysis cannot classify is said, never silently read as something.
   */
  private void countUnknownValues(List<Field> fields, Object[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] instanceof String value) {
        Field field = fields.get(i);
        OrderStates.vocabulary(match.kind(), field.name())
            .filter(known -> !known.contains(value))
            .ifPresent(known -> countUnknown(field.name(), value));
      }
    }
  }

  private void countUnknown(String field, String value) {
    Map<String, Long> counts = unknownValues.computeIfAbsent(field, f -> new LinkedHashMap<>());
    // A broken file could hold a million distinct words: past a hundred they count as one.
    String key = counts.size() < MAX_UNKNOWN_LISTED || counts.containsKey(value) ? value : "…";
    counts.merge(key, 1L, Long::sum);
  }

  /** A 成交分析 row whose 日期 or 载体类型 reads 全部: a total, not a day of its own. */
  private boolean isTotalRow(FileKind kind, String[] cells) {
    return kind.totalRow(cellOf(ColumnNames.DATE, cells), cellOf(ColumnNames.CARRIER, cells));
  }

  private String cellOf(String field, String[] cells) {
    Integer col = match.fieldColumns().get(field);
    return col == null || col >= cells.length ? null : CellParser.clean(cells[col]);
  }

  private void countTotalRow(long line) {
    totalRows++;
    if (totalRowLines.size() < IngestWarning.MAX_EXAMPLES) {
      totalRowLines.add(String.valueOf(line));
    }
  }

  /** Dropped total rows are no data rows (like blank lines), and the report says so. */
  private List<IngestWarning> totalRowWarnings() {
    return totalRows == 0
        ? List.of()
        : List.of(
            IngestWarning.of(Problem.TOTAL_ROWS_DROPPED, totalRows, totalRowLines, totalRows));
  }

  /** The file refused whole, before any kind fitted it: nothing of it is kept. */
  private void refuseWhole(Problem.Instance problem) {
    finalReport = FileReport.refused(fileName, null, encoding, List.of(), problem);
  }

  /** A read that fails part way refuses the whole file, saying where; no row of it is kept. */
  private void refuseDecoding(UncheckedIOException e) {
    long line = records.position();
    if (e.getCause() instanceof CharacterCodingException) {
      refuseWhole(Problem.FILE_MIXED_ENCODING.with(encoding, records.undecodableLine()));
    } else if (e.getCause() instanceof CSVException csv) {
      refuseWhole(Problem.FILE_BROKEN_QUOTES.with(line, csv.getMessage()));
    } else if (e.getCause() instanceof RowSource.BrokenSheetException broken) {
      refuseWhole(Problem.FILE_BROKEN_SHEET.with(line, broken.getMessage()));
    } else {
      throw e;
    }
  }

  private static boolean isBlank(String[] cells) {
    for (String value : cells) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private void addError(RowError error) {
    if (errors.size() < ExportReader.MAX_ERRORS_LISTED) {
      errors.add(error);
    } else {
      errorsOmitted++;
    }
  }

  private Map<Integer, StringColumn> extraColumns(Table table) {
    Map<Integer, StringColumn> extras = new LinkedHashMap<>();
    // Names taken, as Tablesaw compares them (ignoring case), in a set: not a scan per column.
    Set<String> names = new HashSet<>();
    table.columnNames().forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
    for (var entry : match.extraColumns().entrySet()) {
      String base =
          KindTable.EXTRA_PREFIX
              + (entry.getValue().isEmpty() ? "column " + (entry.getKey() + 1) : entry.getValue());
      String name = base;
      for (int n = 2; !names.add(name.toLowerCase(Locale.ROOT)); n++) {
        name = base + " (" + n + ")";
      }
      extras.put(entry.getKey(), StringColumn.create(name));
    }
    // One call: Tablesaw checks each new name against the table's (at most MAX_COLUMNS of them).
    table.addColumns(extras.values().toArray(StringColumn[]::new));
    return extras;
  }

  private static Problem.Instance unknownKindProblem(HeaderMatch closest) {
    if (closest.kind() == FileKind.ORDERS
        && closest.missingRequired().equals(List.of("商品ID"))
        && closest.duplicates().isEmpty()) {
      return Problem.FILE_ORDERS_NO_PRODUCT_ID.with();
    }
    String closestKind = closest.kind().zhName() + " (" + closest.kind().id() + ")";
    if (!closest.duplicates().isEmpty()) {
      return Problem.FILE_AMBIGUOUS.with(closestKind, String.join("; ", closest.duplicates()));
    }
    StringBuilder kinds = new StringBuilder();
    for (FileKind kind : FileKind.values()) {
      kinds
          .append(kinds.length() == 0 ? "" : ", ")
          .append(kind.zhName())
          .append(" (")
          .append(kind.id())
          .append(')');
    }
    return Problem.FILE_UNKNOWN_KIND.with(
        kinds, closestKind, String.join(", ", closest.missingRequired()));
  }
}
