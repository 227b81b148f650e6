package app.rebound.store;

import app.rebound.ingest.IngestReport;

/**
 * No file of an upload could be read: nothing was stored, and the report says why for each file.
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
    report.files().forEach(f -> s.append(f.name()).append(": ").append(f.message()).append("; "));
    return s.toString();
  }
}
