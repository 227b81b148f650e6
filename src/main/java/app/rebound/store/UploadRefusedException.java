package app.rebound.store;

import app.rebound.ingest.IngestReport;

/**
 * An upload was refused: no file could be read, or the shop would hold no orders. Nothing was
 * stored, and the report says why for each file.
 */
public final class UploadRefusedException extends Exception {
  private final transient IngestReport report;

  public UploadRefusedException(IngestReport report) {
    super(summary(report));
    this.report = report;
  }

  public IngestReport report() {
    return report;
  }

  private static String summary(IngestReport report) {
    StringBuilder s = new StringBuilder("nothing stored: ");
    if (IngestReport.NO_ORDERS.equals(report.refusal())) {
      s.append(
          "the shop would hold no orders; upload the orders export (订单明细, from 抖店 → 订单 →"
              + " 订单管理 → 批量导出) with the other files; ");
    }
    report.files().forEach(f -> s.append(f.name()).append(": ").append(f.message()).append("; "));
    return s.toString();
  }
}
