package app.rebound.ingest;

import java.util.List;

/** The validation report of one upload: every file, and the shop's distinct orders after it. */
public record IngestReport(List<FileReport> files, long ordersDistinct, String refusal) {

  /**
   * The upload was refused as a whole because the shop would hold no orders: every figure needs the
   * orders export (订单明细).
   */
  public static final String NO_ORDERS = "no_orders";

  /** An upload's report; {@code refusal} is null unless the upload as a whole was refused. */
  public IngestReport(List<FileReport> files, long ordersDistinct) {
    this(files, ordersDistinct, null);
  }

  /** Says a {@link Problem} in some language: its code, its arguments, its English text. */
  @FunctionalInterface
  public interface Words {
    String say(String code, List<String> args, String english);
  }

  /**
   * The same report with every refusal, row error and warning worded by {@code words} (the report
   * keeps each code and its arguments), for a report written in the merchant's language.
   */
  public IngestReport worded(Words words) {
    return new IngestReport(
        files.stream().map(f -> f.worded(words)).toList(), ordersDistinct, refusal);
  }

  public long rowsRejected() {
    return files.stream().mapToLong(FileReport::rowsRejected).sum();
  }
}
