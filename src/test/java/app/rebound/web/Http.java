package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.rebound.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Response;
import java.net.http.HttpRequest;

/** The requests and reads the web tests make again and again. */
final class Http {

  private Http() {}

  /** The page at {@code path}, asserted to answer 200. */
  static String page(HttpClient client, String path) {
    Response response = client.get(path);
    assertEquals(200, response.code(), path);
    return response.body().string();
  }

  /** The JSON at {@code path}, asserted to answer 200 (the body is in the message otherwise). */
  static JsonNode json(HttpClient client, String path) throws Exception {
    Response response = client.get(path);
    String body = response.body().string();
    assertEquals(200, response.code(), path + ": " + body);
    return Json.MAPPER.readTree(body);
  }

  /** A response's body read as JSON. */
  static JsonNode json(Response response) throws Exception {
    return Json.MAPPER.readTree(response.body().string());
  }

  /** {@code json} posted to {@code path} as application/json. */
  static Response postJson(HttpClient client, String path, String json) {
    return client.request(
        path,
        r ->
            r.post(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
  }
}
