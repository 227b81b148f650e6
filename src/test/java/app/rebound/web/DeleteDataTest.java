package app.rebound.web;

import static app.rebound.web.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deleting an upload or a shop, through the API and through the uploads page's confirmed forms: the
 * shop is analysed again without the deleted upload's rows, a deleted shop is gone from every list
 * and page, other shops are untouched, and a delete goes through the same checks as every other
 * change.
 */
class DeleteDataTest {

  private static final String ORDERS = "订单明细.csv";
  private static final String DELETIONS = "销量删除记录.csv";
  private static final String TRAFFIC = "商品流量.csv";
  private static final String EVIL = "http://evil.example";

  @RegisterExtension
  final DataFolder data =
      DataFolder.at("2026-06-15T02:00:00Z").analysedOn(Clock.systemDefaultZone());

  private io.javalin.Javalin app(WebConfig config) {
    return data.served(config, WebApp.Options.defaults().withCharts(ChartSource.none()));
  }

  private static Response delete(HttpClient client, String path, String... headers) {
    return client.request(
        path,
        r -> {
          r.delete(HttpRequest.BodyPublishers.noBody());
          for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
          }
        });
  }

  /** Two uploads into a shop: the orders and traffic, then the deletion records; their ids. */
  private static List<Long> twoUploads(HttpClient client, String shop) throws Exception {
    assertEquals(
        200,
        Multipart.samples(ORDERS, TRAFFIC)
            .postTo(client, "/api/shops/" + shop + "/uploads")
            .code());
    assertEquals(
        200, Multipart.samples(DELETIONS).postTo(client, "/api/shops/" + shop + "/uploads").code());
    List<Long> ids = new ArrayList<>();
    json(client.get("/api/shops/" + shop + "/uploads")).forEach(u -> ids.add(u.get("id").asLong()));
    Collections.reverse(ids); // oldest first
    return ids;
  }

  /** impact.json of the shop's current data, once its analysis is finished. */
  private JsonNode impact(HttpClient client, String shop) throws Exception {
    SampleShop.awaitReady(data.analyses(), shop, "en");
    Response response = client.get("/api/shops/" + shop + "/impact?lang=en");
    assertEquals(200, response.code());
    return json(response);
  }

  @Test
  void deleting_an_upload_through_the_api_analyses_the_shop_again_without_its_rows() {
    JavalinTest.test(
        app(WebConfig.defaults()),
        (server, client) -> {
          List<Long> ids = twoUploads(client, "demo");
          assertEquals(70, impact(client, "demo").at("/deletions/orders").asLong());
          String before = client.get("/shops/demo/deletions?lang=en").body().string();
          assertTrue(before.contains("WG3B1"), "the deletions page names the notice");

          Response deleted = delete(client, "/api/shops/demo/uploads/" + ids.get(1));
          assertEquals(200, deleted.code());
          JsonNode body = json(deleted);
          assertEquals(ids.get(1), body.get("id").asLong());
          assertEquals(70, body.at("/rows/deletions/removed").asLong());
          assertEquals(0, body.at("/rows/deletions/kept").asLong());

          JsonNode uploads = json(client.get("/api/shops/demo/uploads"));
          assertEquals(1, uploads.size());
          assertEquals(ids.get(0), uploads.get(0).get("id").asLong());
          assertEquals(0, impact(client, "demo").at("/deletions/orders").asLong());
          String after = client.get("/shops/demo/deletions?lang=en").body().string();
          assertFalse(after.contains("WG3B1"), "the deleted upload's notice is gone: " + after);
          String page = client.get("/shops/demo/uploads").body().string();
          assertFalse(page.contains("id=\"upload-" + ids.get(1) + "\""), page);
          assertTrue(page.contains("id=\"upload-" + ids.get(0) + "\""), page);
        });
  }

  @Test
  void deleting_every_upload_leaves_an_empty_shop_whose_pages_say_so() {
    JavalinTest.test(
        app(WebConfig.defaults()),
        (server, client) -> {
          for (long id : twoUploads(client, "demo")) {
            assertEquals(200, delete(client, "/api/shops/demo/uploads/" + id).code());
          }
          JsonNode shop = json(client.get("/api/shops")).get(0);
          assertEquals("demo", shop.get("id").asText());
          assertEquals(0, shop.get("uploads").asInt());
          assertEquals(0, shop.get("orders_distinct").asInt());
          Response page = client.get("/shops/demo/uploads?lang=en");
          assertEquals(200, page.code());
          assertTrue(page.body().string().contains("No uploads yet."));
          assertEquals(404, client.get("/api/shops/demo/impact").code());
          Response overview = client.get("/shops/demo?lang=en");
          assertTrue(overview.code() < 500, "overview: " + overview.code());
        });
  }

  @Test
  void an_unknown_shop_or_upload_is_404_and_nothing_changes() {
    JavalinTest.test(
        app(WebConfig.defaults()),
        (server, client) -> {
          List<Long> ids = twoUploads(client, "demo");
          for (String path :
              List.of(
                  "/api/shops/demo/uploads/999",
                  "/api/shops/demo/uploads/first",
                  "/api/shops/nosuchshop/uploads/" + ids.get(0),
                  "/api/shops/nosuchshop")) {
            Response answer = delete(client, path);
            JsonNode error = json(answer);
            assertEquals(404, answer.code(), path);
            assertEquals(404, error.get("status").asInt(), path);
            assertTrue(error.get("error").asText().startsWith("no "), path + ": " + error);
          }
          assertTrue(
              json(delete(client, "/api/shops/demo/uploads/999"))
                  .get("error")
                  .asText()
                  .contains("no upload 999 in shop \"demo\""));
          assertFalse(data.workspaces().exists("nosuchshop"));
          assertEquals(2, json(client.get("/api/shops/demo/uploads")).size());
        });
  }

  @Test
  void an_upload_an_earlier_release_stored_answers_409_and_its_page_offers_no_button()
      throws Exception {
    Path shop = data.dir().resolve("shops/old");
    Files.createDirectories(shop);
    Files.copy(Path.of("src/test/resources/store/first-release/shop.db"), shop.resolve("shop.db"));
    JavalinTest.test(
        app(WebConfig.defaults()),
        (server, client) -> {
          long id = json(client.get("/api/shops/old/uploads")).get(0).get("id").asLong();
          Response refused = delete(client, "/api/shops/old/uploads/" + id);
          assertEquals(409, refused.code());
          assertTrue(json(refused).get("error").asText().contains("nothing was deleted"));
          assertEquals(1, json(client.get("/api/shops/old/uploads")).size());
          String page = client.get("/shops/old/uploads?lang=en").body().string();
          assertFalse(page.contains("/uploads/" + id + "/delete"), page);
          assertTrue(page.contains("cannot be deleted alone"), page);
          assertTrue(page.contains("action=\"/shops/old/delete\""), "the shop can still go");
        });
  }

  @Test
  void a_delete_from_another_site_or_with_another_shops_token_is_refused() throws Exception {
    String all = "all-shops-token";
    String alpha = "alpha-token";
    WebConfig config =
        WebConfig.defaults().withAccessToken(all).withShopToken(alpha, List.of("alpha"));
    JavalinTest.test(
        app(config),
        (server, client) -> {
          for (String shop : List.of("alpha", "beta")) {
            Multipart.samples(ORDERS)
                .postTo(
                    client,
                    "/api/shops/" + shop + "/uploads",
                    r -> r.header("Authorization", "Bearer " + all));
          }
          String bearerAlpha = "Bearer " + alpha;
          Response forbidden =
              delete(client, "/api/shops/beta/uploads/1", "Authorization", bearerAlpha);
          assertEquals(403, forbidden.code());
          assertTrue(forbidden.body().string().contains("does not give access to shop"));
          assertEquals(403, delete(client, "/api/shops/beta", "Authorization", bearerAlpha).code());
          assertEquals(401, delete(client, "/api/shops/beta").code());
          Response crossSite =
              delete(client, "/api/shops/alpha", "Authorization", bearerAlpha, "Origin", EVIL);
          assertEquals(403, crossSite.code());
          assertTrue(crossSite.body().string().contains("another site"));
          assertTrue(data.workspaces().exists("alpha") && data.workspaces().exists("beta"));
          assertEquals(1, data.workspaces().database("beta").uploads().size());

          // The token of the shop may delete what it may write.
          assertEquals(
              200,
              delete(client, "/api/shops/alpha/uploads/1", "Authorization", bearerAlpha).code());
          assertEquals(
              204, delete(client, "/api/shops/alpha", "Authorization", bearerAlpha).code());
          assertFalse(data.workspaces().exists("alpha"));
          assertTrue(data.workspaces().exists("beta"));
        });
  }

  @Test
  void deleting_a_shop_removes_it_from_the_list_and_its_pages_and_leaves_the_others() {
    JavalinTest.test(
        app(WebConfig.defaults()),
        (server, client) -> {
          twoUploads(client, "demo");
          twoUploads(client, "other");
          impact(client, "demo");
          String otherUploads = client.get("/api/shops/other/uploads").body().string();

          Response deleted = delete(client, "/api/shops/demo");
          assertEquals(204, deleted.code());
          assertEquals("", deleted.body().string());

          List<String> shops = new ArrayList<>();
          json(client.get("/api/shops")).forEach(s -> shops.add(s.get("id").asText()));
          assertEquals(List.of("other"), shops);
          for (String path :
              List.of(
                  "/shops/demo",
                  "/shops/demo/uploads",
                  "/shops/demo/deletions",
                  "/api/shops/demo/uploads",
                  "/api/shops/demo/impact")) {
            assertEquals(404, client.get(path).code(), path);
          }
          assertFalse(Files.exists(data.dir().resolve("shops/demo")), "its folder is gone");
          assertFalse(client.get("/").body().string().contains("/shops/demo\""));
          assertEquals(otherUploads, client.get("/api/shops/other/uploads").body().string());
          assertEquals(70, impact(client, "other").at("/deletions/orders").asLong());
          assertEquals(404, delete(client, "/api/shops/demo").code(), "deleted once");
        });
  }

  @Test
  void the_uploads_page_deletes_an_upload_and_the_shop_only_with_the_box_ticked() {
    JavalinTest.test(
        app(WebConfig.defaults()),
        (server, client) -> {
          String origin = client.getOrigin();
          List<Long> ids = twoUploads(client, "demo");
          twoUploads(client, "other");
          for (String lang : List.of("en", "zh")) {
            String page = get(origin, "/shops/demo/uploads?lang=" + lang);
            String action = "action=\"/shops/demo/uploads/" + ids.get(1) + "/delete\"";
            assertTrue(page.contains(action), page);
            int form = page.indexOf(action);
            String deleteForm = page.substring(form, page.indexOf("</form>", form));
            assertTrue(deleteForm.contains("name=\"_csrf\""), deleteForm);
            assertTrue(
                deleteForm.contains("type=\"checkbox\" name=\"confirm\" value=\"yes\" required"),
                deleteForm);
            assertTrue(page.contains("action=\"/shops/demo/delete\""), page);
            assertTrue(
                page.contains(lang.equals("en") ? "I understand: this upload" : "我已了解：本次上传的数据将被删除"),
                page);
            assertTrue(page.contains(lang.equals("en") ? "Delete shop demo" : "删除店铺 demo"), page);
          }
          BrowserSession browser = BrowserSession.open(origin);
          String deleteUpload = "/shops/demo/uploads/" + ids.get(1) + "/delete";

          // Without the box ticked, or without the page's token, nothing is deleted.
          HttpResponse<String> unticked = browser.post(deleteUpload, "");
          assertEquals(400, unticked.statusCode());
          assertTrue(unticked.body().contains("tick the box") || unticked.body().contains("勾选"));
          HttpResponse<String> forged =
              java.net.http.HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create(origin + deleteUpload))
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .header("Origin", origin)
                          .header("Cookie", browser.cookie)
                          .POST(HttpRequest.BodyPublishers.ofString("confirm=yes"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          assertEquals(403, forged.statusCode());
          assertEquals(2, data.workspaces().database("demo").uploads().size());

          HttpResponse<String> done = browser.post(deleteUpload, "confirm=yes");
          assertEquals(303, done.statusCode());
          assertEquals("/shops/demo/uploads", done.headers().firstValue("Location").orElseThrow());
          assertEquals(1, data.workspaces().database("demo").uploads().size());
          assertEquals(0, impact(client, "demo").at("/deletions/orders").asLong());
          assertEquals(404, browser.post(deleteUpload, "confirm=yes").statusCode());

          assertEquals(400, browser.post("/shops/demo/delete", "").statusCode());
          assertTrue(data.workspaces().exists("demo"));
          HttpResponse<String> gone = browser.post("/shops/demo/delete", "confirm=yes");
          assertEquals(303, gone.statusCode());
          assertEquals("/", gone.headers().firstValue("Location").orElseThrow());
          assertFalse(data.workspaces().exists("demo"));
          assertEquals(404, client.get("/shops/demo/uploads").code());
          assertEquals(2, data.workspaces().database("other").uploads().size());
        });
  }

  private static String get(String origin, String path) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(origin + path)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
