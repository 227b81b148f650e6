package app.rebound.web;

import app.rebound.Json;
import app.rebound.analysis.Reason;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON of the dashboard pages: each answers the very record its page renders. 202 with the
 * progress while the analysis runs, 500 with the reason when it failed.
 */
final class DashboardApi {

  private final DashboardData data;

  DashboardApi(DashboardData data) {
    this.data = data;
  }

  /** GET /api/shops/{shop}/overview */
  void overview(Context ctx) throws Exception {
    answer(ctx, data::overview);
  }

  /** GET /api/shops/{shop}/traffic */
  void traffic(Context ctx) throws Exception {
    answer(ctx, data::traffic);
  }

  /** GET /api/shops/{shop}/trust */
  void trust(Context ctx) throws Exception {
    answer(ctx, data::trust);
  }

  /** GET /api/shops/{shop}/partners */
  void partners(Context ctx) throws Exception {
    answer(ctx, data::partners);
  }

  /** GET /api/shops/{shop}/plan */
  void plan(Context ctx) throws Exception {
    answer(ctx, data::plan);
  }

  /** GET /api/shops/{shop}/appeal: appeal.json, with the time left counted at the request. */
  void appeal(Context ctx) throws Exception {
    answer(ctx, data::appealJson);
  }

  /** GET /api/shops/{shop}/appeal/{group} */
  void appealGroup(Context ctx) throws Exception {
    answer(ctx, l -> data.appealGroup(l, ctx));
  }

  /** GET /api/shops/{shop}/deletions */
  void deletions(Context ctx) throws Exception {
    answer(ctx, data::deletions);
  }

  /** GET /api/shops/{shop}/products?sort= */
  void products(Context ctx) throws Exception {
    answer(ctx, l -> data.products(l, ctx));
  }

  /** GET /api/shops/{shop}/products/{product} */
  void product(Context ctx) throws Exception {
    answer(ctx, l -> data.product(l, ctx));
  }

  private void answer(Context ctx, Function<DashboardData.Loaded, Object> build) throws Exception {
    DashboardData.Loaded l = data.load(ctx);
    switch (l.analysis().state()) {
      case READY ->
          ctx.json(
              Reason.addMessages(Json.MAPPER.valueToTree(build.apply(l)), l.lang() == Lang.ZH));
      case RUNNING ->
          ctx.status(HttpStatus.ACCEPTED)
              .json(
                  Map.of("status", "running", "progress", String.valueOf(l.analysis().progress())));
      case FAILED ->
          ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
              .json(new ApiError("the analysis failed: " + l.analysis().error(), 500));
      case NO_DATA -> throw new ShopNotFoundException(l.shop());
    }
  }
}
