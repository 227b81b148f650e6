package app.rebound.web;

import static app.rebound.web.Http.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.FileKind;
import app.rebound.store.UploadFile;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The drill-down lists over two shops: "fifty" with 51 made-up orders (so paging and sorting can be
 * counted), and the sample shop with every export (deletions, reviews, affiliates).
 */
class RowListsTest {

  private static final String FIFTY = "fifty";
  private static final String SAMPLE = SampleShop.ID;

  @RegisterExtension static final DataFolder data = DataFolder.now();

  @BeforeAll
  static void uploadTheShops() throws Exception {
    StringBuilder csv = new StringBuilder("子订单编号,商品ID,选购商品,商品数量,订单应付金额,订单提交时间\n");
    for (int i = 1; i <= 51; i++) {
      // Amounts run against the ids, so sorting by amount is not sorting by id.
      csv.append(
          String.format(
              "69200000000000%05d,35000000000001,杯子,1,%d.00,2026-05-%02d 10:00:00%n",
              i, 1000 - i, 1 + i % 28));
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    data.workspaces()
        .upload(
            FIFTY,
            List.of(new UploadFile("订单明细.csv", () -> new ByteArrayInputStream(bytes))),
            s -> {});
    SampleShop.upload(data.workspaces(), SAMPLE);
  }

  private static List<String> column(JsonNode page, String name) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(item -> out.add(item.get(name).asText()));
    return out;
  }

  private static XSSFWorkbook workbook(String origin, String path) throws Exception {
    HttpResponse<byte[]> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(origin + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, r.statusCode(), path);
    return new XSSFWorkbook(new ByteArrayInputStream(r.body()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void fifty_one_orders_make_two_pages_and_the_second_holds_one() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          JsonNode first = json(client, "/api/shops/fifty/rows/orders");
          assertEquals(51, first.get("total").asInt());
          assertEquals(2, first.get("pages").asInt());
          assertEquals(50, first.get("items").size());
          JsonNode second = json(client, "/api/shops/fifty/rows/orders?page=2");
          assertEquals(2, second.get("page").asInt());
          assertEquals(1, second.get("items").size());
          List<String> all = new ArrayList<>(column(first, "sub_order_id"));
          all.addAll(column(second, "sub_order_id"));
          assertEquals(51, all.stream().distinct().count(), "no row on both pages");
        });
  }

  @Test
  void a_page_far_past_the_end_is_empty_not_an_error() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (String page : List.of("3", "9223372036854775807", "99999999999999999999999")) {
            JsonNode answer = json(client, "/api/shops/fifty/rows/orders?page=" + page);
            assertEquals(0, answer.get("items").size(), page);
            assertEquals(51, answer.get("total").asInt(), page);
          }
          assertEquals(200, client.get("/shops/fifty/rows/orders?page=99999999999").code());
        });
  }

  @Test
  void a_column_sorts_ascending_and_descending() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          JsonNode asc = json(client, "/api/shops/fifty/rows/orders?sort=payable_amount&dir=asc");
          JsonNode desc = json(client, "/api/shops/fifty/rows/orders?sort=payable_amount&dir=desc");
          assertEquals("949.0", asc.get("items").get(0).get("payable_amount").asText());
          assertEquals("6920000000000000051", asc.get("items").get(0).get("sub_order_id").asText());
          assertEquals("999.0", desc.get("items").get(0).get("payable_amount").asText());
          assertEquals(
              "6920000000000000001", desc.get("items").get(0).get("sub_order_id").asText());
          List<String> ids =
              column(
                  json(client, "/api/shops/fifty/rows/orders?sort=sub_order_id"), "sub_order_id");
          List<String> sorted = new ArrayList<>(ids);
          sorted.sort(null);
          assertEquals(sorted, ids);
        });
  }

  @Test
  void the_search_finds_a_sub_order_by_its_whole_id_or_its_start() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          JsonNode exact = json(client, "/api/shops/fifty/rows/orders?q=6920000000000000007");
          assertEquals(List.of("6920000000000000007"), column(exact, "sub_order_id"));
          JsonNode prefix = json(client, "/api/shops/fifty/rows/orders?q=692000000000000004");
          assertEquals(10, prefix.get("total").asInt(), "…040 to …049");
          JsonNode byName = json(client, "/api/shops/fifty/rows/orders?product=" + enc("杯"));
          assertEquals(51, byName.get("total").asInt());
          JsonNode none = json(client, "/api/shops/fifty/rows/orders?product=" + enc("%"));
          assertEquals(0, none.get("total").asInt(), "% is a character, not a wildcard");
        });
  }

  /** The sample's 销量删除记录.csv lines of a notice, counted from the file itself. */
  private static List<String> deletionsOf(String notice) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String line : Files.readAllLines(SampleShop.samples().resolve("销量删除记录.csv"))) {
      String[] cells = line.split(",");
      if (cells[cells.length - 1].strip().equals(notice)) {
        ids.add(cells[0].strip());
      }
    }
    return ids;
  }

  @Test
  void the_deleted_rows_of_a_notice_are_the_orders_its_deletions_name_with_their_orders_details()
      throws Exception {
    List<String> expected = deletionsOf("WG3B1");
    assertFalse(expected.isEmpty());
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          JsonNode page =
              json(client, "/api/shops/sample/rows/deleted?notice=WG3B1&sort=sub_order_id");
          assertEquals(expected.size(), page.get("total").asInt());
          List<String> sorted = new ArrayList<>(expected);
          sorted.sort(null);
          assertEquals(sorted, column(page, "sub_order_id"));
          JsonNode first = page.get("items").get(0);
          assertEquals("WG3B1", first.get("notice_id").asText());
          assertFalse(first.get("processed_at").isNull());
          assertFalse(first.get("submitted_at").isNull(), "joined to its order");
          assertEquals(
              0,
              json(client, "/api/shops/sample/rows/deleted?notice=WG3B").get("total").asInt(),
              "a notice matches whole");
        });
  }

  @Test
  void reviews_and_affiliates_list_every_stored_row() throws Exception {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          var db = data.workspaces().database(SAMPLE);
          assertEquals(
              db.count(FileKind.REVIEWS),
              json(client, "/api/shops/sample/rows/reviews").get("total").asLong());
          assertEquals(
              db.count(FileKind.AFFILIATES),
              json(client, "/api/shops/sample/rows/affiliates").get("total").asLong());
        });
  }

  @Test
  void sql_in_the_search_is_only_text_and_a_sort_outside_the_list_is_refused() throws Exception {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (String q : List.of("' OR '1'='1", "1; DROP TABLE rows_orders; --")) {
            JsonNode answer =
                json(client, "/api/shops/fifty/rows/orders?q=" + enc(q) + "&product=" + enc(q));
            assertEquals(0, answer.get("total").asInt(), q);
          }
          Response bad =
              client.get(
                  "/api/shops/fifty/rows/orders?sort="
                      + enc("submitted_at; DROP TABLE rows_orders"));
          assertEquals(400, bad.code());
          assertTrue(bad.body().string().contains("cannot sort orders by"));
          assertEquals(
              51,
              data.workspaces().database(FIFTY).count(FileKind.ORDERS),
              "the orders are still there");
        });
  }

  @Test
  void parameters_that_cannot_be_right_are_refused_with_400_saying_why() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String longQ = "1".repeat(101);
          for (String[] c :
              List.of(
                  new String[] {"/api/shops/fifty/rows/shops", "no row list"},
                  new String[] {"/api/shops/fifty/rows/orders?page=0", "page must be 1 or more"},
                  new String[] {
                    "/api/shops/fifty/rows/orders?page=-1", "page must be a whole number"
                  },
                  new String[] {"/api/shops/fifty/rows/orders?dir=up", "dir must be asc or desc"},
                  new String[] {"/api/shops/fifty/rows/orders?q=" + longQ, "at most 100"},
                  new String[] {"/api/shops/sample/rows/affiliates?notice=WG3B1", "name no notice"},
                  new String[] {"/shops/fifty/rows/orders?sort=nope", "cannot sort"})) {
            Response r = client.get(c[0]);
            String body = r.body().string();
            assertEquals(400, r.code(), c[0] + ": " + body);
            assertTrue(body.contains(c[1]), c[0] + ": " + body);
          }
        });
  }

  @Test
  void another_shops_token_is_refused() {
    Javalin app =
        data.served(
            WebConfig.defaults().withAccessToken("all").withShopToken("only-fifty", List.of(FIFTY)),
            DataFolder.DASHBOARDS);
    JavalinTest.test(
        app,
        (server, client) -> {
          for (String path :
              List.of(
                  "/api/shops/sample/rows/deleted",
                  "/shops/sample/rows/deleted",
                  "/shops/sample/rows/deleted/tables/rows.xlsx")) {
            Response r = client.get(path, b -> b.header("Authorization", "Bearer only-fifty"));
            assertEquals(403, r.code(), path);
          }
          Response own =
              client.get(
                  "/api/shops/fifty/rows/orders",
                  b -> b.header("Authorization", "Bearer only-fifty"));
          assertEquals(200, own.code());
        });
  }

  @Test
  void the_page_shows_its_columns_in_the_pages_language_ids_whole_and_links_to_the_next_page() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String zh =
              client.get("/shops/fifty/rows/orders?lang=zh&sort=sub_order_id").body().string();
          assertTrue(zh.contains(">子订单编号</a>"), zh);
          assertTrue(zh.contains("<code>6920000000000000001</code>"), zh);
          assertTrue(zh.contains("第 1 / 2 页"), zh);
          assertTrue(zh.contains("共 51 行"), zh);
          assertTrue(
              zh.contains(
                  "href=\"/shops/fifty/rows/orders?sort=sub_order_id&amp;dir=asc&amp;page=2\""),
              zh);
          assertTrue(zh.contains("<div class=\"table-box\">"));
          String en = client.get("/shops/fifty/rows/orders?lang=en&page=2").body().string();
          assertTrue(en.contains(">Sub-order ID</a>"), en);
          assertTrue(en.contains("Page 2 of 2"), en);
          assertTrue(en.contains("rel=\"prev\""), en);
          assertFalse(en.contains("rel=\"next\""), en);
        });
  }

  @Test
  void the_download_holds_the_whole_filtered_list_with_ids_as_text() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String origin = client.getOrigin();
          try (var book =
              workbook(
                  origin,
                  "/shops/fifty/rows/orders/tables/rows.xlsx?lang=en&q=692000000000000004")) {
            var sheet = book.getSheetAt(0);
            assertEquals("Sub-order ID", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(10, sheet.getLastRowNum(), "a header and ten rows");
            assertTrue(
                sheet.getRow(1).getCell(0).getStringCellValue().startsWith("692000000000000004"));
          }
          try (var book = workbook(origin, "/shops/fifty/rows/orders/tables/rows.xlsx")) {
            assertEquals(51, book.getSheetAt(0).getLastRowNum(), "every page, not the first");
          }
        });
  }

  /** The href of the first link right after the marker (a pattern), unescaped. */
  private static String link(String html, String marker) {
    Matcher m = Pattern.compile(marker + "\\s*<a[^>]* href=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(), marker + " in " + html);
    return m.group(1).replace("&amp;", "&");
  }

  /** The href of the link with the id, unescaped. */
  private static String linkWithId(String html, String id) {
    Matcher m = Pattern.compile("<a id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
    assertTrue(m.find(), id + " in " + html);
    return m.group(1).replace("&amp;", "&");
  }

  private static String api(String pageLink) {
    return "/api" + pageLink;
  }

  @Test
  void the_overview_deletions_products_and_appeal_pages_link_to_their_rows() throws Exception {
    for (String lang : List.of("zh", "en")) {
      SampleShop.awaitReady(data.analyses(), SAMPLE, lang);
    }
    var db = data.workspaces().database(SAMPLE);
    var group = data.analyses().appeal(SAMPLE).orElseThrow().groups().get(0);
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (String lang : List.of("zh", "en")) {
            String overview = client.get("/shops/sample?lang=" + lang).body().string();
            String deleted = link(overview, "<p class=\"rows-link\">");
            assertEquals("/shops/sample/rows/deleted", deleted);
            assertEquals(
                db.count(FileKind.DELETIONS), json(client, api(deleted)).get("total").asLong());
            for (String tile : List.of("average_rating", "doubtful_review_share")) {
              assertEquals(
                  "/shops/sample/rows/reviews",
                  link(overview, "id=\"tile-" + tile + "\"[\\s\\S]*?<p class=\"rows-link\">"));
            }
            assertEquals(
                "/shops/sample/rows/affiliates",
                link(
                    overview,
                    "id=\"tile-affiliate_cancellations\"[\\s\\S]*?<p class=\"rows-link\">"));

            String deletions = client.get("/shops/sample/deletions?lang=" + lang).body().string();
            String batch = link(deletions, "id=\"batch-WG3B1\"[\\s\\S]*?<p class=\"rows-link\">");
            assertEquals("/shops/sample/rows/deleted?notice=WG3B1", batch);
            assertEquals(
                deletionsOf("WG3B1").size(), json(client, api(batch)).get("total").asInt());

            String products = client.get("/shops/sample/products?lang=" + lang).body().string();
            Matcher row =
                Pattern.compile(
                        "<tr id=\"product-([0-9]+)\">[\\s\\S]*?<td[^>]*><a href=\"([^\"]+)\"><code>")
                    .matcher(products);
            assertTrue(row.find(), products);
            JsonNode orders = json(client, api(row.group(2).replace("&amp;", "&")));
            assertTrue(orders.get("total").asInt() > 0);
            for (JsonNode item : orders.get("items")) {
              assertEquals(row.group(1), item.get("product_id").asText());
            }

            String appeal =
                client.get("/shops/sample/appeal/" + group.id() + "?lang=" + lang).body().string();
            String groupLink = linkWithId(appeal, "group-rows");
            assertTrue(
                groupLink.contains("product=" + group.productId()), "of its product: " + groupLink);
            JsonNode groupRows = json(client, api(groupLink));
            // The deleted orders of its notice and product: the group's, and those of the same
            // notice and product in its other groups (another reason) or not to appeal.
            List<String> listed = column(groupRows, "sub_order_id");
            assertTrue(listed.containsAll(group.orders()), listed + " holds " + group.orders());
            for (JsonNode item : groupRows.get("items")) {
              assertEquals(group.productId(), item.get("product_id").asText());
              assertEquals(group.batch(), item.get("notice_id").asText());
            }

            String partners = client.get("/shops/sample/partners?lang=" + lang).body().string();
            assertEquals("/shops/sample/rows/affiliates", linkWithId(partners, "affiliate-rows"));
          }
        });
  }
}
