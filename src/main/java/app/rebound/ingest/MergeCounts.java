package app.rebound.ingest;

/**
 * How a file's accepted rows met the rows already stored, matched by the kind's key (子订单编号 for
 * orders).
 *
 * @param added rows whose key was new
 * @param updated rows that replaced a stored row with different content
 * @param unchanged rows identical to the stored row, or older than it (the newer row wins)
 */
public record MergeCounts(long added, long updated, long unchanged) {}
