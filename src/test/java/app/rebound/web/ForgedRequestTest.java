package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import io.javalin.testtools.JavalinTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests another web page could make the merchant's browser send (cross-site form posts, a
 * text/plain "JSON" body, a rebound DNS name): each is refused and changes nothing stored, while
 * the same change from Rebound's own page goes through.
 */
class ForgedRequestTest {

  private static final String EVIL = "http://evil.example";
  private static final String ACTION =
      "{\"action\":\"listing\",\"started_on\":\"2026-06-01\",\"products\":[\"p\"]}";

  @RegisterExtension final DataFolder data = DataFolder.at("2026-06-15T02:00:00Z");

  private static HttpResponse<String> send(
      String origin, String path, Consumer<HttpRequest.Builder> build) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path));
    build.accept(request);
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> form(
      String origin, String path, String body, String... headers) throws Exception {
    return send(
        origin,
        path,
        r -> {
          r.header("Content-Type", "application/x-www-form-urlencoded");
          for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
          }
          r.POST(HttpRequest.BodyPublishers.ofString(body));
        });
  }

  private int storedActions(String origin) throws Exception {
    return Json.MAPPER.readTree(send(origin, "/api/shops/s/actions", r -> r.GET()).body()).size();
  }

  /** Uploads the sample's orders as shop "s", asserting they are taken; answers the origin. */
  private static String shopWithOrders(io.javalin.testtools.HttpClient client) {
    assertEquals(200, Multipart.samples("订单明细.csv").postTo(client, "/api/shops/s/uploads").code());
    return client.getOrigin();
  }

  private static void assertRefused(int status, String reason, HttpResponse<String> response) {
    assertEquals(status, response.statusCode(), response.body());
    assertTrue(response.body().contains(reason), response.body());
  }

  @Test
  void forged_form_posts_are_refused_and_the_pages_own_forms_go_through() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          String origin = shopWithOrders(client);
          BrowserSession page = BrowserSession.open(origin);
          String action = "action=listing&started_on=2026-06-01";

          // Another site's form: its Origin, with or without a token it cannot know.
          assertRefused(
              403,
              "another site",
              form(origin, "/shops/s/actions", action, "Origin", EVIL, "Cookie", page.cookie));
          assertRefused(
              403,
              "another site",
              form(
                  origin,
                  "/shops/s/actions",
                  page.withToken(action),
                  "Origin",
                  EVIL,
                  "Cookie",
                  page.cookie));
          // A sandboxed page sends Origin: null; a no-Origin browser still sends its Referer.
          assertRefused(
              403,
              "another site",
              form(origin, "/shops/s/actions", page.withToken(action), "Origin", "null"));
          assertRefused(
              403,
              "another site",
              form(
                  origin,
                  "/shops/s/actions",
                  page.withToken(action),
                  "Referer",
                  EVIL + "/page.html",
                  "Cookie",
                  page.cookie));
          // Same origin (or none) but no token, a wrong token, or a token of another session.
          assertRefused(
              403,
              "_csrf",
              form(origin, "/shops/s/actions", action, "Origin", origin, "Cookie", page.cookie));
          assertRefused(
              403,
              "_csrf",
              form(origin, "/shops/s/actions", action + "&_csrf=guess", "Cookie", page.cookie));
          BrowserSession other = BrowserSession.open(origin);
          assertRefused(
              403,
              "_csrf",
              form(origin, "/shops/s/actions", other.withToken(action), "Cookie", page.cookie));
          assertRefused(403, "_csrf", form(origin, "/shops/s/actions", page.withToken(action)));
          assertEquals(0, storedActions(origin), "no refused post was recorded");

          // The page's own form: its session, its token, its Origin.
          assertEquals(303, page.post("/shops/s/actions", action).statusCode());
          assertEquals(1, storedActions(origin));
        });
  }

  @Test
  void a_json_body_sent_as_text_plain_or_a_cross_site_upload_is_refused() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          String origin = shopWithOrders(client);

          // What <form enctype="text/plain"> or fetch(no-cors) can send from any page.
          HttpResponse<String> textPlain =
              send(
                  origin,
                  "/api/shops/s/actions",
                  r ->
                      r.header("Content-Type", "text/plain")
                          .POST(HttpRequest.BodyPublishers.ofString(ACTION)));
          assertRefused(415, "application/json", textPlain);
          HttpResponse<String> crossSiteJson =
              send(
                  origin,
                  "/api/shops/s/actions",
                  r ->
                      r.header("Content-Type", "application/json")
                          .header("Origin", EVIL)
                          .POST(HttpRequest.BodyPublishers.ofString(ACTION)));
          assertRefused(403, "another site", crossSiteJson);
          assertEquals(0, storedActions(origin));

          // A poisoned file posted from another site to the API and to the page.
          Multipart poisoned = Multipart.samples("订单明细.csv");
          for (String path : new String[] {"/api/shops/evil/uploads", "/api/shops/s/uploads"}) {
            HttpResponse<String> upload =
                send(
                    origin,
                    path,
                    r ->
                        r.header("Content-Type", poisoned.contentType())
                            .header("Origin", EVIL)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(poisoned.bytes())));
            assertRefused(403, "another site", upload);
          }
          HttpResponse<String> pageUpload =
              send(
                  origin,
                  "/shops",
                  r ->
                      r.header("Content-Type", poisoned.contentType())
                          .POST(HttpRequest.BodyPublishers.ofByteArray(poisoned.bytes())));
          assertRefused(403, "_csrf", pageUpload);
          assertEquals(
              1,
              Json.MAPPER.readTree(send(origin, "/api/shops", r -> r.GET()).body()).size(),
              "no shop was created");
          assertEquals(1, data.workspaces().database("s").uploads().size(), "no upload was stored");

          // The shops page's own upload form, its token in a multipart field.
          BrowserSession page = BrowserSession.open(origin);
          Multipart own =
              Multipart.form()
                  .field(RequestGuard.FORM_FIELD, page.token)
                  .field("shop", "mine")
                  .sample("订单明细.csv");
          HttpResponse<String> ownUpload =
              send(
                  origin,
                  "/shops",
                  r ->
                      r.header("Content-Type", own.contentType())
                          .header("Origin", origin)
                          .header("Cookie", page.cookie)
                          .POST(HttpRequest.BodyPublishers.ofByteArray(own.bytes())));
          assertEquals(303, ownUpload.statusCode(), ownUpload.body());
          assertTrue(data.workspaces().exists("mine"));
        });
  }

  /** A raw request with the given Host header (Java's HttpClient will not set one). */
  private static String rawGet(int port, String host) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/shops HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void a_host_name_rebound_to_this_machine_gets_nothing() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          int port = server.port();
          String rebound = rawGet(port, "attacker.example:" + port);
          assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
          assertTrue(rebound.contains("does not name this server"), rebound);
          assertTrue(rawGet(port, "127.example.com").startsWith("HTTP/1.1 403"));
          assertTrue(rawGet(port, "localhost:" + port).startsWith("HTTP/1.1 200"));
          assertTrue(rawGet(port, "127.0.0.1:" + port).startsWith("HTTP/1.1 200"));
          assertTrue(rawGet(port, "[::1]:" + port).startsWith("HTTP/1.1 200"));
        });
  }

  @Test
  void a_host_named_by_host_is_allowed_too() {
    JavalinTest.test(
        data.app(WebConfig.defaults().withAllowedHosts(java.util.List.of("Rebound.LAN"))),
        (server, client) -> {
          int port = server.port();
          assertTrue(rawGet(port, "rebound.lan:" + port).startsWith("HTTP/1.1 200"));
          assertTrue(rawGet(port, "other.lan:" + port).startsWith("HTTP/1.1 403"));
        });
  }
}
