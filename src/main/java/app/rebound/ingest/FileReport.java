package app.rebound.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What was read from one uploaded file. rows_read = rows_accepted + rows_rejected always holds; a
 * file refused whole (unknown kind, missing columns, not text) has a message and reads no rows.
 *
 * @param kind the recognised kind's id, or null when no kind fits
 * @param errors the first {@link ExportReader#MAX_ERRORS_LISTED} refused cells, in file order
 * @param errorsOmitted refused cells beyond those listed
 * @param missingColumns required columns the file lacks (for the closest kind when none fits)
 * @param message why the whole file was refused (English), or null
 * @param messageCode the same as a {@link Problem} code, for other languages, or null
 * @param messageArgs the arguments of that problem
 * @param changes how the accepted rows changed the shop's stored data, once stored
 * @param warnings what the file was accepted with although it changes the analysis (none for a
 *     report stored before warnings existed)
 */
public record FileReport(
    String name,
    String kind,
    String encoding,
    long rowsRead,
    long rowsAccepted,
    long rowsRejected,
    List<RowError> errors,
    long errorsOmitted,
    List<String> missingColumns,
    String message,
    String messageCode,
    List<String> messageArgs,
    MergeCounts changes,
    List<IngestWarning> warnings) {

  public FileReport {
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  public boolean refused() {
    return message != null;
  }

  public FileReport withChanges(MergeCounts merged) {
    return with(errors, message, merged, warnings);
  }

  /** The same report with more warnings after those it has. */
  public FileReport withWarnings(List<IngestWarning> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<IngestWarning> all = new ArrayList<>(warnings);
    all.addAll(more);
    return with(errors, message, changes, all);
  }

  /** The same report with its message, row errors and warnings worded by {@code words}. */
  FileReport worded(IngestReport.Words words) {
    return with(
        errors.stream()
            .map(
                e ->
                    new RowError(
                        e.line(),
                        e.column(),
                        e.value(),
                        words.say(e.code(), e.args(), e.reason()),
                        e.code(),
                        e.args()))
            .toList(),
        message == null ? null : words.say(messageCode, messageArgs, message),
        changes,
        warnings.stream()
            .map(
                w ->
                    new IngestWarning(
                        w.code(),
                        words.say(w.code(), w.args(), w.message()),
                        w.args(),
                        w.count(),
                        w.examples()))
            .toList());
  }

  /** The same file's report with these parts replaced (its name, kind and counts stay). */
  private FileReport with(
      List<RowError> errors, String message, MergeCounts changes, List<IngestWarning> warnings) {
    return new FileReport(
        name,
        kind,
        encoding,
        rowsRead,
        rowsAccepted,
        rowsRejected,
        errors,
        errorsOmitted,
        missingColumns,
        message,
        messageCode,
        messageArgs,
        changes,
        warnings);
  }

  static FileReport refused(
      String name, String kind, String encoding, List<String> missing, Problem.Instance problem) {
    return new FileReport(
        name,
        kind,
        encoding,
        0,
        0,
        0,
        List.of(),
        0,
        missing,
        problem.english(),
        problem.problem().code(),
        problem.args(),
        null,
        List.of());
  }
}
