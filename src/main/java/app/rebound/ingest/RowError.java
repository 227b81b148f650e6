package app.rebound.ingest;

import java.util.List;

/**
 * One refused cell or row: the physical line in the file (header = 1), the column header, the
 * value, why (in English), and the same reason as a {@link Problem} code with its arguments for
 * other languages.
 */
public record RowError(
    long line, String column, String value, String reason, String code, List<String> args) {

  /** Longer values are cut in the report: a 10 MB broken cell must not make a 10 MB error page. */
  public static final int MAX_VALUE_CHARS = 200;

  public static RowError of(long line, String column, String value, Problem.Instance problem) {
    return new RowError(
        line,
        shorten(column),
        shorten(value),
        problem.english(),
        problem.problem().code(),
        problem.args());
  }

  static String shorten(String text) {
    if (text == null || text.length() <= MAX_VALUE_CHARS) {
      return text;
    }
    return text.substring(0, MAX_VALUE_CHARS) + "… (" + text.length() + " characters)";
  }
}
