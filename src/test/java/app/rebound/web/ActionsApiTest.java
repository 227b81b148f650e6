package app.rebound.web;

import static app.rebound.web.Http.json;
import static app.rebound.web.Http.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ActionsApiTest {

  @RegisterExtension final DataFolder data = DataFolder.at("2026-06-15T02:00:00Z");

  @Test
  void
      an_action_posted_as_started_is_listed_with_its_effect_measured_against_the_uploaded_orders() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          assertEquals(
              404,
              postJson(
                      client,
                      "/api/shops/demo/actions",
                      "{\"action\":\"listing\",\"started_on\":\"2026-06-01\",\"products\":[\"p\"]}")
                  .code(),
              "no shop yet");
          assertEquals(
              200, Multipart.samples("订单明细.csv").postTo(client, "/api/shops/demo/uploads").code());

          Response created =
              postJson(
                  client,
                  "/api/shops/demo/actions",
                  "{\"action\":\"listing\",\"started_on\":"
                      + "\"2026-06-01\",\"products\":[\"3500000000003039604\",\"3500000000003007928\"]}");
          assertEquals(201, created.code());
          long id = json(created).get("id").asLong();

          assertEquals(
              400,
              postJson(
                      client,
                      "/api/shops/demo/actions",
                      "{\"action\":\"prayer\",\"started_on\":\"2026-06-01\",\"products\":[]}")
                  .code(),
              "unknown action");
          assertEquals(
              400,
              postJson(
                      client,
                      "/api/shops/demo/actions",
                      "{\"action\":\"appeal\",\"started_on\":\"June 1st\",\"products\":[]}")
                  .code(),
              "bad date");
          assertEquals(
              400, postJson(client, "/api/shops/demo/actions", "not json").code(), "not JSON");

          Response listed = client.get("/api/shops/demo/actions");
          assertEquals(200, listed.code());
          JsonNode actions = json(listed);
          assertEquals(1, actions.size(), "refused posts were not recorded");
          JsonNode action = actions.get(0);
          assertEquals(id, action.get("id").asLong());
          assertEquals("listing", action.get("action").asText());
          assertEquals("2026-06-01", action.get("started_on").asText());
          assertEquals("3500000000003007928", action.at("/products/1").asText());
          JsonNode effect = action.get("effect");
          assertTrue(effect.get("measured").asBoolean(), effect.toString());
          assertEquals(14, effect.get("days_observed").asInt(), "June 1 to June 14");
          assertTrue(
              effect.get("gain_low").asDouble() <= effect.get("gain").asDouble()
                  && effect.get("gain").asDouble() <= effect.get("gain_high").asDouble(),
              effect.toString());
        });
  }
}
