package app.rebound.web;

import app.rebound.store.Workspaces;
import io.javalin.http.Context;

/**
 * The shop a request is about, checked: 400 for a malformed id, 404 for a shop with no workspace.
 */
final class ShopIds {

  static final String PATH_PARAM = "shop";
  static final String FORM_FIELD = "shop";

  private ShopIds() {}

  /** A well-formed id from the path; the shop may not exist yet (an upload creates it). */
  static String fromPath(Context ctx) {
    return Workspaces.requireValidShopId(ctx.pathParam(PATH_PARAM));
  }

  static String existing(Context ctx, Workspaces workspaces) {
    String shop = fromPath(ctx);
    if (!workspaces.exists(shop)) {
      throw new ShopNotFoundException(shop);
    }
    return shop;
  }

  /**
   * The shop of an upload request, from the path or, for the new-shop form, from its field; may be
   * null.
   */
  static String ofUpload(Context ctx) {
    String shop = ctx.pathParamMap().get(PATH_PARAM);
    if (shop == null && ctx.isMultipartFormData()) {
      shop = ctx.formParam(FORM_FIELD);
    }
    return shop == null ? null : shop.trim();
  }
}
