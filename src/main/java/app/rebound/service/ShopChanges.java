package app.rebound.service;

import app.rebound.ingest.IngestReport;
import app.rebound.ingest.PastedNotice;
import app.rebound.store.DeletedUpload;
import app.rebound.store.RowsInHand;
import app.rebound.store.UploadFile;
import app.rebound.store.UploadRefusedException;
import app.rebound.store.Workspaces;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Every change to a shop's data, as the pages and the API make it: stored (with its progress shown
 * while it runs), then the shop analysed again — or forgotten, when the shop is deleted. One place,
 * so no controller stores without the analysis following.
 */
public final class ShopChanges {

  private final Workspaces workspaces;
  private final Analyses analyses;
  private final UploadProgress progress;

  public ShopChanges(Workspaces workspaces, Analyses analyses, UploadProgress progress) {
    this.workspaces = workspaces;
    this.analyses = analyses;
    this.progress = progress;
  }

  /**
   * Stores the files as one upload (refused whole, or kept whole) and has the shop analysed, from
   * the rows as parsed where they are all the shop holds of a kind (a first upload).
   */
  public IngestReport upload(String shop, List<UploadFile> files)
      throws IOException, SQLException, UploadRefusedException {
    return stored(shop, (tracker, rows) -> workspaces.upload(shop, files, tracker, rows));
  }

  /** Stores a pasted deletion notice as an upload of a deletions export, then analyses. */
  public IngestReport notice(String shop, PastedNotice notice)
      throws IOException, SQLException, UploadRefusedException {
    return stored(shop, (tracker, rows) -> workspaces.uploadNotice(shop, notice, tracker, rows));
  }

  /** One upload into the store, told its progress, keeping its rows in hand. */
  @FunctionalInterface
  private interface Upload {
    IngestReport into(Consumer<String> tracker, RowsInHand rows)
        throws IOException, SQLException, UploadRefusedException;
  }

  /**
   * The upload made with its progress shown while it runs, then the shop analysed again (from the
   * rows in hand where they stand for the stored ones).
   */
  private IngestReport stored(String shop, Upload upload)
      throws IOException, SQLException, UploadRefusedException {
    RowsInHand rows = StoredShop.rowsInHand();
    IngestReport report;
    try {
      report = upload.into(progress.tracker(shop), rows);
    } finally {
      progress.finish(shop);
    }
    analyses.submit(shop, rows);
    return report;
  }

  /** Deletes one upload and has the shop analysed on what is left. */
  public DeletedUpload deleteUpload(String shop, long upload) throws SQLException {
    DeletedUpload deleted = workspaces.deleteUpload(shop, upload);
    analyses.submit(shop);
    return deleted;
  }

  /** Deletes the shop and everything in it; false when there was no such shop. */
  public boolean deleteShop(String shop) throws IOException, SQLException {
    if (!workspaces.deleteShop(shop)) {
      return false;
    }
    analyses.forget(shop);
    return true;
  }
}
