package app.rebound.web;

import static app.rebound.web.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ShopApiTest {

  private static final String ORDERS = "订单明细.csv";

  @RegisterExtension final DataFolder data = DataFolder.at("2026-11-27T02:00:00Z");

  @Test
  void
      impact_answers_202_while_the_analysis_runs_then_200_with_impact_json_in_the_asked_language() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response upload =
              Multipart.samples(ORDERS, "销量删除记录.csv", "商品流量.csv")
                  .postTo(client, "/api/shops/demo/uploads");
          assertEquals(200, upload.code());
          Response response = client.get("/api/shops/demo/impact?lang=en");
          for (int i = 0; i < 600 && response.code() == 202; i++) {
            assertEquals("running", json(response).get("status").asText());
            Thread.sleep(100);
            response = client.get("/api/shops/demo/impact?lang=en");
          }
          assertEquals(200, response.code());
          JsonNode impact = json(response);
          assertEquals("en", impact.get("lang").asText());
          assertEquals(70, impact.at("/deletions/orders").asLong());
          assertTrue(impact.at("/traffic/visitors/measured").asBoolean());
          assertEquals(404, client.get("/api/shops/nosuchshop/impact").code());
          JsonNode progress = json(client.get("/api/shops/demo/progress?lang=zh"));
          assertTrue(progress.get("upload").isNull(), "no upload is running");
          assertEquals("ready", progress.at("/analysis/state").asText());
          JsonNode idle = json(client.get("/api/shops/newshop/progress"));
          assertTrue(
              idle.get("upload").isNull() && idle.get("analysis").isNull(),
              "a shop with nothing yet is idle");
        });
  }

  @Test
  void shops_of_a_new_data_folder_are_an_empty_list() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response response = client.get("/api/shops");
          assertEquals(200, response.code());
          assertTrue(json(response).isArray());
          assertEquals(0, json(response).size());
        });
  }

  @Test
  void upload_of_the_sample_orders_answers_its_report_with_the_four_refused_rows() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response response = Multipart.samples(ORDERS).postTo(client, "/api/shops/demo/uploads");
          assertEquals(200, response.code(), response.body().string());
          JsonNode report = json(response);
          JsonNode file = report.get("files").get(0);
          assertEquals(ORDERS, file.get("name").asText());
          assertEquals("orders", file.get("kind").asText());
          assertEquals(4, file.get("rows_rejected").asLong());
          assertEquals(
              file.get("rows_read").asLong(),
              file.get("rows_accepted").asLong() + file.get("rows_rejected").asLong());
          JsonNode changes = file.get("changes");
          assertEquals(
              file.get("rows_accepted").asLong(),
              changes.get("added").asLong()
                  + changes.get("updated").asLong()
                  + changes.get("unchanged").asLong());
          List<Long> lines = new ArrayList<>();
          file.get("errors").forEach(e -> lines.add(e.get("line").asLong()));
          assertEquals(List.of(422L, 423L, 424L, 425L), lines);
          for (String field : List.of("encoding", "errors_omitted", "missing_columns", "message")) {
            assertTrue(file.has(field), field);
          }
          assertTrue(report.get("orders_distinct").asLong() > 0);
        });
  }

  @Test
  void shops_list_the_uploaded_shop_with_its_orders_and_uploads() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          JsonNode report =
              json(Multipart.samples(ORDERS).postTo(client, "/api/shops/demo/uploads"));
          JsonNode shops = json(client.get("/api/shops"));
          assertEquals(1, shops.size());
          JsonNode shop = shops.get(0);
          assertEquals("demo", shop.get("id").asText());
          assertEquals(
              report.get("orders_distinct").asLong(), shop.get("orders_distinct").asLong());
          assertEquals(1, shop.get("uploads").asLong());
          assertEquals("2026-11-27T10:00:00", shop.get("last_upload_at").asText());
        });
  }

  @Test
  void upload_of_several_files_at_once_reports_each_file_by_its_kind() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response response =
              Multipart.samples(ORDERS, "销量删除记录.csv", "商品流量.csv", "订单明细-GBK.csv")
                  .postTo(client, "/api/shops/demo/uploads");
          assertEquals(200, response.code(), response.body().string());
          JsonNode files = json(response).get("files");
          assertEquals(4, files.size());
          assertEquals("orders", files.get(0).get("kind").asText());
          assertEquals("deletions", files.get(1).get("kind").asText());
          assertEquals("traffic", files.get(2).get("kind").asText());
          assertTrue(
              files.get(3).get("encoding").asText().toUpperCase().startsWith("GB"),
              files.get(3).toString());
        });
  }

  @Test
  void upload_to_a_malformed_shop_id_is_refused_with_400() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response response =
              Multipart.samples(ORDERS).postTo(client, "/api/shops/-bad!id/uploads");
          assertEquals(400, response.code());
          JsonNode error = json(response);
          assertEquals(400, error.get("status").asInt());
          assertTrue(error.get("error").asText().contains("shop id"), error.toString());
        });
  }

  @Test
  void upload_without_a_file_part_is_refused_with_400_and_says_what_to_send() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response noFilePart =
              Multipart.form().field("note", "hello").postTo(client, "/api/shops/demo/uploads");
          assertEquals(400, noFilePart.code());
          assertTrue(json(noFilePart).get("error").asText().contains("named \"file\""));

          Response wrongPartName =
              Multipart.form()
                  .file("upload", ORDERS, "x")
                  .postTo(client, "/api/shops/demo/uploads");
          assertEquals(400, wrongPartName.code());

          Response notMultipart = client.post("/api/shops/demo/uploads", "just text");
          assertEquals(400, notMultipart.code());
          assertTrue(json(notMultipart).get("error").asText().contains("multipart/form-data"));
          assertFalse(data.workspaces().exists("demo"));
        });
  }

  @Test
  void upload_of_only_unreadable_files_is_refused_with_400_and_each_files_message() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response response =
              Multipart.form()
                  .file("file", "empty.csv", "")
                  .file("file", "header-only.csv", "主订单编号,子订单编号,商品数量,商品ID,订单应付金额,订单提交时间\n")
                  .file(
                      "file",
                      "garbage.bin",
                      new byte[] {0, (byte) 0xff, 0x13, 0x37, 0, 0, (byte) 0xfe, 1, 2, 3})
                  .file("file", "unknown.csv", "foo,bar,baz\n1,2,3\n")
                  .postTo(client, "/api/shops/demo/uploads");
          assertEquals(400, response.code(), response.body().string());
          JsonNode files = json(response).get("files");
          assertEquals(4, files.size());
          for (JsonNode file : files) {
            assertFalse(file.get("message").isNull(), file.toString());
            assertFalse(file.get("message").asText().isBlank(), file.toString());
          }
          assertEquals("unknown.csv", files.get(3).get("name").asText());
          assertFalse(data.workspaces().exists("demo"));
        });
  }

  @Test
  void a_first_upload_without_the_orders_export_is_refused_and_creates_no_shop() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response response =
              Multipart.samples("商品流量.csv", "销量删除记录.csv").postTo(client, "/api/shops/demo/uploads");
          String body = response.body().string();
          assertEquals(400, response.code(), body);
          JsonNode report = Json.MAPPER.readTree(body);
          assertEquals("no_orders", report.get("refusal").asText());
          assertEquals(0, report.get("orders_distinct").asInt());
          assertFalse(data.workspaces().exists("demo"), "no 0-order shop with ¥0 tiles");
          // With the orders, the same files are taken.
          Response taken =
              Multipart.samples(ORDERS, "商品流量.csv", "销量删除记录.csv")
                  .postTo(client, "/api/shops/demo/uploads");
          assertEquals(200, taken.code());
          assertTrue(json(taken).get("refusal").isNull());
        });
  }

  @Test
  void upload_over_the_size_limit_is_refused_with_413_and_a_clear_message() {
    var app = data.app(WebConfig.defaults().withMaxUploadBytes(8 * 1024));
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response = Multipart.samples(ORDERS).postTo(client, "/api/shops/demo/uploads");
          assertEquals(413, response.code());
          JsonNode error = json(response);
          assertEquals(413, error.get("status").asInt());
          assertTrue(error.get("error").asText().contains("8 KiB"), error.toString());
          assertFalse(data.workspaces().exists("demo"));
        });
  }

  /**
   * A body sent without a length is cut off by Jetty's multipart limit while it is parsed. The
   * answer is a 413, unless Jetty closes the connection before the client has finished sending
   * (HTTP allows that); either way nothing is stored. Browsers always send a length, which is
   * checked before any reading.
   */
  @Test
  void upload_over_the_size_limit_sent_without_a_length_is_refused_and_stores_nothing() {
    var app = data.app(WebConfig.defaults().withMaxUploadBytes(8 * 1024));
    JavalinTest.test(
        app,
        (server, client) -> {
          Multipart form = Multipart.samples(ORDERS);
          byte[] bytes = form.bytes();
          // Its own client: a connection Jetty closes mid-body must not stay in the pool of the
          // shared test client, whose clean-up request after the test would then fail on it.
          HttpClient own = HttpClient.newHttpClient();
          try {
            var response =
                own.send(
                    HttpRequest.newBuilder(
                            URI.create(client.getOrigin() + "/api/shops/demo/uploads"))
                        .POST(
                            HttpRequest.BodyPublishers.ofInputStream(
                                () -> new ByteArrayInputStream(bytes)))
                        .header("Content-Type", form.contentType())
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode(), response.body());
            assertEquals(413, Json.MAPPER.readTree(response.body()).get("status").asInt());
          } catch (IOException connectionClosedWhileSending) {
            // Jetty gave up on the connection: acceptable for a client that streams past the limit.
          }
          assertFalse(data.workspaces().exists("demo"));
        });
  }

  @Test
  void a_refused_or_too_large_upload_leaves_the_shops_earlier_data_intact() {
    var app = data.app(WebConfig.defaults().withMaxUploadBytes(200 * 1024));
    JavalinTest.test(
        app,
        (server, client) -> {
          JsonNode first =
              json(Multipart.samples(ORDERS).postTo(client, "/api/shops/demo/uploads"));
          long orders = first.get("orders_distinct").asLong();

          Response refused =
              Multipart.form()
                  .file("file", "empty.csv", "")
                  .postTo(client, "/api/shops/demo/uploads");
          assertEquals(400, refused.code());
          assertEquals(orders, json(refused).get("orders_distinct").asLong());

          Response tooLarge =
              Multipart.samples(ORDERS, "订单明细-GBK.csv").postTo(client, "/api/shops/demo/uploads");
          assertEquals(413, tooLarge.code());

          assertEquals(first, json(client.get("/api/shops/demo/ingest")));
          JsonNode shop = json(client.get("/api/shops")).get(0);
          assertEquals(orders, shop.get("orders_distinct").asLong());
          assertEquals(1, shop.get("uploads").asLong());
        });
  }

  @Test
  void ingest_answers_the_latest_report_of_the_shop() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Multipart.samples(ORDERS).postTo(client, "/api/shops/demo/uploads");
          JsonNode second =
              json(Multipart.samples(ORDERS).postTo(client, "/api/shops/demo/uploads"));
          Response response = client.get("/api/shops/demo/ingest");
          assertEquals(200, response.code());
          assertEquals(second, json(response));
          assertEquals(0, second.get("files").get(0).get("changes").get("added").asLong());
        });
  }

  @Test
  void ingest_of_an_unknown_shop_is_404_with_a_message() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response response = client.get("/api/shops/nobody/ingest");
          assertEquals(404, response.code());
          JsonNode error = json(response);
          assertEquals(404, error.get("status").asInt());
          assertTrue(error.get("error").asText().contains("nobody"));
          assertFalse(data.workspaces().exists("nobody"), "asking must not create the shop");
        });
  }

  @Test
  void uploads_list_each_upload_with_its_id_time_and_report() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          JsonNode first =
              json(Multipart.samples(ORDERS).postTo(client, "/api/shops/demo/uploads"));
          JsonNode second =
              json(Multipart.samples("评价.csv").postTo(client, "/api/shops/demo/uploads"));
          Response response = client.get("/api/shops/demo/uploads");
          assertEquals(200, response.code());
          JsonNode uploads = json(response);
          assertEquals(2, uploads.size());
          for (JsonNode upload : uploads) {
            assertNotNull(upload.get("id"));
            assertEquals("2026-11-27T10:00:00", upload.get("created_at").asText());
          }
          List<JsonNode> reports =
              List.of(uploads.get(0).get("report"), uploads.get(1).get("report"));
          assertTrue(reports.contains(first) && reports.contains(second), uploads.toString());
        });
  }

  @Test
  void uploads_of_an_unknown_shop_is_404() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          assertEquals(404, client.get("/api/shops/nobody/uploads").code());
        });
  }

  @Test
  void api_errors_are_json_without_stack_traces() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          for (Response response :
              List.of(
                  client.get("/api/shops/nobody/ingest"),
                  client.get("/api/nothing-here"),
                  client.request(
                      "/api/shops/x!/uploads", r -> r.post(HttpRequest.BodyPublishers.noBody())))) {
            String body = response.body().string();
            JsonNode error = Json.MAPPER.readTree(body);
            assertEquals(response.code(), error.get("status").asInt(), body);
            assertTrue(error.has("error"), body);
            assertFalse(body.contains("Exception") || body.contains("\tat "), body);
          }
        });
  }
}
