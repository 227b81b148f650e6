package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.ingest.IngestReport;
import app.rebound.ingest.NoticeRefusedException;
import app.rebound.ingest.PastedNotice;
import app.rebound.ingest.Plausible;
import app.rebound.service.ShopChanges;
import app.rebound.store.ShopSummary;
import app.rebound.store.UploadFile;
import app.rebound.store.UploadRecord;
import app.rebound.store.Workspaces;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;

/** The server-rendered pages: each handler gathers a view record and hands it to a template. */
final class ShopPages {

  /** The "I understand" box of a delete form, and its value when ticked. */
  static final String CONFIRM_FIELD = "confirm";

  static final String CONFIRMED = "yes";

  private final Workspaces workspaces;
  private final ShopChanges changes;
  private final WebConfig config;
  private final Templates templates;
  private final List<NavEntry> nav;

  ShopPages(
      Workspaces workspaces,
      ShopChanges changes,
      WebConfig config,
      Templates templates,
      List<NavEntry> nav) {
    this.workspaces = workspaces;
    this.changes = changes;
    this.config = config;
    this.templates = templates;
    this.nav = nav;
  }

  /** GET /: the shops the request's token may see. */
  void shops(Context ctx) throws Exception {
    Messages msg = messages(ctx);
    Chrome chrome = chrome(ctx, msg, msg.get("shops.title"), "/", null);
    Access.Scope scope = Access.scope(ctx);
    templates.respond(
        ctx,
        "shops.jte",
        new Views.Shops(
            chrome, workspaces.list().stream().filter(s -> scope.allows(s.id())).toList()));
  }

  /** GET /shops/{shop}/uploads: the upload form and every upload with its report. */
  void shop(Context ctx) throws Exception {
    renderShop(ctx, ShopIds.existing(ctx, workspaces), null, NoticeForm.EMPTY);
  }

  /**
   * POST /shops/{shop}/uploads: stores, then 303 to the shop page; a refusal is mapped in WebApp.
   */
  void upload(Context ctx) throws Exception {
    List<UploadFile> files = UploadParts.files(ctx, config.maxUploadBytes());
    String shop = ShopIds.fromPath(ctx);
    store(ctx, shop, files);
  }

  /** POST /shops: the new-shop form, its id in the field "shop" and its files beside it. */
  void create(Context ctx) throws Exception {
    List<UploadFile> files = UploadParts.files(ctx, config.maxUploadBytes());
    String shop = Workspaces.requireValidShopId(ShopIds.ofUpload(ctx));
    Access.requireShop(
        ctx, shop); // the shop is in the form, not the path: checked here, before storing
    store(ctx, shop, files);
  }

  private void store(Context ctx, String shop, List<UploadFile> files) throws Exception {
    changes.upload(shop, files);
    ctx.redirect(shopPath(shop), HttpStatus.SEE_OTHER);
  }

  /**
   * POST /shops/{shop}/uploads/{upload}/delete, the upload's delete button with its box ticked:
   * deletes it, has the shop analysed again and 303s back to the uploads page.
   */
  void deleteUpload(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    long upload = UploadIds.fromPath(ctx, shop);
    requireConfirmed(ctx);
    changes.deleteUpload(shop, upload);
    ctx.redirect(shopPath(shop) + "/uploads", HttpStatus.SEE_OTHER);
  }

  /** POST /shops/{shop}/delete, the shop's delete button with its box ticked: 303 to the shops. */
  void deleteShop(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    requireConfirmed(ctx);
    if (!changes.deleteShop(shop)) {
      throw new ShopNotFoundException(shop); // deleted by another request meanwhile
    }
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  /**
   * A delete form is sent only with its "I understand" box ticked; the box is required in the page,
   * and checked here too for a browser that does not.
   */
  private static void requireConfirmed(Context ctx) {
    if (!CONFIRMED.equals(ctx.formParam(CONFIRM_FIELD))) {
      throw new BadRequestResponse(messages(ctx).get("delete.unconfirmed"));
    }
  }

  /** The shop page again, with status 400 and the report of the upload that was refused whole. */
  void refused(Context ctx, IngestReport report) throws Exception {
    String shop = ShopIds.ofUpload(ctx);
    if (shop == null || !Workspaces.isValidShopId(shop)) {
      throw new BadInputException("shop id missing or malformed: " + shop);
    }
    ctx.status(HttpStatus.BAD_REQUEST);
    renderShop(ctx, shop, report, NoticeForm.EMPTY);
  }

  /**
   * POST /shops/{shop}/notices, the "paste a deletion notice" form: stored as an upload, then 303
   * to the uploads page, where its report is; a refused notice is mapped in WebApp.
   */
  void notice(Context ctx) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    changes.notice(shop, PastedNotice.read(NoticeForm.of(ctx).input(), Plausible.today()));
    ctx.redirect(shopPath(shop) + "/uploads", HttpStatus.SEE_OTHER);
  }

  /** The uploads page again, with status 400 and the notice form as sent, each problem named. */
  void noticeRefused(Context ctx, NoticeRefusedException refused) throws Exception {
    String shop = ShopIds.existing(ctx, workspaces);
    ctx.status(HttpStatus.BAD_REQUEST);
    renderShop(ctx, shop, null, NoticeForm.of(ctx).refused(refused.problems()));
  }

  /** A page saying what went wrong, with the given status. */
  void error(Context ctx, int status, String message) {
    Messages msg = messages(ctx);
    Chrome chrome = chrome(ctx, msg, msg.get("error.title"), ctx.path(), null);
    ctx.status(status);
    templates.respond(ctx, "error.jte", new Views.Error(chrome, status, message));
  }

  private void renderShop(Context ctx, String shop, IngestReport refused, NoticeForm notice)
      throws Exception {
    boolean exists = workspaces.exists(shop);
    ShopSummary summary = exists ? workspaces.summary(shop) : new ShopSummary(shop, 0, 0, null);
    Messages msg = messages(ctx);
    Chrome chrome =
        chrome(
            ctx,
            msg,
            msg.format("shop.title", shop),
            shopPath(shop) + "/uploads",
            exists ? shop : null);
    List<UploadRecord> uploads = exists ? workspaces.database(shop).uploads() : List.of();
    templates.respond(
        ctx, "shop.jte", new Views.Shop(chrome, shop, summary, uploads, refused, notice));
  }

  private static Messages messages(Context ctx) {
    return Messages.of(Lang.of(ctx));
  }

  private Chrome chrome(Context ctx, Messages msg, String title, String here, String shopId) {
    return Chrome.of(ctx, msg, nav, title, here, shopId, 0);
  }

  static String shopPath(String shop) {
    return "/shops/" + shop;
  }
}
