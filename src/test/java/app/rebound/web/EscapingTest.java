package app.rebound.web;

import static app.rebound.web.Http.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whatever a shop's exports hold is shown as text: product names, review texts, partner nicknames,
 * a deletion reason, a refused cell's value, a file name and a case note made of HTML tags reach
 * every page (and the charts' SVG) escaped, never as markup.
 */
class EscapingTest {

  private static final String SHOP = "hostile";
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String IMG = "<img src=x onerror=alert(1)>";
  private static final String BOLD_FILE = "<b>x</b>.csv";

  /** The product of the sample's deletion batch WG3B1, renamed to a script. */
  private static final String PRODUCT = "3500000000003039604";

  /** What must never appear raw in an HTML page or an SVG. */
  private static final List<String> RAW =
      List.of("<script>alert", "<img src=x", "<b>x</b>", "onerror=alert(1)>");

  @RegisterExtension final DataFolder data = DataFolder.on(CasesApiTest.CLOCK);

  /** A sample export with text cells replaced by markup. */
  private static byte[] hostile(String file, Map<String, String> replacements) throws Exception {
    String text = Files.readString(SampleShop.samples().resolve(file), StandardCharsets.UTF_8);
    for (var r : replacements.entrySet()) {
      assertTrue(text.contains(r.getKey()), file + " holds " + r.getKey());
      text = text.replace(r.getKey(), r.getValue());
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static Multipart hostileUpload() throws Exception {
    Map<String, String> products = Map.of("手机壳-05", "手机壳" + SCRIPT, "保湿面霜-01", "面霜" + IMG);
    byte[] orders =
        hostile(
            "订单明细.csv",
            Map.of("手机壳-05", "手机壳" + SCRIPT, "保湿面霜-01", "面霜" + IMG, "达人22", SCRIPT, "达人19", IMG));
    // One more row whose amount is markup: refused, and its value shown in the upload's report.
    String refusedRow =
        "\t6920000000039999999,\t6920000000039999999,手机壳"
            + SCRIPT
            + ",小号,1,\t"
            + PRODUCT
            + ",SKU005,89.00,"
            + IMG
            + ",0.00,2026-05-01 04:50:49,,,,已完成,-,,,,,,,,,,,,,,,\r\n";
    byte[] withRefused =
        (new String(orders, StandardCharsets.UTF_8) + refusedRow).getBytes(StandardCharsets.UTF_8);
    return Multipart.form()
        .file("file", "订单明细.csv", withRefused)
        .file("file", "销量删除记录.csv", hostile("销量删除记录.csv", Map.of("疑似虚假交易，销量已扣除", SCRIPT)))
        .file("file", "商品流量.csv", hostile("商品流量.csv", products))
        .file("file", BOLD_FILE, hostile("评价.csv", Map.of("回购了，推荐", SCRIPT, "包装完好，好评", IMG)))
        .file("file", "达人合作.csv", hostile("达人合作.csv", Map.of("达人15", SCRIPT, "达人06", IMG)))
        .sample("店铺体验分.csv")
        .sample("客服聊天记录.csv");
  }

  @Test
  void markup_in_the_data_file_names_and_notes_is_escaped_on_every_page() throws Exception {
    var app = data.served(WebConfig.defaults(), WebApp.Options.defaults());
    JavalinTest.test(
        app,
        (server, client) -> {
          Response upload = hostileUpload().postTo(client, "/api/shops/" + SHOP + "/uploads");
          JsonNode report = Json.MAPPER.readTree(upload.body().string());
          assertEquals(200, upload.code(), report.toString());
          assertEquals(BOLD_FILE, report.at("/files/3/name").asText(), "the name is kept as given");
          assertEquals("reviews", report.at("/files/3/kind").asText());
          SampleShop.awaitReady(data.analyses(), SHOP, "zh");
          SampleShop.awaitReady(data.analyses(), SHOP, "en");

          JsonNode appeal =
              Json.MAPPER.readTree(client.get("/api/shops/" + SHOP + "/appeal").body().string());
          String group = appeal.at("/groups/0/id").asText();
          assertFalse(group.isEmpty(), appeal.toString());
          JsonNode opened =
              Json.MAPPER.readTree(
                  postJson(
                          client,
                          "/api/shops/" + SHOP + "/cases",
                          "{\"group_id\":\"" + group + "\"}")
                      .body()
                      .string());
          long caseId = opened.get("id").asLong();
          assertEquals(
              201,
              postJson(
                      client,
                      "/api/shops/" + SHOP + "/cases/" + caseId + "/events",
                      "{\"status\":\"submitted\",\"note\":\""
                          + SCRIPT
                          + " "
                          + IMG.replace("\"", "")
                          + "\"}")
                  .code());

          String base = "/shops/" + SHOP;
          List<String> pages =
              new ArrayList<>(
                  List.of(
                      "/",
                      base,
                      base + "/traffic",
                      base + "/trust",
                      base + "/partners",
                      base + "/deletions",
                      base + "/plan",
                      base + "/products",
                      base + "/products/" + PRODUCT,
                      base + "/appeal",
                      base + "/appeal/" + group,
                      base + "/uploads",
                      base + "/cases",
                      base + "/cases/" + caseId));
          StringBuilder everything = new StringBuilder();
          for (String lang : List.of("zh", "en")) {
            for (String page : pages) {
              Response response = client.get(page + "?lang=" + lang);
              String html = response.body().string();
              assertEquals(200, response.code(), page + ": " + html);
              assertNoRawMarkup(page + "?lang=" + lang, html);
              everything.append(html);
            }
          }
          String all = everything.toString();
          for (String escaped :
              List.of(
                  "&lt;script&gt;alert(1)&lt;/script&gt;",
                  "&lt;img src=x onerror=alert(1)&gt;",
                  "&lt;b&gt;x&lt;/b&gt;.csv")) {
            assertTrue(all.contains(escaped), "the data reached the pages, escaped: " + escaped);
          }

          // Error pages echo what was asked for, escaped too.
          String evil = URLEncoder.encode(SCRIPT, StandardCharsets.UTF_8);
          for (String page :
              List.of(
                  base + "/products/" + evil,
                  "/shops/" + evil + "/uploads",
                  base + "/cases/" + evil,
                  base + "/appeal/" + evil,
                  "/nowhere/" + evil)) {
            Response response = client.get(page);
            assertTrue(response.code() >= 400, page);
            assertNoRawMarkup(page, response.body().string());
          }

          // The charts are inlined into pages as SVG: their text is escaped by the SVG writer.
          int drawn = 0;
          for (String chart :
              List.of(
                  "visitors",
                  "gmv",
                  "deletions_timeline",
                  "product_visitors?product=" + PRODUCT,
                  "product_gmv?product=" + PRODUCT)) {
            String path =
                base
                    + "/charts/"
                    + chart.replace("?", ".svg?")
                    + (chart.contains("?") ? "" : ".svg");
            Response svg = client.get(path);
            if (svg.code() == 200) {
              drawn++;
              assertNoRawMarkup(path, svg.body().string());
            }
          }
          assertTrue(drawn >= 3, "charts drawn: " + drawn);
        });
  }

  private static void assertNoRawMarkup(String where, String html) {
    for (String raw : RAW) {
      int at = html.indexOf(raw);
      assertTrue(
          at < 0,
          where
              + " shows "
              + raw
              + " raw: …"
              + html.substring(Math.max(0, at - 200), Math.min(html.length(), at + 200))
              + "…");
    }
  }
}
