package app.rebound.store;

import app.rebound.ingest.IngestReport;
import java.time.LocalDateTime;

/**
 * One stored upload of a shop and its validation report; deletable unless an earlier Rebound stored
 * it without keeping its own rows ({@link UploadNotDeletableException}).
 */
public record UploadRecord(
    long id, LocalDateTime createdAt, IngestReport report, boolean deletable) {}
