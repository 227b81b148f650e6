package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.store.Workspaces;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokenTest {

  @TempDir Path data;

  @Test
  void with_a_token_configured_every_page_and_api_call_needs_it() throws Exception {
    try (Workspaces workspaces = new Workspaces(data, Clock.systemDefaultZone())) {
      var app = WebApp.create(workspaces, WebConfig.defaults().withAccessToken("s3cret-token"));
      JavalinTest.test(app, (server, client) -> {
        var refused = client.get("/api/shops");
        assertEquals(401, refused.code());
        assertTrue(refused.body().string().contains("access token is required"));
        assertEquals(401, client.get("/").code());
        assertEquals(401, client.get("/api/shops", b -> b.header("Authorization", "Bearer wrong")).code());
        assertEquals(200, client.get("/api/shops", b -> b.header("Authorization", "Bearer s3cret-token")).code());
        var withQuery = client.get("/?token=s3cret-token");
        assertEquals(200, withQuery.code());
        String cookie = String.join("; ", withQuery.headers().get("Set-Cookie"));
        assertTrue(cookie != null && cookie.contains(AccessToken.COOKIE + "=s3cret-token") && cookie.contains("HttpOnly"), cookie);
        assertEquals(200, client.get("/api/shops").code(), "the browser's cookie carries the token from then on");
      });
    }
  }

  @Test
  void without_a_token_the_loopback_server_answers_as_before() throws Exception {
    try (Workspaces workspaces = new Workspaces(data, Clock.systemDefaultZone())) {
      JavalinTest.test(WebApp.create(workspaces, WebConfig.defaults()),
          (server, client) -> assertEquals(200, client.get("/api/shops").code()));
    }
  }
}
