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
            text.t("店铺", "shop"),
            text.t("状态", "status"),
            text.t("订单数", "orders"),
            text.t("GMV 损失（元）", "GMV loss (yuan)"),
            text.t("95% 区间下限", "95% interval low"),
            text.t("95% 区间上限", "95% interval high"),
            text.t("首要行动", "top action"),
            text.t("首要行动预计挽回 GMV（元）", "top action expected GMV (yuan)"),
            text.t("说明", "note"));
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
    return new Table(text.t("店铺汇总", "shops"), header, rows);
  }

  /** Why a shop is not ok, or what its GMV figure can and cannot say; in the summary's language. */
  private static String note(PlanText text, Line line, boolean measured) {
    if (line.reason() != null) {
      return switch (line.reason()) {
        case NO_FILES -> text.t("文件夹里没有导出文件", "the folder holds no export file");
        case NO_ORDERS ->
            text.t(
                "没有读到订单：需要订单明细导出（见 ingest.json）",
                "no orders were read: the orders export (订单明细) is required (see ingest.json)");
        case ALL_REFUSED ->
            text.t("所有文件都被拒绝（见 ingest.json）", "every file was refused (see ingest.json)");
        default -> text.t("出错：", "error: ") + line.reason();
      };
    }
    if (line.gmv() == null) {
      return null;
    }
    if (!measured) {
      return text.t(
          "GMV 损失未测得（原因见该店的 impact.json）", "GMV loss not measured (why: the shop's impact.json)");
    }
    if (line.gmv().lossLow() <= 0 && line.gmv().lossHigh() >= 0) {
      return text.t("区间含 0：不能确认有 GMV 损失", "the interval holds 0: no measurable GMV loss");
    }
    return null;
  }

  private static String status(PlanText text, String status) {
    return switch (status) {
      case "ok" -> text.t("完成", "ok");
      case "refused" -> text.t("导出文件被拒", "exports refused");
      default -> text.t("出错", "failed");
    };
  }
}
