package app.rebound.web;

import static app.rebound.web.Http.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.store.UploadFile;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The "paste a deletion notice" form of the upload page and its JSON twin: a pasted notice becomes
 * a batch as a deletions file would, a refused one names each field in the page's language and
 * stores nothing.
 */
class NoticeFormTest {

  /** The sample shop without its deletions file: the notice is pasted instead. */
  private static final List<String> WITHOUT_DELETIONS =
      SampleShop.FILES.stream().filter(f -> !f.equals("销量删除记录.csv")).toList();

  /** A shop the refusal tests post to: none of them stores anything. */
  private static final String REFUSALS = "refusals";

  @RegisterExtension static final DataFolder data = DataFolder.at("2026-06-01T02:00:00Z");

  /** The sub-orders of notice WG3B1 in the sample's deletions file. */
  private static List<String> noticeOrders;

  @BeforeAll
  static void open() throws Exception {
    uploadShop(REFUSALS);
    noticeOrders = new ArrayList<>();
    for (String line : Files.readAllLines(Multipart.SAMPLES.resolve("销量删除记录.csv"))) {
      String[] cells = line.split(",");
      if (cells[5].equals("WG3B1")) {
        noticeOrders.add(cells[0].strip());
      }
    }
  }

  private static void uploadShop(String shop) throws Exception {
    List<UploadFile> files =
        WITHOUT_DELETIONS.stream()
            .map(
                name ->
                    new UploadFile(
                        name, () -> Files.newInputStream(Multipart.SAMPLES.resolve(name))))
            .toList();
    data.workspaces().upload(shop, files, step -> {});
  }

  private static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> notice(String id, String time, String ids) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("notice_id", id);
    fields.put("processed_at", time);
    fields.put("reason", "疑似虚假交易");
    fields.put("order_ids", ids);
    return fields;
  }

  private static String get(BrowserSession browser, String path) throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(browser.origin + path))
                    .header("Cookie", browser.cookie)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), path);
    return page.body();
  }

  @Test
  void a_pasted_notice_is_an_upload_and_its_batch_is_on_the_deletions_and_appeal_pages()
      throws Exception {
    String shop = "pasted";
    uploadShop(shop);
    // As copied: one id with its leading tab, one with a leading apostrophe, one as ="…", the rest
    // separated by 、 and line breaks.
    StringBuilder pasted = new StringBuilder();
    for (int i = 0; i < noticeOrders.size(); i++) {
      String id = noticeOrders.get(i);
      pasted.append(
          switch (i % 4) {
            case 0 -> "\t" + id + "\n";
            case 1 -> "'" + id + "、";
            case 2 -> "=\"" + id + "\"\r\n";
            default -> id + "， ";
          });
    }
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          BrowserSession browser = BrowserSession.open(client.getOrigin());
          HttpResponse<String> posted =
              browser.post(
                  "/shops/" + shop + "/notices",
                  form(notice("WG7PASTE", "2026/5/30 10:00", pasted.toString())));
          assertEquals(303, posted.statusCode(), posted.body());
          assertEquals(
              "/shops/" + shop + "/uploads", posted.headers().firstValue("Location").orElse(""));

          String uploads = get(browser, "/shops/" + shop + "/uploads?lang=zh");
          assertTrue(uploads.contains("违规通知 WG7PASTE"), "the uploads list names the notice");
          assertTrue(uploads.contains(Messages.of(Lang.ZH).kind("deletions")));

          SampleShop.awaitReady(data.analyses(), shop, "zh");
          JsonNode deletions =
              Json.MAPPER.readTree(get(browser, "/api/shops/" + shop + "/deletions"));
          JsonNode batch = deletions.at("/batches/0");
          assertEquals(1, deletions.get("batches").size(), deletions.toString());
          assertEquals("WG7PASTE", batch.get("id").asText());
          assertEquals(noticeOrders.size(), batch.get("orders").asInt());
          assertTrue(get(browser, "/shops/" + shop + "/deletions").contains("WG7PASTE"));
          assertTrue(get(browser, "/shops/" + shop + "/appeal").contains("WG7PASTE"));
        });
  }

  @Test
  void the_api_takes_the_ids_as_text_or_a_list_and_warns_of_an_id_the_shop_lacks()
      throws Exception {
    String shop = "api";
    uploadShop(shop);
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          List<String> ids = new ArrayList<>(noticeOrders.subList(0, 3));
          ids.add("6920000000088880000"); // no order of the shop
          String body =
              Json.MAPPER.writeValueAsString(
                  Map.of(
                      "notice_id", "WG8", "processed_at", "2026-05-30 10:00:00", "order_ids", ids));
          Response answer = postJson(client, "/api/shops/" + shop + "/notices", body);
          String json = answer.body().string();
          assertEquals(200, answer.code(), json);
          JsonNode file = Json.MAPPER.readTree(json).at("/files/0");
          assertEquals("违规通知 WG8", file.get("name").asText());
          assertEquals("deletions", file.get("kind").asText());
          assertEquals(4, file.get("rows_accepted").asInt());
          JsonNode warning = file.at("/warnings/0");
          assertEquals("deletion_unknown_order", warning.get("code").asText(), json);
          assertEquals("6920000000088880000", warning.at("/examples/0").asText());

          String text =
              Json.MAPPER.writeValueAsString(
                  Map.of(
                      "notice_id",
                      "WG9",
                      "processed_at",
                      "2026/5/30 10:00",
                      "order_ids",
                      String.join(",", noticeOrders.subList(3, 5))));
          Response second = postJson(client, "/api/shops/" + shop + "/notices", text);
          assertEquals(200, second.code());
          JsonNode uploads =
              Json.MAPPER.readTree(client.get("/api/shops/" + shop + "/uploads").body().string());
          assertEquals("违规通知 WG9", uploads.at("/0/report/files/0/name").asText());
          assertEquals("违规通知 WG8", uploads.at("/1/report/files/0/name").asText());
        });
  }

  @Test
  void a_refused_notice_names_each_field_in_json_and_stores_nothing() throws Exception {
    String shop = REFUSALS;
    int uploadsBefore = data.workspaces().database(shop).uploads().size();
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String body =
              Json.MAPPER.writeValueAsString(
                  Map.of("notice_id", "WG1", "order_ids", noticeOrders.get(0) + "\nabc"));
          Response answer = postJson(client, "/api/shops/" + shop + "/notices", body);
          String json = answer.body().string();
          assertEquals(400, answer.code(), json);
          JsonNode refusal = Json.MAPPER.readTree(json);
          assertEquals(400, refusal.get("status").asInt());
          assertTrue(refusal.get("error").asText().contains("processed_at"), json);
          assertEquals("processed_at", refusal.at("/problems/0/field").asText());
          assertEquals("notice_no_time", refusal.at("/problems/0/code").asText());
          assertEquals("order_ids", refusal.at("/problems/1/field").asText());
          assertEquals(2, refusal.at("/problems/1/position").asInt());
          assertEquals("abc", refusal.at("/problems/1/value").asText());

          assertEquals(
              404,
              postJson(client, "/api/shops/nosuchshop/notices", body).code(),
              "a notice is pasted into a shop that has its orders");
        });
    assertEquals(uploadsBefore, data.workspaces().database(shop).uploads().size());
  }

  @Test
  void a_refused_form_shows_again_with_what_was_pasted_and_why_in_chinese_and_in_english()
      throws Exception {
    String shop = REFUSALS;
    int uploadsBefore = data.workspaces().database(shop).uploads().size();
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          BrowserSession browser = BrowserSession.open(client.getOrigin());
          String pasted = noticeOrders.get(0) + "\n6.92E+18";
          Map<String, String> fields = notice("", "2026-13-45 10:00", pasted);

          HttpResponse<String> zh = browser.post("/shops/" + shop + "/notices", form(fields));
          assertEquals(400, zh.statusCode());
          String page = zh.body();
          assertTrue(page.contains("违规通知未保存"), page);
          assertTrue(page.contains("违规单号：没有填写违规单号"), page);
          assertTrue(page.contains("处理时间：日期或时间不存在"), page);
          assertTrue(page.contains("订单号：第 2 个订单号“6.92E+18”被写成了科学计数法"), page);
          assertTrue(page.contains("value=\"2026-13-45 10:00\""), "the time typed is kept");
          assertTrue(page.contains(">" + noticeOrders.get(0) + "\n6.92E+18</textarea>"), page);
          assertFalse(page.contains("order id 2 of the paste"), "no English on a Chinese page");

          HttpResponse<String> en =
              browser.post("/shops/" + shop + "/notices?lang=en", form(fields));
          assertEquals(400, en.statusCode());
          String english = en.body();
          assertTrue(english.contains("The notice was not saved."), english);
          assertTrue(
              english.contains(
                  "Order ids: order id 2 of the paste, \"6.92E+18\", is in scientific"
                      + " notation"),
              english);
          assertTrue(english.contains("Processed at (处理时间): impossible date or time"), english);
        });
    assertEquals(
        uploadsBefore, data.workspaces().database(shop).uploads().size(), "nothing stored");
  }

  @Test
  void the_form_needs_the_pages_token_and_its_body_has_a_limit() throws Exception {
    String shop = REFUSALS;
    int uploadsBefore = data.workspaces().database(shop).uploads().size();
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String origin = client.getOrigin();
          String fields = form(notice("WG1", "2026-05-30 10:00", noticeOrders.get(0)));
          HttpResponse<String> forged =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create(origin + "/shops/" + shop + "/notices"))
                          .header("Content-Type", "application/x-www-form-urlencoded")
                          .header("Origin", origin)
                          .POST(HttpRequest.BodyPublishers.ofString(fields))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
          assertEquals(403, forged.statusCode(), "no form token: refused");

          BrowserSession browser = BrowserSession.open(origin);
          String page = get(browser, "/shops/" + shop + "/uploads");
          assertTrue(
              page.contains("action=\"/shops/" + shop + "/notices\" class=\"notice\""), page);
          assertTrue(page.contains("name=\"" + RequestGuard.FORM_FIELD + "\""));

          String tooLong =
              "order_ids=" + "1".repeat((int) NoticeForm.MAX_BODY_BYTES) + "&notice_id=WG1";
          HttpResponse<String> large = browser.post("/shops/" + shop + "/notices", tooLong);
          assertEquals(413, large.statusCode());
        });
    assertEquals(
        uploadsBefore, data.workspaces().database(shop).uploads().size(), "nothing stored");
  }
}
