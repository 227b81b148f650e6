package app.rebound.store;

import app.rebound.ingest.FileKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Each upload's own rows of every export kind (schema migration 3), kept beside the merged rows the
 * analysis reads. The merged table holds one row per key, so it cannot tell what the shop would
 * hold without one of its uploads: an older upload's version of a row was overwritten, and an
 * upload that brought a row unchanged left no mark on it. Keeping every upload's rows costs a
 * second copy of each row; in return deleting an upload rebuilds exactly what the remaining uploads
 * merge to. The winner of a key among them is the row with the latest recency, the later upload on
 * a tie: what {@link Merge} keeps when the same rows arrive one upload after another.
 */
final class UploadRows {

  private UploadRows() {}

  /**
   * Migration 3. The rows stored before are kept as held by the upload that last changed each: that
   * is exactly what the earlier uploads merged to, so an upload made from now on can be deleted
   * exactly. An earlier one cannot (rows_kept = 0): which rows it brought is no longer known.
   */
  static void create(Statement s) throws SQLException {
    s.execute("ALTER TABLE uploads ADD COLUMN rows_kept INTEGER NOT NULL DEFAULT 0");
    for (FileKind kind : FileKind.values()) {
      // The copy names every field: a kind or field newer than the stored rows needs its table or
      // column first.
      s.execute(KindSchema.createTable(kind, KindSchema.table(kind), true));
      Schema.addMissingColumns(s.getConnection(), s, kind, KindSchema.table(kind));
      s.execute(KindSchema.createHeldTable(kind));
      String columns = String.join(", ", KindSchema.columns(kind));
      s.execute(
          "INSERT INTO "
              + KindSchema.heldTable(kind)
              + " ("
              + columns
              + ") SELECT "
              + columns
              + " FROM "
              + KindSchema.table(kind));
    }
  }

  /** Whether the upload's own rows were kept, so it can be deleted exactly; empty if no upload. */
  static Optional<Boolean> rowsKept(Connection c, long upload) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT rows_kept FROM uploads WHERE id = ?")) {
      ps.setLong(1, upload);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getInt(1) == 1) : Optional.empty();
      }
    }
  }

  /**
   * Removes the upload's rows of every kind inside the caller's transaction: each key it held goes
   * from the merged rows, and comes back as the winner among the other uploads that hold it too.
   * The rebuilt rows and the kind carry {@code version}, so snapshots count them as changed.
   *
   * @param step told which kind is being rebuilt (a seam for crash tests)
   * @return per kind the upload had rows of: how many of its keys went and how many were kept
   */
  static Map<String, DeletedUpload.Rows> remove(
      Connection c, long upload, long version, Consumer<String> step) throws SQLException {
    Map<String, DeletedUpload.Rows> out = new LinkedHashMap<>();
    for (FileKind kind : FileKind.values()) {
      String held = KindSchema.heldTable(kind);
      String merged = KindSchema.table(kind);
      String keys = KindSchema.keyList(kind);
      String ofUpload = "SELECT " + keys + " FROM " + held + " WHERE upload_id = " + upload;
      step.accept("rows of " + kind.id());
      long keysHeld;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM (" + ofUpload + ")")) {
        keysHeld = rs.next() ? rs.getLong(1) : 0;
      }
      if (keysHeld == 0) {
        continue;
      }
      String sameKey =
          kind.keyFields().stream()
              .map(KindSchema::quote)
              .map(k -> "o." + k + " = h." + k)
              .collect(Collectors.joining(" AND "));
      String columns = String.join(", ", KindSchema.columns(kind));
      String selected =
          KindSchema.columns(kind).stream()
              .map(col -> col.equals(KindSchema.UPLOAD) ? version + "" : "h." + col)
              .collect(Collectors.joining(", "));
      long kept;
      try (Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM " + merged + " WHERE (" + keys + ") IN (" + ofUpload + ")");
        kept =
            s.executeUpdate(
                "INSERT INTO "
                    + merged
                    + " ("
                    + columns
                    + ") SELECT "
                    + selected
                    + " FROM "
                    + held
                    + " h WHERE h.upload_id <> "
                    + upload
                    + " AND ("
                    + kind.keyFields().stream()
                        .map(k -> "h." + KindSchema.quote(k))
                        .collect(Collectors.joining(", "))
                    + ") IN ("
                    + ofUpload
                    + ") AND NOT EXISTS (SELECT 1 FROM "
                    + held
                    + " o WHERE o.upload_id <> "
                    + upload
                    + " AND "
                    + sameKey
                    + " AND (o.recency > h.recency OR (o.recency = h.recency AND o.upload_id >"
                    + " h.upload_id)))");
        s.executeUpdate("DELETE FROM " + held + " WHERE upload_id = " + upload);
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO kind_versions (kind, upload_id) VALUES (?, ?)"
                  + " ON CONFLICT (kind) DO UPDATE SET upload_id = excluded.upload_id")) {
        ps.setString(1, kind.id());
        ps.setLong(2, version);
        ps.executeUpdate();
      }
      out.put(kind.id(), new DeletedUpload.Rows(keysHeld - kept, kept));
    }
    return out;
  }
}
