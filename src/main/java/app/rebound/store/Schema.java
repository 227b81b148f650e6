package app.rebound.store;

import app.rebound.ingest.Field;
import app.rebound.ingest.FileKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shop database's schema and how an older one becomes today's. Two rules, one for each kind of
 * table:
 *
 * <ul>
 *   <li>The app's own tables (uploads, analyses, actions, cases, kind versions) change only through
 *       {@link #MIGRATIONS}, run in order; {@code PRAGMA user_version} holds how many have run.
 *       Migration 1 is the schema of the first release, written with IF NOT EXISTS so a database
 *       that release made (user_version 0, every table present) passes through it unchanged. A
 *       later change is a new entry at the end, never an edit of one that shipped.
 *   <li>The row table of each export kind follows its {@link FileKind} fields: a field added in a
 *       later release becomes a column (empty on the rows stored before), so a new column in an
 *       export needs no hand-written migration. Renaming or retyping a field does: a migration.
 * </ul>
 *
 * Both run in one immediate transaction each time a database is opened, so two processes opening
 * one shop at once migrate it once; a database from a newer release is refused, not rewritten.
 */
final class Schema {

  private Schema() {}

  @FunctionalInterface
  interface Migration {
    void apply(Statement s) throws SQLException;
  }

  static final List<Migration> MIGRATIONS =
      List.of(
          Schema::firstRelease,
          AlertTables::create,
          UploadRows::create,
          Schema::drillDownIndexes,
          Schema::recencyWithStamp,
          AlertTables::bothLanguages,
          AnalysisTables::formatColumn);

  /** The schema version this release writes. */
  static final int VERSION = MIGRATIONS.size();

  /** Brings the database to {@link #VERSION}; refuses one made by a newer release. */
  static void migrate(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      int version = userVersion(s);
      if (version > VERSION) {
        throw new SQLException(
            "this shop's database was written by a newer Rebound (schema version "
                + version
                + "; this one reads up to "
                + VERSION
                + "): run the newer release, nothing was changed");
      }
      for (int next = version; next < VERSION; next++) {
        MIGRATIONS.get(next).apply(s);
      }
      addMissingFieldColumns(connection, s);
      if (version != VERSION) {
        s.execute("PRAGMA user_version = " + VERSION);
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  static int userVersion(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  // Migration 2: alerts and their deliveries (AlertTables.create).
  // Migration 3: each upload's own rows, so an upload can be deleted (UploadRows.create).

  // Migration 4: the indexes the row lists filter by (drillDownIndexes).
  // Migration 6: each alert's message in both languages (AlertTables.bothLanguages).
  // Migration 7: each stored analysis names the format that wrote it (AnalysisTables.formatColumn).

  /**
   * Migration 4: the drill-down lists find a product's orders and a notice's deletions by index,
   * not by reading a million rows. The columns are made first: a database from before the field
   * existed gets it only after the migrations.
   */
  private static void drillDownIndexes(Statement s) throws SQLException {
    for (FileKind kind : List.of(FileKind.ORDERS, FileKind.DELETIONS)) {
      s.execute(KindSchema.createTable(kind, KindSchema.table(kind), true));
      addMissingColumns(s.getConnection(), s, kind, KindSchema.table(kind));
    }
    s.execute("CREATE INDEX IF NOT EXISTS rows_orders_by_product ON rows_orders (product_id)");
    s.execute("CREATE INDEX IF NOT EXISTS rows_deletions_by_notice ON rows_deletions (notice_id)");
  }

  /**
   * Migration 5: a row's recency became its latest event times {@link Merge#STAMP_SPAN} plus its
   * file's export stamp; the stored rows had the event alone (and no stamp), so it is scaled.
   */
  private static void recencyWithStamp(Statement s) throws SQLException {
    for (FileKind kind : FileKind.values()) {
      s.execute(KindSchema.createTable(kind, KindSchema.table(kind), true));
      s.execute(KindSchema.createHeldTable(kind));
      for (String table : List.of(KindSchema.table(kind), KindSchema.heldTable(kind))) {
        s.execute(
            "UPDATE "
                + table
                + " SET "
                + KindSchema.RECENCY
                + " = "
                + KindSchema.RECENCY
                + " * "
                + Merge.STAMP_SPAN
                + " WHERE "
                + KindSchema.RECENCY
                + " <> 0");
      }
    }
  }

  /** Migration 1: the tables of the first release. */
  private static void firstRelease(Statement s) throws SQLException {
    s.execute(
        "CREATE TABLE IF NOT EXISTS uploads (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT"
            + " NOT NULL, report_json TEXT NOT NULL)");
    for (FileKind kind : FileKind.values()) {
      s.execute(KindSchema.createTable(kind, KindSchema.table(kind), true));
    }
    // One finished analysis per upload (the data it was computed from): in each language ("lang"
    // = zh, en), and the appeal workbench ("lang" = appeal).
    s.execute(
        "CREATE TABLE IF NOT EXISTS analyses (upload_id INTEGER NOT NULL, lang TEXT NOT NULL,"
            + " created_at TEXT NOT NULL, report_json TEXT NOT NULL, PRIMARY KEY (upload_id, lang))");
    // The recovery actions the merchant says were started: when, and on which products.
    s.execute(
        "CREATE TABLE IF NOT EXISTS actions_taken (id INTEGER PRIMARY KEY AUTOINCREMENT, action_id TEXT"
            + " NOT NULL, started_on TEXT NOT NULL, products_json TEXT NOT NULL, created_at TEXT NOT NULL)");
    // The upload that last changed each kind's rows: names the snapshot of those rows
    // (RowSnapshots).
    s.execute(
        "CREATE TABLE IF NOT EXISTS kind_versions (kind TEXT PRIMARY KEY, upload_id INTEGER NOT NULL)");
    // Appeal cases: the current state of each and its full history.
    CaseTables.create(s);
  }

  /**
   * Every export kind's row tables (the merged rows and each upload's own) have a column for each
   * of its fields: a kind new in this release gets its tables, a field new in this release its
   * column (NULL on older rows).
   */
  private static void addMissingFieldColumns(Connection connection, Statement s)
      throws SQLException {
    for (FileKind kind : FileKind.values()) {
      s.execute(KindSchema.createTable(kind, KindSchema.table(kind), true));
      addMissingColumns(connection, s, kind, KindSchema.table(kind));
      s.execute(KindSchema.createHeldTable(kind));
      addMissingColumns(connection, s, kind, KindSchema.heldTable(kind));
    }
  }

  /** Adds to one of the kind's row tables a column for each field it lacks. */
  static void addMissingColumns(Connection connection, Statement s, FileKind kind, String table)
      throws SQLException {
    Set<String> present = columns(connection, table);
    for (Field field : kind.fields()) {
      if (!present.contains(field.name())) {
        s.execute(
            "ALTER TABLE "
                + table
                + " ADD COLUMN "
                + KindSchema.quote(field.name())
                + " "
                + KindSchema.sqlType(field.type()));
      }
    }
  }

  /**
   * Adds one column unless the table has it: a migration that adds columns also passes a database
   * whose version was set back (as tests of earlier migrations do).
   */
  static void addColumnIfMissing(Statement s, String table, String column, String definition)
      throws SQLException {
    if (!columns(s.getConnection(), table).contains(column)) {
      s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + definition);
    }
  }

  private static Set<String> columns(Connection connection, String table) throws SQLException {
    Set<String> present = new HashSet<>();
    try (ResultSet rs = connection.getMetaData().getColumns(null, null, table, null)) {
      while (rs.next()) {
        present.add(rs.getString("COLUMN_NAME"));
      }
    }
    return present;
  }
}
