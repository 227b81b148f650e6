package app.rebound.web;

import app.rebound.PlatformTime;
import app.rebound.store.Alert;
import app.rebound.store.Workspaces;
import io.javalin.http.Context;
import java.util.List;

/**
 * The alerts raised for a shop (a new deletion, a closing appeal window, a failed analysis) with
 * where each stands at every webhook: a page and its JSON twin. Raising and sending live in {@link
 * app.rebound.service.Alerts}.
 */
final class AlertPages {

  private final Workspaces workspaces;
  private final Templates templates;
  private final List<NavEntry> nav;

  AlertPages(Workspaces workspaces, Templates templates, List<NavEntry> nav) {
    this.workspaces = workspaces;
    this.templates = templates;
    this.nav = nav;
  }

  /** GET /shops/{shop}/alerts */
  void list(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    Messages msg = Messages.of(Lang.of(ctx));
    String here = ShopPages.shopPath(shop) + "/alerts";
    templates.respond(
        ctx,
        "alerts.jte",
        new Views.Page<>(
            Chrome.of(ctx, msg, nav, msg.get("alerts.title"), here, shop, 0),
            shop,
            null,
            workspaces.database(shop).alerts()));
  }

  /** GET /shops/{shop}/alerts/tables/alerts.xlsx, named by today's date. */
  void table(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    Messages msg = Messages.of(Lang.of(ctx));
    String today = PlatformTime.now(workspaces.clock()).toLocalDate().toString();
    PageTables.send(
        ctx, PageTables.alerts(msg, workspaces.database(shop).alerts()), shop + "-alerts", today);
  }

  /** GET /api/shops/{shop}/alerts: every alert, newest first, with its deliveries. */
  void api(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    List<Alert> alerts = workspaces.database(shop).alerts();
    ctx.json(alerts);
  }
}
