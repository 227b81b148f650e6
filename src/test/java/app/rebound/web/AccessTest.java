package app.rebound.web;

import static app.rebound.web.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.service.AppealCases;
import app.rebound.store.UploadFile;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens and their scopes: a token is needed once one is configured, and a shop token sees its
 * shops and nothing of the others, on every route the app has.
 */
class AccessTest {

  private static final String ALL = "all-shops-token";
  private static final String ALPHA = "alpha-only=";
  private static final String ORDERS = "订单明细.csv";

  @RegisterExtension final DataFolder data = DataFolder.on(CasesApiTest.CLOCK);

  private Javalin app(WebConfig config) {
    return data.served(config, WebApp.Options.defaults().withCharts(ChartSource.none()));
  }

  private static WebConfig scoped() {
    return WebConfig.defaults()
        .withAccessToken(ALL)
        .withShopToken(ALPHA, List.of("alpha", "gamma"));
  }

  private static Response get(HttpClient client, String path, String token) {
    return client.get(path, r -> r.header("Authorization", "Bearer " + token));
  }

  /**
   * The sample's orders, deletions and traffic as a shop, analysed, with one case due for
   * follow-up.
   */
  private void shopWithDueCase(String shop) throws Exception {
    List<UploadFile> files =
        Stream.of(ORDERS, "销量删除记录.csv", "商品流量.csv")
            .map(
                name ->
                    new UploadFile(
                        name, () -> Files.newInputStream(SampleShop.samples().resolve(name))))
            .toList();
    data.workspaces().upload(shop, files, step -> {});
    SampleShop.awaitReady(data.analyses(), shop, "zh");
    LocalDateTime now = LocalDateTime.now(CasesApiTest.CLOCK);
    AppealGroup group =
        data.analyses().appeal(shop).orElseThrow().groups().stream()
            .filter(g -> !g.closed(now))
            .findFirst()
            .orElseThrow();
    AppealCases cases = new AppealCases(data.workspaces(), data.analyses());
    long id = cases.open(shop, group.id()).appealCase().id();
    cases.change(
        shop, id, new AppealCases.Request("submitted", null, null, LocalDate.of(2026, 6, 2), null));
  }

  /**
   * What a request could have changed in a shop: its uploads, actions and cases, with their
   * histories.
   */
  private String state(String shop) throws Exception {
    var db = data.workspaces().database(shop);
    List<Object> state = new ArrayList<>();
    state.add(db.uploads().size());
    state.add(db.actionsTaken().size());
    for (var c : db.appealCases()) {
      state.add(c.id() + ":" + c.status() + ":" + db.caseHistory(c.id()).size());
    }
    return state.toString();
  }

  @Test
  void with_a_token_configured_every_page_and_api_call_needs_it() throws Exception {
    JavalinTest.test(
        app(WebConfig.defaults().withAccessToken("s3cret-token")),
        (server, client) -> {
          var refused = client.get("/api/shops");
          assertEquals(401, refused.code());
          assertTrue(refused.body().string().contains("access token is required"));
          assertEquals(401, client.get("/").code());
          assertEquals(401, client.get("/shops/demo").code());
          assertEquals(401, client.get("/assets/rebound.css").code());
          assertEquals(401, get(client, "/api/shops", "wrong").code());
          assertEquals(
              401,
              get(client, "/api/shops", "s3cret-token-and-more").code(),
              "a longer guess is no token");
          assertEquals(
              401,
              client
                  .get("/api/shops", r -> r.header("Authorization", "Basic s3cret-token"))
                  .code());
          assertEquals(200, get(client, "/api/shops", "s3cret-token").code());
          assertEquals(
              200,
              client
                  .get("/api/shops", r -> r.header("Authorization", "bearer s3cret-token"))
                  .code(),
              "the scheme's case does not matter (RFC 9110)");
          var withQuery = client.get("/shops/demo/plan?lang=en&token=s3cret-token&x=1");
          assertEquals(303, withQuery.code(), "redirected to the address without the token");
          assertEquals("/shops/demo/plan?lang=en&x=1", withQuery.headers().get("Location").get(0));
          String cookie = String.join("; ", withQuery.headers().get("Set-Cookie"));
          assertTrue(
              cookie.contains(Access.COOKIE + "=s3cret-token")
                  && !cookie.contains("Secure")
                  && cookie.contains("HttpOnly")
                  && cookie.contains("SameSite=Strict"),
              cookie);
          assertEquals(
              200,
              client.get("/api/shops").code(),
              "the browser's cookie carries the token from then on");
          assertEquals(
              401,
              client.get("/?token=wrong").code(),
              "a token given explicitly is the one that counts");
        });
  }

  @Test
  void without_a_token_the_loopback_server_answers_as_before() {
    JavalinTest.test(
        app(WebConfig.defaults()),
        (server, client) -> assertEquals(200, client.get("/api/shops").code()));
  }

  @Test
  void a_shop_token_lists_only_its_shops_and_their_due_cases() throws Exception {
    shopWithDueCase("alpha");
    shopWithDueCase("beta");
    JavalinTest.test(
        app(scoped()),
        (server, client) -> {
          JsonNode all = json(get(client, "/api/shops", ALL));
          assertEquals(2, all.size());
          JsonNode alphaOnly = json(get(client, "/api/shops", ALPHA));
          assertEquals(1, alphaOnly.size());
          assertEquals("alpha", alphaOnly.at("/0/id").asText());

          String page = get(client, "/", ALPHA).body().string();
          assertTrue(
              page.contains("/shops/alpha") && !page.contains("beta"),
              "the shops page lists alpha alone");
          assertTrue(get(client, "/", ALL).body().string().contains("/shops/beta"));

          JsonNode due = json(get(client, "/api/cases/due", ALPHA));
          assertEquals(1, due.size(), due.toString());
          assertEquals("alpha", due.at("/0/shop").asText());
          assertEquals(2, json(get(client, "/api/cases/due", ALL)).size());

          // Through the cookie a browser keeps, the same.
          assertEquals(303, client.get("/?token=" + ALPHA).code());
          assertEquals(1, json(client.get("/api/shops")).size());
          assertEquals(403, client.get("/shops/beta").code());
        });
  }

  /**
   * Every route the app has with a {shop} in its path is asked for beta, and for the new shop
   * delta, with a token for alpha: each answers 403 (JSON under /api, a page otherwise) and beta is
   * left as it was. The routes come from the app itself, so a route added later is checked too.
   */
  @Test
  void a_shop_token_is_refused_on_every_route_of_another_shop_and_changes_nothing()
      throws Exception {
    shopWithDueCase("alpha");
    shopWithDueCase("beta");
    String before = state("beta");
    Javalin app = app(scoped());
    JavalinTest.test(
        app,
        (server, client) -> {
          List<Endpoint> routes =
              app.unsafe.internalRouter.allHttpHandlers().stream()
                  .map(p -> p.endpoint)
                  .filter(
                      e ->
                          e.method.isHttpMethod()
                              && e.path.contains("{" + ShopIds.PATH_PARAM + "}"))
                  .toList();
          assertTrue(routes.size() >= 40, "the app's shop routes: " + routes.size());
          for (Endpoint route : routes) {
            for (String shop : List.of("beta", "delta")) {
              String path = fill(route.path, shop);
              Response answer = send(client, route.method, path, ALPHA);
              String body = answer.body().string();
              assertEquals(403, answer.code(), route.method + " " + path + ": " + body);
              assertTrue(body.contains("does not give access to shop"), path + ": " + body);
              if (path.startsWith("/api/")) {
                assertEquals(403, Json.MAPPER.readTree(body).get("status").asInt(), path);
              } else {
                assertTrue(body.strip().startsWith("<!DOCTYPE html>"), path + ": " + body);
              }
              // The same route for alpha passes the check (whatever the handler then says of the
              // made-up ids).
              Response own = send(client, route.method, fill(route.path, "alpha"), ALPHA);
              assertNotEquals(403, own.code(), route.method + " " + fill(route.path, "alpha"));
              assertNotEquals(401, own.code(), route.method + " " + fill(route.path, "alpha"));
            }
          }
          assertEquals(before, state("beta"), "nothing of beta changed");
          assertFalse(
              data.workspaces().exists("delta"), "no shop was created outside the token's scope");

          // Spellings of the same path that the router still maps to a handler of beta are refused
          // too.
          for (String odd :
              List.of(
                  "/shops/beta/",
                  "/api/shops/beta/ingest/",
                  "/shops/%62eta/uploads",
                  "/api/shops/%62eta/ingest",
                  "//shops/beta/uploads",
                  "/shops//beta/uploads",
                  "/shops/beta;x=1/uploads",
                  "/api/shops/alpha/../beta/ingest",
                  "/api/shops/alpha/%2e%2e/beta/ingest")) {
            Response answer = get(client, odd, ALPHA);
            String body = answer.body().string();
            assertTrue(
                answer.code() == 403 || answer.code() == 400 || answer.code() == 404,
                odd + ": " + answer.code());
            assertFalse(
                body.contains("orders_distinct") || body.contains("\"files\""),
                odd + " leaked beta: " + body);
          }

          // The new-shop form carries its shop in a field: checked as well.
          assertEquals(
              403,
              Multipart.samples(ORDERS)
                  .field("shop", "delta")
                  .postTo(client, "/shops", r -> r.header("Authorization", "Bearer " + ALPHA))
                  .code());
          assertEquals(
              403,
              Multipart.samples(ORDERS)
                  .field("shop", "beta")
                  .postTo(client, "/shops", r -> r.header("Authorization", "Bearer " + ALPHA))
                  .code());
          assertFalse(data.workspaces().exists("delta"));
          assertEquals(before, state("beta"));
        });
  }

  @Test
  void a_shop_token_may_create_a_shop_in_its_scope() throws Exception {
    JavalinTest.test(
        app(scoped()),
        (server, client) -> {
          Response api =
              Multipart.samples(ORDERS)
                  .postTo(
                      client,
                      "/api/shops/gamma/uploads",
                      r -> r.header("Authorization", "Bearer " + ALPHA));
          assertEquals(200, api.code(), api.body().string());
          Response form =
              Multipart.samples(ORDERS)
                  .field("shop", "alpha")
                  .postTo(client, "/shops", r -> r.header("Authorization", "Bearer " + ALPHA));
          assertEquals(303, form.code());
          assertTrue(data.workspaces().exists("alpha") && data.workspaces().exists("gamma"));
          assertEquals(2, json(get(client, "/api/shops", ALPHA)).size());
        });
  }

  @Test
  void tokens_that_a_cookie_cannot_carry_or_given_twice_are_refused_when_configured() {
    assertThrows(
        IllegalArgumentException.class, () -> WebConfig.defaults().withAccessToken("has space"));
    assertThrows(
        IllegalArgumentException.class, () -> WebConfig.defaults().withAccessToken("semi;colon"));
    assertThrows(
        IllegalArgumentException.class,
        () -> WebConfig.defaults().withAccessToken("same").withShopToken("same", List.of("alpha")));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            WebConfig.defaults()
                .withShopToken("t", List.of("alpha"))
                .withShopToken("t", List.of("beta")));
    assertThrows(
        IllegalArgumentException.class, () -> WebConfig.defaults().withShopToken("t", List.of()));
    assertThrows(
        IllegalArgumentException.class,
        () -> WebConfig.defaults().withShopToken("t", List.of("../x")));
  }

  /** The route's path with the shop and made-up values for its other parameters. */
  private static String fill(String route, String shop) {
    String path = route.replace("{shop}", shop);
    for (var param :
        Map.of(
                "{id}",
                "1",
                "{upload}",
                "1",
                "{group}",
                "WG1",
                "{product}",
                "p1",
                "{chart}",
                "visitors.svg",
                "{table}",
                "losses.xlsx",
                "{kind}",
                "orders")
            .entrySet()) {
      path = path.replace(param.getKey(), param.getValue());
    }
    assertFalse(path.contains("{"), "a parameter this test does not know: " + route);
    return path;
  }

  /**
   * GET, DELETE, or POST with a body that route would accept: an upload for upload routes, else
   * JSON.
   */
  private static Response send(HttpClient client, HandlerType method, String path, String token) {
    if (method == HandlerType.GET) {
      return get(client, path, token);
    }
    if (method == HandlerType.DELETE) {
      return client.request(
          path,
          r ->
              r.delete(HttpRequest.BodyPublishers.noBody())
                  .header("Authorization", "Bearer " + token));
    }
    assertEquals(HandlerType.POST, method, path);
    if (path.endsWith("/uploads")) {
      return Multipart.samples(ORDERS)
          .postTo(client, path, r -> r.header("Authorization", "Bearer " + token));
    }
    String body =
        path.endsWith("/actions")
            ? "{\"action\":\"listing\",\"started_on\":\"2026-06-01\",\"products\":[\"p1\"]}"
            : path.endsWith("/events") ? "{\"status\":\"withdrawn\"}" : "{\"group_id\":\"WG1\"}";
    return client.request(
        path,
        r ->
            r.post(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token));
  }
}
