package app.rebound.report;

import app.rebound.advice.RankedAction;
import app.rebound.analysis.ImpactReport;
import app.rebound.report.Table.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * The table of many shops' runs that {@code analyze-many} writes as summary.csv and summary.xlsx:
 * one row per shop, with its status, orders, GMV loss and interval, and the plan's first action.
 */
public final class ShopsSummary {

  /**
   * One shop's line.
   *
   * @param status "ok", "refused" (its exports could not be analysed) or "failed" (an error)
   * @param reason why not ok: {@link #NO_FILES}, {@link #NO_ORDERS} or {@link #ALL_REFUSED} when
   *     refused, the error when failed; null when ok
   * @param gmv the measured GMV loss, or null when not measured
   * @param topAction the plan's first action, or null
   */
  public record Line(
      String shop,
      String status,
      String reason,
      long orders,
      ImpactReport.Loss gmv,
      RankedAction topAction) {}

  /** The shop's folder holds no export file. */
  public static final String NO_FILES = "no_files";

  /** No orders were read, and every figure rests on them. */
  public static final String NO_ORDERS = "no_orders";

  /** Every file was refused. */
  public static final String ALL_REFUSED = "all_refused";

  private ShopsSummary() {}

  public static Table table(List<Line> lines, String lang) {
    PlanText text = PlanText.of(lang);
    List<String> header =
        List.of(
            text.w("summary.col.shop"),
            text.w("summary.col.status"),
            text.w("summary.col.orders"),
            text.w("summary.col.gmv_loss"),
            text.w("summary.col.low"),
            text.w("summary.col.high"),
            text.w("summary.col.top_action"),
            text.w("summary.col.top_gmv"),
            text.w("summary.col.note"));
    List<List<Cell>> rows = new ArrayList<>();
    for (Line line : lines) {
      ImpactReport.Loss gmv = line.gmv();
      boolean measured = gmv != null && gmv.measured();
      RankedAction top = line.topAction();
      String note = note(text, line, measured);
      rows.add(
          List.of(
              Cell.id(line.shop()),
              Cell.text(status(text, line.status())),
              Cell.count(line.orders()),
              Cell.money(measured ? gmv.loss() : null),
              Cell.money(measured ? gmv.lossLow() : null),
              Cell.money(measured ? gmv.lossHigh() : null),
              Cell.text(top == null ? null : text.action(top.id())),
              Cell.money(top == null ? null : top.expectedGmv()),
              Cell.text(note)));
    }
    return new Table(text.w("summary.title"), header, rows);
  }

  /** Why a shop is not ok, or what its GMV figure can and cannot say; in the summary's language. */
  private static String note(PlanText text, Line line, boolean measured) {
    if (line.reason() != null) {
      return switch (line.reason()) {
        case NO_FILES -> text.w("summary.note.no_files");
        case NO_ORDERS -> text.w("summary.note.no_orders");
        case ALL_REFUSED -> text.w("summary.note.all_refused");
        default -> text.w("summary.note.error", line.reason());
      };
    }
    if (line.gmv() == null) {
      return null;
    }
    if (!measured) {
      return text.w("summary.note.not_measured");
    }
    if (line.gmv().lossLow() <= 0 && line.gmv().lossHigh() >= 0) {
      return text.w("summary.note.holds_zero");
    }
    return null;
  }

  private static String status(PlanText text, String status) {
    return switch (status) {
      case "ok" -> text.w("summary.status.ok");
      case "refused" -> text.w("summary.status.refused");
      default -> text.w("summary.status.failed");
    };
  }
}
