package app.rebound.web;

import app.rebound.ingest.IngestReport;
import app.rebound.store.ShopSummary;
import app.rebound.store.UploadRecord;
import java.util.List;

/** The data each page template is rendered from: one record per template, nothing computed in them. */
public final class Views {

  private Views() {}

  /** shops.jte: every shop, and the form that creates one by uploading into it. */
  public record Shops(Chrome chrome, List<ShopSummary> shops) {}

  /**
   * shop.jte: a shop's uploads, newest first, each with its report.
   *
   * @param refused the report of an upload just refused whole, shown above the form; or null
   */
  public record Shop(Chrome chrome, String shopId, ShopSummary summary, List<UploadRecord> uploads,
      IngestReport refused) {}

  /** error.jte: a page that could not be shown, and why. */
  public record Error(Chrome chrome, int status, String message) {}
}
