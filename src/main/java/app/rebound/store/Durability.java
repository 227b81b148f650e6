package app.rebound.store;

/** How a shop's database is kept: for the merchant, or for one run that throws it away. */
public enum Durability {

  /**
   * A merchant's shop: every change one transaction synced to disk (WAL journal, synchronous FULL),
   * so a killed process leaves the shop as it was; each upload's own rows kept beside the merged
   * ones, so an upload can be deleted later.
   */
  KEPT,

  /**
   * The store of one {@code analyze} run, deleted when the run ends: the journal kept in memory (a
   * refused file still rolls back) and nothing synced, and no per-upload copy of the rows, since
   * its one upload is never deleted. A killed run loses nothing but its temporary folder. At a
   * million orders this is about 40% of the store's time.
   */
  SCRATCH
}
