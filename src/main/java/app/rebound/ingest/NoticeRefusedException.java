package app.rebound.ingest;

import java.util.List;
import java.util.stream.Collectors;

/** A pasted deletion notice that cannot be stored as it is: nothing of it was kept. */
public final class NoticeRefusedException extends Exception {
  private final transient List<NoticeProblem> problems;

  NoticeRefusedException(List<NoticeProblem> problems) {
    super(
        "the notice was not stored: "
            + problems.stream()
                .map(p -> p.field() + ": " + p.message())
                .collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<NoticeProblem> problems() {
    return problems;
  }
}
