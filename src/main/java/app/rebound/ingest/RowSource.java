package app.rebound.ingest;

import java.io.IOException;

/**
 * The rows of one export as text cells, read one at a time: a CSV file or one sheet of a workbook.
 * A row that cannot be read throws {@link java.io.UncheckedIOException}; the stream then refuses
 * the whole file, saying where it stopped.
 */
interface RowSource {

  /** The next row's cells, or null at the end. */
  String[] next();

  /** The line (CSV) or sheet row the row last returned starts on; the first line is 1. */
  long line();

  /**
   * How {@code row}, as read, is matched as a header: a source may add columns of its own. The rows
   * after it are read as before: rows above the header are tried this way until one fits.
   */
  default String[] asHeader(String[] row) {
    return row;
  }

  /** Takes {@code row}, as read, as the header: the rows after it are shaped to it. */
  default void useHeader(String[] row) {}

  /** Where reading stopped, for a refusal part way. */
  long position();

  /** The line holding the bytes that could not be decoded, after such a failure. */
  default long undecodableLine() {
    return position();
  }

  /** A sheet that cannot be read past some row (damaged XML inside a workbook). */
  final class BrokenSheetException extends IOException {
    BrokenSheetException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
