package app.rebound.ingest;

/** A cell that cannot be read as its column's type, with the problem shown to the merchant. */
public final class CellException extends Exception {
  private final transient Problem.Instance problem;

  public CellException(Problem problem, Object... args) {
    this(problem.with(args));
  }

  private CellException(Problem.Instance problem) {
    super(problem.english(), null, false, false);
    this.problem = problem;
  }

  public Problem.Instance problem() {
    return problem;
  }
}
