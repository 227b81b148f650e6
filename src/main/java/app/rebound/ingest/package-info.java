/**
 * First stage of the flow: the shop's export files in, typed Tablesaw tables out. File kinds and
 * column aliases, encoding detection, per-cell validation; every refused file, row and cell is
 * named with its line, column and reason in the ingest report.
 */
package app.rebound.ingest;
