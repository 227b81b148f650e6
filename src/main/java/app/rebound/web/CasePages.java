package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.PlatformTime;
import app.rebound.service.AppealCases;
import app.rebound.store.AppealCase;
import app.rebound.store.Workspaces;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * The appeal cases as pages: the list with the ones due for follow-up first, one case with its
 * history and a form for its next change, and opening a case from a group. The rules live in {@link
 * AppealCases}.
 */
final class CasePages {

  private final Workspaces workspaces;
  private final AppealCases cases;
  private final Templates templates;
  private final List<NavEntry> nav;

  CasePages(Workspaces workspaces, AppealCases cases, Templates templates, List<NavEntry> nav) {
    this.workspaces = workspaces;
    this.cases = cases;
    this.templates = templates;
    this.nav = nav;
  }

  /** GET /shops/{shop}/cases */
  void list(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    Messages msg = Messages.of(Lang.of(ctx));
    LocalDate today = PlatformTime.now(workspaces.clock()).toLocalDate();
    String here = ShopPages.shopPath(shop) + "/cases";
    templates.respond(
        ctx,
        "cases.jte",
        new Views.Page<>(
            chrome(ctx, msg, msg.get("cases.title"), here, shop),
            shop,
            null,
            caseList(shop, today)));
  }

  private Views.CaseList caseList(String shop, LocalDate today) throws Exception {
    List<AppealCase> all = cases.list(shop);
    return new Views.CaseList(
        cases.due(shop, today),
        all,
        today,
        workspaces.database(shop).productNames(all.stream().map(AppealCase::productId).toList()));
  }

  /** GET /shops/{shop}/cases/tables/{table}.xlsx: the due or all cases, named by today's date. */
  void table(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    LocalDate today = PlatformTime.now(workspaces.clock()).toLocalDate();
    Views.CaseList list = caseList(shop, today);
    PageTables.send(
        ctx, PageTables.cases(Messages.of(Lang.of(ctx)), list), shop + "-cases", today.toString());
  }

  /** GET /shops/{shop}/cases/{id} */
  void detail(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    Messages msg = Messages.of(Lang.of(ctx));
    AppealCases.CaseFile file = cases.file(shop, CasesApi.caseId(ctx));
    AppealCase c = file.appealCase();
    String here = ShopPages.shopPath(shop) + "/cases/" + c.id();
    templates.respond(
        ctx,
        "case.jte",
        new Views.Page<>(
            chrome(ctx, msg, msg.format("case.title", c.id()), here, shop),
            shop,
            null,
            new Views.CaseDetail(
                c,
                file.history(),
                c.status().next(),
                PlatformTime.now(workspaces.clock()).toLocalDate())));
  }

  /** POST /shops/{shop}/appeal/{group}/case: opens a draft case for the group, then shows it. */
  void open(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    AppealCases.CaseFile opened = cases.open(shop, ctx.pathParam("group"));
    ctx.redirect(
        ShopPages.shopPath(shop) + "/cases/" + opened.appealCase().id(), HttpStatus.SEE_OTHER);
  }

  /**
   * POST /shops/{shop}/cases/{id}/events (form: status, date, note, follow_up_on, restored_orders).
   */
  void change(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    long id = CasesApi.caseId(ctx);
    String restored = ctx.formParam("restored_orders");
    // Left empty: not given (approved then restores all the case's orders).
    List<String> ids =
        restored == null || restored.isBlank()
            ? null
            : Arrays.stream(restored.split("[\\s,，;；]+")).filter(s -> !s.isBlank()).toList();
    cases.change(
        shop,
        id,
        new AppealCases.Request(
            ctx.formParam("status"),
            date(ctx, "date"),
            ctx.formParam("note"),
            date(ctx, "follow_up_on"),
            ids));
    ctx.redirect(ShopPages.shopPath(shop) + "/cases/" + id, HttpStatus.SEE_OTHER);
  }

  private static LocalDate date(Context ctx, String field) {
    String text = ctx.formParam(field);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new BadInputException(field + " must be a date like 2026-06-20, not '" + text + "'");
    }
  }

  private Chrome chrome(Context ctx, Messages msg, String title, String here, String shop) {
    return Chrome.of(ctx, msg, nav, title, here, shop, 0);
  }
}
