package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.service.Analyses;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ShopPagesTest {

  private static final String ORDERS = "订单明细.csv";
  private static final String SCRIPT = "<script>alert(1)</script>";
  private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";

  @RegisterExtension final DataFolder data = DataFolder.at("2026-11-27T02:00:00Z");

  /** The first value of a response header, or null. */
  private static String header(Response response, String name) {
    List<String> values = response.headers().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String zh(String key) {
    return Messages.of(Lang.ZH).get(key);
  }

  private static String en(String key) {
    return Messages.of(Lang.EN).get(key);
  }

  @Test
  void shops_page_is_in_chinese_by_default() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          // A client of its own, without cookies: the test client's jar outlives one test, and a
          // language chosen by an earlier test would be remembered.
          HttpResponse<String> response =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(URI.create(client.getOrigin() + "/")).build(),
                      HttpResponse.BodyHandlers.ofString());
          assertEquals(200, response.statusCode());
          assertTrue(
              response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
          String html = response.body();
          assertTrue(html.contains("<html lang=\"zh-CN\">"), html);
          assertTrue(html.contains(zh("shops.new.title")));
          assertTrue(html.contains(zh("shops.none")));
          assertFalse(html.contains(en("shops.new.title")));
        });
  }

  @Test
  void lang_en_sets_the_cookie_and_later_pages_without_it_are_english() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response switched = client.get("/?lang=en");
          assertTrue(switched.body().string().contains(en("shops.new.title")));
          String setCookie = header(switched, "Set-Cookie");
          assertTrue(
              setCookie != null && setCookie.startsWith("lang=en"), String.valueOf(setCookie));

          String cookie = setCookie.split(";", 2)[0];
          Multipart.samples(ORDERS).postTo(client, "/api/shops/demo/uploads");
          for (String path : List.of("/", "/shops/demo")) {
            String html =
                client.get(path, request -> request.header("Cookie", cookie)).body().string();
            assertTrue(html.contains("<html lang=\"en\">"), path);
            assertTrue(html.contains(en("nav.shops")), path);
            assertFalse(html.contains(zh("upload.submit")), path);
          }

          String back =
              client.get("/?lang=zh", request -> request.header("Cookie", cookie)).body().string();
          assertTrue(back.contains(zh("shops.new.title")));
        });
  }

  @Test
  void shops_page_lists_each_shop_with_its_orders_and_uploads_and_links_to_it() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Multipart.samples(ORDERS).postTo(client, "/api/shops/demo/uploads");
          long orders = data.workspaces().summary("demo").ordersDistinct();
          String html = client.get("/").body().string();
          assertTrue(html.contains("<a href=\"/shops/demo\">demo</a>"), html);
          assertTrue(html.contains(String.format("%,d", orders)), html);
          assertTrue(html.contains("2026-11-27 10:00:00"), html);
        });
  }

  @Test
  void shop_page_shows_the_four_refused_rows_of_the_sample_with_their_line_numbers() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response posted = Multipart.samples(ORDERS).postTo(client, "/shops/demo/uploads");
          assertEquals(303, posted.code());
          assertEquals("/shops/demo", header(posted, "Location"));

          String html = client.get("/shops/demo").body().string();
          Matcher lines = Pattern.compile("<td class=\"num line\"[^>]*>(\\d+)</td>").matcher(html);
          StringBuilder found = new StringBuilder();
          while (lines.find()) {
            found.append(lines.group(1)).append(' ');
          }
          assertEquals("422 423 424 425", found.toString().trim());
          assertTrue(html.contains(ORDERS));
          assertTrue(html.contains("¥abc"), "the refused value is shown as sent");
          assertTrue(html.contains(zh("report.errors.reason")));
          assertTrue(html.contains("enctype=\"multipart/form-data\""));
          assertTrue(html.contains("name=\"file\" multiple"));
        });
  }

  @Test
  void a_formula_product_name_is_shown_as_text_never_as_a_link() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Multipart.samples(ORDERS).postTo(client, "/shops/demo/uploads");
          String html = client.get("/shops/demo").body().string();
          assertFalse(html.contains("<a href=\"http://x\""), html);
        });
  }

  @Test
  void file_names_and_cell_values_with_script_tags_render_escaped() throws Exception {
    List<String> lines = Files.readAllLines(Multipart.SAMPLES.resolve(ORDERS));
    String header = lines.get(0);
    String row = lines.get(1);
    List<String> columns = List.of(header.replace("\uFEFF", "").split(","));
    String[] cells = row.split(",", -1);
    cells[columns.indexOf("商品数量")] = "\"" + SCRIPT + "\"";
    String csv = header + "\n" + row + "\n" + String.join(",", cells) + "\n";

    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response posted =
              Multipart.form()
                  .file("file", SCRIPT + ".csv", csv)
                  .postTo(client, "/shops/demo/uploads");
          assertEquals(303, posted.code());
          String html = client.get("/shops/demo").body().string();
          assertFalse(html.contains(SCRIPT), html);
          assertTrue(html.contains(ESCAPED_SCRIPT + ".csv"), "file name escaped");
          assertTrue(
              html.contains("<code>" + ESCAPED_SCRIPT + "</code>"), "cell value escaped: " + html);
        });
  }

  @Test
  void form_upload_of_only_unreadable_files_shows_the_page_again_with_400_and_each_files_message() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Multipart.samples(ORDERS).postTo(client, "/shops/demo/uploads");
          Response response =
              Multipart.form()
                  .file("file", "empty.csv", "")
                  .file("file", SCRIPT + ".csv", "foo,bar\n1,2\n")
                  .postTo(client, "/shops/demo/uploads");
          assertEquals(400, response.code());
          String html = response.body().string();
          assertTrue(html.contains(zh("upload.refused.title")), html);
          assertTrue(html.contains("empty.csv"));
          assertTrue(html.contains(ESCAPED_SCRIPT + ".csv"));
          assertFalse(html.contains(SCRIPT));
          assertEquals(
              2,
              html.split("class=\"file-message\"", -1).length - 1,
              "one message per refused file");
          assertTrue(
              html.matches("(?s).*<td class=\"num line\"[^>]*>422</td>.*"),
              "the earlier upload is still listed");
          assertEquals(1, data.workspaces().summary("demo").uploads());
        });
  }

  @Test
  void new_shop_form_creates_the_shop_and_redirects_to_its_page() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response posted =
              Multipart.samples(ORDERS).field("shop", "new-shop").postTo(client, "/shops");
          assertEquals(303, posted.code());
          assertEquals("/shops/new-shop", header(posted, "Location"));
          assertTrue(data.workspaces().exists("new-shop"));
        });
  }

  @Test
  void new_shop_form_with_a_malformed_id_is_a_400_page_that_creates_nothing() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response posted =
              Multipart.samples(ORDERS).field("shop", "../etc").postTo(client, "/shops");
          assertEquals(400, posted.code());
          String html = posted.body().string();
          assertTrue(html.contains(zh("error.title")));
          assertTrue(html.contains("shop id"));
          assertTrue(data.workspaces().list().isEmpty());
        });
  }

  @Test
  void new_shop_form_whose_files_are_all_refused_shows_the_report_and_creates_nothing() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response posted =
              Multipart.form()
                  .field("shop", "fresh")
                  .file("file", "empty.csv", "")
                  .postTo(client, "/shops");
          assertEquals(400, posted.code(), posted.body().string());
          assertTrue(posted.body().string().contains("empty.csv"));
          assertFalse(data.workspaces().exists("fresh"));
        });
  }

  @Test
  void page_upload_over_the_size_limit_is_a_413_page() {
    var app = data.app(WebConfig.defaults().withMaxUploadBytes(8 * 1024));
    JavalinTest.test(
        app,
        (server, client) -> {
          Response response = Multipart.samples(ORDERS).postTo(client, "/shops/demo/uploads");
          assertEquals(413, response.code());
          assertTrue(header(response, "Content-Type").startsWith("text/html"));
          assertTrue(response.body().string().contains("8 KiB"));
        });
  }

  @Test
  void unknown_shop_page_is_a_404_page() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response response = client.get("/shops/nobody");
          assertEquals(404, response.code());
          String html = response.body().string();
          assertTrue(html.contains(zh("error.title")));
          assertTrue(html.contains("nobody"));
          assertFalse(data.workspaces().exists("nobody"));
        });
  }

  @Test
  void stylesheet_is_served_from_the_jar_with_cjk_fonts() {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          Response css = client.get("/assets/rebound.css");
          assertEquals(200, css.code());
          assertTrue(header(css, "Content-Type").startsWith("text/css"));
          String body = css.body().string();
          assertTrue(body.contains("\"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\""));
          assertTrue(body.contains("sans-serif"));
        });
  }

  @Test
  void nav_is_built_from_its_entries_and_shop_entries_show_on_shop_pages_only() {
    List<NavEntry> nav =
        List.of(
            NavEntry.site("nav.shops", "/"),
            NavEntry.shop("nav.uploads", "/shops/{shop}"),
            NavEntry.shop("nav.test_only", "/shops/{shop}/overview"));
    JavalinTest.test(
        WebApp.create(
            data.workspaces(),
            new Analyses(data.workspaces(), Clock.systemDefaultZone(), 1),
            WebConfig.defaults(),
            WebApp.Options.defaults().withNav(nav)),
        (server, client) -> {
          Multipart.samples(ORDERS).postTo(client, "/api/shops/demo/uploads");
          String shops = client.get("/").body().string();
          assertTrue(
              shops.contains(
                  "<a href=\"/\" class=\"current\" aria-current=\"page\">"
                      + zh("nav.shops")
                      + "</a>"),
              shops);
          assertFalse(shops.contains("/shops/{shop}"));
          assertFalse(shops.contains("/overview"));

          String shop = client.get("/shops/demo").body().string();
          assertTrue(shop.contains("<a href=\"/shops/demo/overview\">??nav.test_only??</a>"), shop);
          assertTrue(shop.contains("<a href=\"/shops/demo\" class=\"current\""), shop);
        });
  }
}
