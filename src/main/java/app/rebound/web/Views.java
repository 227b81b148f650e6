package app.rebound.web;

import app.rebound.advice.ActionId;
import app.rebound.advice.Plan;
import app.rebound.advice.RankedAction;
import app.rebound.ingest.IngestReport;
import app.rebound.service.ActionsTaken;
import app.rebound.store.AppealCase;
import app.rebound.store.CaseEvent;
import app.rebound.store.CaseStatus;
import app.rebound.store.ShopSummary;
import app.rebound.store.UploadRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The data each page template is rendered from: one record per template, nothing computed in them.
 */
public final class Views {

  private Views() {}

  /** shops.jte: every shop, and the form that creates one by uploading into it. */
  public record Shops(Chrome chrome, List<ShopSummary> shops) {}

  /**
   * shop.jte: a shop's uploads, newest first, each with its report.
   *
   * @param refused the report of an upload just refused whole, shown above the form; or null
   * @param notice the deletion notice form: empty, or as sent with why it was refused
   */
  public record Shop(
      Chrome chrome,
      String shopId,
      ShopSummary summary,
      List<UploadRecord> uploads,
      IngestReport refused,
      NoticeForm notice) {}

  /**
   * Where a shop's analysis stands: state is ready, running, failed or no_data; progress says which
   * stage runs, error why it failed.
   */
  public record Progress(String state, String progress, String error) {

    public boolean running() {
      return state.equals("running");
    }

    public boolean failed() {
      return state.equals("failed");
    }

    String text() {
      return progress == null ? state : progress;
    }
  }

  /**
   * A dashboard page: its numbers (null until the analysis is READY, then progress says why) and
   * the chrome around them.
   */
  public record Page<T>(Chrome chrome, String shopId, Progress progress, T data) {}

  /**
   * The plan page: the ranked plan, and the actions the merchant started with their effect so far.
   */
  public record PlanView(Plan plan, List<ActionsTaken.Row> taken) {

    /**
     * What the plan expected of an action over its horizon, or null when the plan no longer ranks
     * it.
     */
    public RankedAction expected(ActionId actionId) {
      return plan.action(actionId).orElse(null);
    }
  }

  /** overview.jte: the tiles of the analysis, then the shop's uploads as on shop.jte. */
  public record Overview(
      Chrome chrome,
      String shopId,
      Progress progress,
      Dashboards.Overview data,
      ShopSummary summary,
      List<UploadRecord> uploads) {}

  /** error.jte: a page that could not be shown, and why. */
  public record Error(Chrome chrome, int status, String message) {}

  /** /cases: those due for follow-up (today or before, Beijing time), then all. */
  /** /cases: the cases due for follow-up, all cases, and their products' names from the orders. */
  public record CaseList(
      List<AppealCase> due, List<AppealCase> all, LocalDate today, Map<String, String> names) {}

  /** /cases/{id}: one case, its history, and the statuses it may take next. */
  public record CaseDetail(
      AppealCase appealCase, List<CaseEvent> history, List<CaseStatus> next, LocalDate today) {}
}
