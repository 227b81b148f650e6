/**
 * Rebound: measures and repairs what Douyin shop sales deletions cost a merchant. {@code App}
 * builds the command line; data flows one way, ingest → analysis → advice → report → web, with the
 * store beside and the simulator for demo data, benchmarks and accuracy tests.
 */
package app.rebound;
