package app.rebound.ingest;

/** One refused cell or row: the physical line in the file (header = 1), the column header, the value, why. */
public record RowError(long line, String column, String value, String reason) {}
