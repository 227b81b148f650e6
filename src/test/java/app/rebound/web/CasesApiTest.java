package app.rebound.web;

import static app.rebound.web.Http.json;
import static app.rebound.web.Http.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.store.UploadFile;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CasesApiTest {

  /** June 2: the sample's group of notice WG3B1 can be appealed until June 6. */
  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @RegisterExtension final DataFolder data = DataFolder.on(CLOCK);

  /** Asserts the status and that the body is the API's error naming {@code part}. */
  private static void assertError(int status, String part, Response response) throws Exception {
    JsonNode body = json(response);
    assertEquals(status, response.code(), body.toString());
    assertEquals(status, body.get("status").asInt());
    assertTrue(body.get("error").asText().contains(part), body.toString());
  }

  /**
   * The sample's orders, deletions and traffic uploaded and analysed; its group that can still be
   * appealed.
   */
  private AppealGroup sampleGroup() throws Exception {
    List<UploadFile> files =
        Stream.of("订单明细.csv", "销量删除记录.csv", "商品流量.csv")
            .map(
                name ->
                    new UploadFile(
                        name, () -> Files.newInputStream(SampleShop.samples().resolve(name))))
            .toList();
    data.workspaces().upload("demo", files, step -> {});
    SampleShop.awaitReady(data.analyses(), "demo", "zh");
    LocalDateTime now = LocalDateTime.now(CLOCK);
    return data.analyses().appeal("demo").orElseThrow().groups().stream()
        .filter(g -> !g.closed(now))
        .max(Comparator.comparingInt(g -> g.orders().size()))
        .orElseThrow();
  }

  @Test
  void a_case_is_opened_from_a_group_changed_listed_and_shown_with_its_history() throws Exception {
    AppealGroup group = sampleGroup();
    JavalinTest.test(
        data.served(WebConfig.defaults(), WebApp.Options.defaults()),
        (server, client) -> {
          Response created =
              postJson(client, "/api/shops/demo/cases", "{\"group_id\":\"" + group.id() + "\"}");
          assertEquals(201, created.code());
          JsonNode opened = json(created);
          long id = opened.get("id").asLong();
          assertEquals("draft", opened.get("status").asText());
          assertEquals(group.orders().size(), opened.get("order_count").asInt());
          assertEquals(group.batch(), opened.get("batch").asText());
          assertEquals(1, opened.get("history").size());

          Response submitted =
              postJson(
                  client,
                  "/api/shops/demo/cases/" + id + "/events",
                  "{\"status\":\"submitted\","
                      + "\"date\":\"2026-06-01\",\"note\":\"waybills attached\",\"follow_up_on\":\"2026-06-04\"}");
          assertEquals(201, submitted.code());
          assertEquals("submitted", json(submitted).get("status").asText());

          JsonNode list = json(client.get("/api/shops/demo/cases"));
          assertEquals(1, list.size());
          JsonNode row = list.get(0);
          assertEquals(id, row.get("id").asLong());
          assertEquals("submitted", row.get("status").asText());
          assertEquals("2026-06-04", row.get("follow_up_on").asText());
          assertEquals(0, row.get("restored").asInt());

          String restored = Json.MAPPER.writeValueAsString(group.orders().subList(0, 2));
          Response partly =
              postJson(
                  client,
                  "/api/shops/demo/cases/" + id + "/events",
                  "{\"status\":\"partly_approved\",\"restored_orders\":" + restored + "}");
          assertEquals(201, partly.code());
          JsonNode file = json(client.get("/api/shops/demo/cases/" + id));
          assertEquals("partly_approved", file.get("status").asText());
          assertEquals(2, file.get("restored").asInt());
          assertEquals(group.orders().get(0), file.at("/restored_orders/0").asText());
          assertTrue(file.get("finished").asBoolean());
          assertEquals(0, file.get("next_statuses").size());
          assertEquals(3, file.get("history").size());
          JsonNode first = file.at("/history/1");
          assertEquals("submitted", first.get("status").asText());
          assertEquals("2026-06-01", first.get("date").asText());
          assertEquals("waybills attached", first.get("note").asText());
          assertEquals("2026-06-04", first.get("follow_up_on").asText());
          assertEquals(
              "2026-06-02", file.at("/history/2/date").asText(), "the day defaults to today");
        });
  }

  @Test
  void cases_due_are_listed_per_shop_and_across_shops_from_their_follow_up_day() throws Exception {
    AppealGroup group = sampleGroup();
    JavalinTest.test(
        data.served(WebConfig.defaults(), WebApp.Options.defaults()),
        (server, client) -> {
          long id =
              json(postJson(
                      client, "/api/shops/demo/cases", "{\"group_id\":\"" + group.id() + "\"}"))
                  .get("id")
                  .asLong();
          postJson(
              client,
              "/api/shops/demo/cases/" + id + "/events",
              "{\"status\":\"submitted\",\"follow_up_on\":\"2026-06-04\"}");

          assertEquals(0, json(client.get("/api/cases/due")).size(), "nothing due today, June 2");
          assertEquals(0, json(client.get("/api/shops/demo/cases/due?on=2026-06-03")).size());
          JsonNode due = json(client.get("/api/cases/due?on=2026-06-05"));
          assertEquals(1, due.size());
          assertEquals("demo", due.at("/0/shop").asText());
          assertEquals(id, due.at("/0/id").asLong());
          assertEquals(
              id, json(client.get("/api/shops/demo/cases/due?on=2026-06-04")).at("/0/id").asLong());
          assertError(400, "on must be a date", client.get("/api/cases/due?on=soon"));

          postJson(client, "/api/shops/demo/cases/" + id + "/events", "{\"status\":\"approved\"}");
          assertEquals(
              0,
              json(client.get("/api/cases/due?on=2026-06-30")).size(),
              "an approved case is done");
        });
  }

  @Test
  void bad_requests_are_answered_400_404_or_409_with_the_reason_and_change_nothing()
      throws Exception {
    AppealGroup group = sampleGroup();
    JavalinTest.test(
        data.served(WebConfig.defaults(), WebApp.Options.defaults()),
        (server, client) -> {
          assertError(
              404, "no shop", postJson(client, "/api/shops/nowhere/cases", "{\"group_id\":\"x\"}"));
          assertError(404, "no shop", client.get("/api/shops/nowhere/cases"));
          assertError(400, "group_id is required", postJson(client, "/api/shops/demo/cases", "{}"));
          assertError(400, "not JSON", postJson(client, "/api/shops/demo/cases", "group please"));
          assertError(
              400,
              "no appeal group 'WG9_p_shipped'",
              postJson(client, "/api/shops/demo/cases", "{\"group_id\":\"WG9_p_shipped\"}"));

          String open = "{\"group_id\":\"" + group.id() + "\"}";
          long id = json(postJson(client, "/api/shops/demo/cases", open)).get("id").asLong();
          assertError(
              409,
              "already has an open case: case " + id,
              postJson(client, "/api/shops/demo/cases", open));

          String events = "/api/shops/demo/cases/" + id + "/events";
          assertError(
              409,
              "is draft and cannot become approved",
              postJson(client, events, "{\"status\":\"approved\"}"));
          assertError(
              400, "unknown status 'won'", postJson(client, events, "{\"status\":\"won\"}"));
          assertError(
              400,
              "date must be a date",
              postJson(client, events, "{\"status\":\"submitted\",\"date\":\"Monday\"}"));
          assertError(
              400,
              "in the future",
              postJson(client, events, "{\"status\":\"submitted\",\"date\":\"2026-06-03\"}"));
          postJson(client, events, "{\"status\":\"submitted\"}");
          assertError(
              400,
              "partly_approved needs restored_orders",
              postJson(client, events, "{\"status\":\"partly_approved\"}"));
          assertError(
              400,
              "these are not: [123]",
              postJson(
                  client,
                  events,
                  "{\"status\":\"partly_approved\",\"restored_orders\":[\"123\"]}"));
          assertError(
              400,
              "as strings",
              postJson(
                  client,
                  events,
                  "{\"status\":\"partly_approved\",\"restored_orders\":[6920000000030017097]}"));
          assertError(
              404,
              "no appeal case 99",
              postJson(client, "/api/shops/demo/cases/99/events", "{\"status\":\"submitted\"}"));
          assertError(404, "no appeal case 99", client.get("/api/shops/demo/cases/99"));
          assertError(400, "a case id is a number", client.get("/api/shops/demo/cases/first"));

          JsonNode file = json(client.get("/api/shops/demo/cases/" + id));
          assertEquals("submitted", file.get("status").asText());
          assertEquals(2, file.get("history").size(), "only the accepted changes were recorded");
          assertEquals(0, file.get("restored").asInt());
          assertEquals(1, json(client.get("/api/shops/demo/cases")).size());
        });
  }
}
