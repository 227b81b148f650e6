package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.service.AppealCases;
import app.rebound.store.AppealCase;
import app.rebound.store.CaseChange;
import app.rebound.store.CaseEvent;
import app.rebound.store.CaseStatus;
import app.rebound.store.Workspaces;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

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
    ctx.status(HttpStatus.CREATED).json(FileJson.of(cases.open(shop, text(body, "group_id"))));
  }

  /** GET /api/shops/{shop}/cases: every case with its current status, oldest first. */
  void list(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    ctx.json(cases.list(shop).stream().map(CaseJson::of).toList());
  }

  /** GET /api/shops/{shop}/cases/{id}: the case and its full history. */
  void get(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    ctx.json(FileJson.of(cases.file(shop, caseId(ctx))));
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
    ctx.status(HttpStatus.CREATED).json(FileJson.of(cases.change(shop, id, request)));
  }

  /**
   * GET /api/shops/{shop}/cases/due?on=YYYY-MM-DD (default today): the shop's cases to follow up.
   */
  void dueInShop(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    ctx.json(cases.due(shop, day(ctx)).stream().map(CaseJson::of).toList());
  }

  /**
   * GET /api/cases/due?on=YYYY-MM-DD (default today): the cases to follow up, with their shop, of
   * every shop the request's token may see.
   */
  void due(Context ctx) throws Exception {
    ctx.json(
        cases.due(day(ctx), Access.scope(ctx)::allows).stream()
            .map(due -> new DueJson(due.shop(), CaseJson.of(due.appealCase())))
            .toList());
  }

  /** A case as the API answers it: its fields, what it may move to next, and its order counts. */
  record CaseJson(
      long id,
      String groupId,
      String batch,
      String productId,
      String reason,
      String createdAt,
      String status,
      String statusOn,
      boolean finished,
      List<String> nextStatuses,
      String followUpOn,
      List<String> orders,
      int orderCount,
      List<String> restoredOrders,
      int restored) {

    static CaseJson of(AppealCase c) {
      return new CaseJson(
          c.id(),
          c.groupId(),
          c.batch(),
          c.productId(),
          c.reason(),
          c.createdAt().toString(),
          c.status().code(),
          c.statusOn().toString(),
          c.status().finished(),
          CaseStatus.codes(c.status().next()),
          dayText(c.followUpOn()),
          c.orders(),
          c.orders().size(),
          c.restoredOrders(),
          c.restoredOrders().size());
    }
  }

  /** A case due for follow-up, with the shop it belongs to first. */
  record DueJson(String shop, @JsonUnwrapped CaseJson appealCase) {}

  /** A case with its history, oldest change first. */
  record FileJson(@JsonUnwrapped CaseJson appealCase, List<EventJson> history) {

    static FileJson of(AppealCases.CaseFile file) {
      return new FileJson(
          CaseJson.of(file.appealCase()), file.history().stream().map(EventJson::of).toList());
    }
  }

  /** One change of a case's history. */
  record EventJson(
      long id,
      String status,
      String date,
      String note,
      String followUpOn,
      List<String> restoredOrders,
      String recordedAt) {

    static EventJson of(CaseEvent event) {
      CaseChange change = event.change();
      return new EventJson(
          event.id(),
          change.status().code(),
          change.on().toString(),
          change.note(),
          dayText(change.followUpOn()),
          change.restoredOrders(),
          event.recordedAt().toString());
    }
  }

  private static String dayText(LocalDate day) {
    return day == null ? null : day.toString();
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
