package app.rebound.ingest;

import java.util.List;

/**
 * One refused cell or row: the physical line in the file (header = 1), the column header, the value, why
 * (in English), and the same reason as a {@link Problem} code with its arguments for other languages.
 */
public record RowError(long line, String column, String value, String reason, String code, List<String> args) {

  public static RowError of(long line, String column, String value, Problem.Instance problem) {
    return new RowError(line, column, value, problem.english(), problem.problem().code(), problem.args());
  }
}
