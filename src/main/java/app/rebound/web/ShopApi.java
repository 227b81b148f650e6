package app.rebound.web;

import app.rebound.store.Workspaces;
import io.javalin.http.Context;

/** The JSON API over the shop store: HTTP in and out only. */
final class ShopApi {

  private final Workspaces workspaces;
  private final WebConfig config;

  ShopApi(Workspaces workspaces, WebConfig config) {
    this.workspaces = workspaces;
    this.config = config;
  }

  /** GET /api/shops */
  void list(Context ctx) throws Exception {
    ctx.json(workspaces.list());
  }

  /** POST /api/shops/{shop}/uploads: 200 with the report; a refusal is mapped to 400 in WebApp. */
  void upload(Context ctx) throws Exception {
    String shop = ShopIds.fromPath(ctx);
    ctx.json(workspaces.upload(shop, UploadParts.files(ctx, config.maxUploadBytes()), step -> {}));
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
}
