/**
 * Beside the flow: one workspace per shop (a SQLite database and Avro snapshots of its rows). Every
 * upload is one transaction; finished analyses, started actions and appeal cases are kept with it.
 */
package app.rebound.store;
