package app.rebound.store;

import java.util.Map;

/**
 * What deleting an upload did: per export kind it had rows of, how many of its rows went with it
 * and how many stayed because another upload holds them too (that upload's version is now the
 * stored one).
 */
public record DeletedUpload(long id, Map<String, Rows> rows) {

  public record Rows(long removed, long kept) {}
}
