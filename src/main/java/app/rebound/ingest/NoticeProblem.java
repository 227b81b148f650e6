package app.rebound.ingest;

import java.util.List;

/**
 * Why a pasted deletion notice was refused, naming the form field it concerns.
 *
 * @param field {@code notice_id}, {@code processed_at}, {@code reason} or {@code order_ids}
 * @param position for an order id, its place among the pasted ids (1 for the first); else null
 * @param value what was pasted (shortened as a report's cell is), or null
 * @param message the English text
 * @param code a {@link Problem} code, for other languages, with its {@code args}
 */
public record NoticeProblem(
    String field, Integer position, String value, String message, String code, List<String> args) {

  static NoticeProblem of(String field, Integer position, String value, Problem.Instance problem) {
    return new NoticeProblem(
        field,
        position,
        RowError.shorten(value),
        problem.english(),
        problem.problem().code(),
        problem.args());
  }
}
