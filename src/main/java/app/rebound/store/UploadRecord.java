package app.rebound.store;

import app.rebound.ingest.IngestReport;
import java.time.LocalDateTime;

/** One stored upload of a shop and its validation report. */
public record UploadRecord(long id, LocalDateTime createdAt, IngestReport report) {}
