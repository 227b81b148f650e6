package app.rebound.store;

/**
 * What a shop's analysis is computed from: the latest change of its rows (an upload's id, or the
 * number a later delete of an upload took from the same sequence), and the latest appeal outcome
 * that gave sales back (0 when none). An analysis is stored only if both are still current when it
 * is saved.
 */
public record DataVersion(long upload, long restores) {}
