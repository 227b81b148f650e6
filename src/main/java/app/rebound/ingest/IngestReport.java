package app.rebound.ingest;

import java.util.List;

/** The validation report of one upload: every file, and the shop's distinct orders after it. */
public record IngestReport(List<FileReport> files, long ordersDistinct) {

  public long rowsRejected() {
    return files.stream().mapToLong(FileReport::rowsRejected).sum();
  }
}
