package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.service.AppealCases;
import app.rebound.store.AppealCase;
import app.rebound.store.CaseEvent;
import app.rebound.store.CaseStatus;
import app.rebound.store.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON API of appeal cases: HTTP in and out only; {@link AppealCases} decides. */
final class CasesApi {

  private final Workspaces workspaces;
  private final AppealCases cases;

  CasesApi(Workspaces workspaces, AppealCases cases) {
    this.workspaces = workspaces;
    this.cases = cases;
  }

  /**
   * POST /api/shops/{shop}/cases with {"group_id":"…"}: 201 with the new draft case and its
   * history.
   */
  void open(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    JsonNode body = body(ctx, "group_id");
    ctx.status(HttpStatus.CREATED).json(fileJson(cases.open(shop, text(body, "group_id"))));
  }

  /** GET /api/shops/{shop}/cases: every case with its current status, oldest first. */
  void list(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    ctx.json(cases.list(shop).stream().map(CasesApi::caseJson).toList());
  }

  /** GET /api/shops/{shop}/cases/{id}: the case and its full history. */
  void get(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    ctx.json(fileJson(cases.file(shop, caseId(ctx))));
  }

  /**
   * POST /api/shops/{shop}/cases/{id}/events with
   * {"status":"submitted","date":"2026-06-10","note":"…",
   * "follow_up_on":"2026-06-12","restored_orders":["…"]} (all but status optional): 201 with the
   * case and its history.
   */
  void change(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    long id = caseId(ctx);
    JsonNode body = body(ctx, "status");
    AppealCases.Request request =
        new AppealCases.Request(
            text(body, "status"),
            date(body, "date"),
            text(body, "note"),
            date(body, "follow_up_on"),
            ids(body, "restored_orders"));
    ctx.status(HttpStatus.CREATED).json(fileJson(cases.change(shop, id, request)));
  }

  /**
   * GET /api/shops/{shop}/cases/due?on=YYYY-MM-DD (default today): the shop's cases to follow up.
   */
  void dueInShop(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    ctx.json(cases.due(shop, day(ctx)).stream().map(CasesApi::caseJson).toList());
  }

  /**
   * GET /api/cases/due?on=YYYY-MM-DD (default today): the cases to follow up, with their shop, of
   * every shop the request's token may see.
   */
  void due(Context ctx) throws Exception {
    List<Map<String, Object>> out = new ArrayList<>();
    for (AppealCases.Due due : cases.due(day(ctx), Access.scope(ctx)::allows)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("shop", due.shop());
      row.putAll(caseJson(due.appealCase()));
      out.add(row);
    }
    ctx.json(out);
  }

  static Map<String, Object> caseJson(AppealCase c) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", c.id());
    out.put("group_id", c.groupId());
    out.put("batch", c.batch());
    out.put("product_id", c.productId());
    out.put("reason", c.reason());
    out.put("created_at", c.createdAt().toString());
    out.put("status", c.status().code());
    out.put("status_on", c.statusOn().toString());
    out.put("finished", c.status().finished());
    out.put("next_statuses", CaseStatus.codes(c.status().next()));
    out.put("follow_up_on", c.followUpOn() == null ? null : c.followUpOn().toString());
    out.put("orders", c.orders());
    out.put("order_count", c.orders().size());
    out.put("restored_orders", c.restoredOrders());
    out.put("restored", c.restoredOrders().size());
    return out;
  }

  static Map<String, Object> fileJson(AppealCases.CaseFile file) {
    Map<String, Object> out = caseJson(file.appealCase());
    List<Map<String, Object>> history = new ArrayList<>();
    for (CaseEvent event : file.history()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", event.id());
      e.put("status", event.change().status().code());
      e.put("date", event.change().on().toString());
      e.put("note", event.change().note());
      e.put(
          "follow_up_on",
          event.change().followUpOn() == null ? null : event.change().followUpOn().toString());
      e.put("restored_orders", event.change().restoredOrders());
      e.put("recorded_at", event.recordedAt().toString());
      history.add(e);
    }
    out.put("history", history);
    return out;
  }

  /** The {id} of a case path as a number; 400 when it is not one. Pages and API read it alike. */
  static long caseId(Context ctx) {
    String id = ctx.pathParam("id");
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new BadInputException("a case id is a number, was '" + id + "'");
    }
  }

  private LocalDate day(Context ctx) {
    String on = ctx.queryParam("on");
    return on == null || on.isBlank() ? LocalDate.now(workspaces.clock()) : parseDate("on", on);
  }

  private static JsonNode body(Context ctx, String required) {
    return JsonBodies.object(ctx, required);
  }

  /** A text field, or null when absent or null. */
  private static String text(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new BadInputException(field + " must be text");
    }
    return node.asText();
  }

  private static LocalDate date(JsonNode body, String field) {
    String text = text(body, field);
    return text == null || text.isBlank() ? null : parseDate(field, text);
  }

  private static LocalDate parseDate(String field, String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new BadInputException(field + " must be a date like 2026-06-20, was '" + text + "'");
    }
  }

  /** A list of ids, or null when absent or null. */
  private static List<String> ids(JsonNode body, String field) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isArray()) {
      throw new BadInputException(field + " must be a list of sub-order ids (as strings)");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode id : node) {
      if (!id.isTextual() || id.asText().isBlank()) {
        throw new BadInputException(field + " must be a list of sub-order ids (as strings)");
      }
      ids.add(id.asText().trim());
    }
    return ids;
  }
}
