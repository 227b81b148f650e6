package app.rebound.ingest;

import tech.tablesaw.api.Table;

/**
 * One file read: its report and, unless refused whole, its accepted rows as a Tablesaw table with
 * the kind's canonical columns (every field of the kind, empty where the file lacks it), then its
 * extra columns.
 */
public record ParsedExport(FileReport report, Table table) {

  public boolean accepted() {
    return !report.refused();
  }

  public FileKind kind() {
    return FileKind.byId(report.kind()).orElseThrow();
  }
}
