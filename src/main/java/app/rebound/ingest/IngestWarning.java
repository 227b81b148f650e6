package app.rebound.ingest;

import java.util.List;

/**
 * Something an upload was accepted with although it changes what the analysis can say: rows that
 * repeat a key, deletions of orders the shop does not have. Counted, with a few examples, and the
 * handling stated in its message.
 *
 * @param code a {@link Problem} code, for other languages
 * @param message the English text, with its handling
 * @param args the arguments of that problem
 * @param count how many rows or orders it concerns
 * @param examples the first few of them (ids, or ids with a count)
 */
public record IngestWarning(
    String code, String message, List<String> args, long count, List<String> examples) {

  /** The most examples a warning lists. */
  public static final int MAX_EXAMPLES = 5;

  public IngestWarning {
    args = List.copyOf(args);
    examples = List.copyOf(examples.subList(0, Math.min(examples.size(), MAX_EXAMPLES)));
  }

  public static IngestWarning of(
      Problem problem, long count, List<String> examples, Object... args) {
    Problem.Instance instance = problem.with(args);
    return new IngestWarning(problem.code(), instance.english(), instance.args(), count, examples);
  }
}
