package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.advice.ActionId;
import app.rebound.analysis.ActionEffect;
import app.rebound.analysis.Reason;
import app.rebound.ingest.PastedNotice;
import app.rebound.ingest.Plausible;
import app.rebound.service.ActionsTaken;
import app.rebound.service.Analyses;
import app.rebound.service.ShopChanges;
import app.rebound.service.UploadProgress;
import app.rebound.store.DeletedUpload;
import app.rebound.store.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON API over the shop store: HTTP in and out only. */
final class ShopApi {

  private final Workspaces workspaces;
  private final Analyses analyses;
  private final UploadProgress progress;
  private final ShopChanges changes;
  private final WebConfig config;

  ShopApi(
      Workspaces workspaces,
      Analyses analyses,
      UploadProgress progress,
      ShopChanges changes,
      WebConfig config) {
    this.workspaces = workspaces;
    this.analyses = analyses;
    this.progress = progress;
    this.changes = changes;
    this.config = config;
  }

  /** GET /api/shops: the shops the request's token may see. */
  void list(Context ctx) throws Exception {
    Access.Scope scope = Access.scope(ctx);
    ctx.json(workspaces.list().stream().filter(s -> scope.allows(s.id())).toList());
  }

  /** POST /api/shops/{shop}/uploads: 200 with the report; a refusal is mapped to 400 in WebApp. */
  void upload(Context ctx) throws Exception {
    String shop = ShopIds.fromPath(ctx);
    ctx.json(changes.upload(shop, UploadParts.files(ctx, config.maxUploadBytes())));
  }

  /**
   * POST /api/shops/{shop}/notices with {"notice_id","processed_at","reason","order_ids"}: a pasted
   * deletion notice stored as an upload of a deletions export; 200 with the ingest report, as an
   * upload answers. A refused notice is mapped to 400 with its problems in WebApp.
   */
  void notice(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    NoticeForm form =
        NoticeForm.of(JsonBodies.object(ctx, "notice_id, processed_at and order_ids"));
    ctx.json(changes.notice(shop, PastedNotice.read(form.input(), Plausible.today())));
  }

  /**
   * GET /api/shops/{shop}/impact: 200 with impact.json once the analysis of the shop's current data
   * is finished; 202 with its progress while it runs; 500 with the reason when it failed.
   */
  void impact(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    Analyses.Status status = analyses.status(shop, Lang.of(ctx).code());
    switch (status.state()) {
      case READY -> ctx.contentType(ContentType.APPLICATION_JSON).result(status.json());
      case RUNNING ->
          ctx.status(HttpStatus.ACCEPTED)
              .json(Map.of("status", "running", "progress", status.progress()));
      case FAILED ->
          ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
              .json(Map.of("error", "the analysis failed: " + status.error(), "status", 500));
      case NO_DATA -> throw new ShopNotFoundException(shop);
    }
  }

  /**
   * GET /api/shops/{shop}/progress: what a running upload is doing and where the analysis stands,
   * in the asked language, for pages that show how far long work has got. A shop with nothing yet
   * answers idle.
   */
  void progress(Context ctx) throws Exception {
    String shop = ShopIds.fromPath(ctx);
    Messages msg = Messages.of(Lang.of(ctx));
    Map<String, Object> body = new LinkedHashMap<>();
    String upload = progress.current(shop).orElse(null);
    body.put(
        "upload",
        upload == null ? null : Map.of("step", upload, "text", msg.uploadProgress(upload)));
    if (upload == null && workspaces.exists(shop)) {
      Analyses.Status status = analyses.status(shop, Lang.of(ctx).code());
      Map<String, Object> analysis = new LinkedHashMap<>();
      analysis.put("state", status.state().name().toLowerCase(Locale.ROOT));
      analysis.put(
          "text",
          status.state() == Analyses.State.RUNNING ? msg.progress(status.progress()) : null);
      analysis.put("error", status.error());
      body.put("analysis", analysis);
    } else {
      body.put("analysis", null);
    }
    ctx.json(body);
  }

  /** GET /api/shops/{shop}/ingest */
  void latestReport(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    ctx.json(workspaces.latestReport(shop).orElseThrow(() -> new ShopNotFoundException(shop)));
  }

  /** GET /api/shops/{shop}/uploads */
  void uploads(Context ctx) throws Exception {
    ctx.json(workspaces.database(ShopIds.existing(ctx, workspaces)).uploads());
  }

  /**
   * DELETE /api/shops/{shop}/uploads/{upload}: 200 with what went ({@link DeletedUpload}), then the
   * shop is analysed again; 404 for an unknown shop or upload, 409 for an upload an earlier Rebound
   * stored without its own rows.
   */
  void deleteUpload(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    ctx.json(changes.deleteUpload(shop, UploadIds.fromPath(ctx, shop)));
  }

  /** DELETE /api/shops/{shop}: 204 once the shop and everything in it is gone; 404 if unknown. */
  void deleteShop(Context ctx) throws Exception {
    String shop = ShopIds.fromPath(ctx);
    if (!changes.deleteShop(shop)) {
      throw new ShopNotFoundException(shop);
    }
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /**
   * POST /api/shops/{shop}/actions with
   * {"action":"listing","started_on":"2026-06-20","products":["…"]}: the merchant started a plan
   * action on these products from that day. 201 with its id; 400 for an unknown action, a bad date
   * or a malformed body.
   */
  void recordAction(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    JsonNode body = JsonBodies.object(ctx, "action, started_on and products");
    String action = body.path("action").asText("");
    LocalDate startedOn;
    try {
      startedOn = LocalDate.parse(body.path("started_on").asText(""));
    } catch (DateTimeParseException e) {
      throw new BadInputException(
          "started_on must be a date like 2026-06-20, was '"
              + body.path("started_on").asText("")
              + "'");
    }
    JsonNode productsNode = body.path("products");
    if (!productsNode.isArray()) {
      throw new BadInputException("products must be a list of product ids");
    }
    List<String> products = new ArrayList<>();
    for (JsonNode product : productsNode) {
      if (!product.isTextual() || product.asText().isBlank()) {
        throw new BadInputException("products must be a list of product ids");
      }
      products.add(product.asText().trim());
    }
    long id = ActionsTaken.start(workspaces, shop, ActionId.parse(action), startedOn, products);
    ctx.status(HttpStatus.CREATED).json(Map.of("id", id));
  }

  /**
   * GET /api/shops/{shop}/actions: the actions the merchant started, each with its effect so far
   * measured against the shop's current data.
   */
  void actions(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    Messages msg = Messages.of(Lang.of(ctx));
    List<StartedAction> out = new ArrayList<>();
    for (ActionsTaken.Row action : ActionsTaken.measure(workspaces.database(shop))) {
      out.add(StartedAction.of(action, msg));
    }
    ctx.json(out);
  }

  /** One started action as the API answers it (snake_case through the JSON mapper). */
  record StartedAction(
      long id, ActionId action, String startedOn, List<String> products, Effect effect) {

    static StartedAction of(ActionsTaken.Row row, Messages msg) {
      return new StartedAction(
          row.id(),
          row.action(),
          row.startedOn().toString(),
          row.products(),
          Effect.of(row.effect(), msg));
    }
  }

  /** The action's effect so far; the gain and its interval only when measured, else why not. */
  record Effect(
      boolean measured,
      Reason reason,
      String message,
      Double gain,
      Double gainLow,
      Double gainHigh,
      int daysObserved) {

    static Effect of(ActionEffect.Result e, Messages msg) {
      return new Effect(
          e.measured(),
          e.reason(),
          e.reason() == null ? null : msg.reason(e.reason()),
          e.measured() ? e.gain() : null,
          e.measured() ? e.gainLow() : null,
          e.measured() ? e.gainHigh() : null,
          e.daysObserved());
    }
  }
}
