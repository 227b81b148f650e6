package app.rebound.web;

import static app.rebound.web.Http.json;
import static app.rebound.web.Http.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.Reason;
import app.rebound.service.Analyses;
import app.rebound.service.ShopReport;
import app.rebound.store.UploadFile;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboards over the sample shop with every export uploaded and its analysis READY. */
class DashboardPagesTest {

  private static final String SHOP = SampleShop.ID;
  private static final List<String> PAGES =
      List.of("", "/traffic", "/trust", "/partners", "/deletions", "/products");

  @RegisterExtension static final DataFolder data = DataFolder.now();
  private static ImpactReport zhReport;
  private static ImpactReport enReport;

  @BeforeAll
  static void uploadTheSampleShopAndWaitForItsAnalysis() throws Exception {
    SampleShop.upload(data.workspaces(), SHOP);
    zhReport = ReportCache.parse(SampleShop.awaitReady(data.analyses(), SHOP, "zh").json());
    enReport = ReportCache.parse(SampleShop.awaitReady(data.analyses(), SHOP, "en").json());
  }

  /**
   * A view record as the API writes it, read back as a tree (so numbers compare as the JSON has
   * them).
   */
  /** A page's record as the Chinese API answers it: each reason with its message in Chinese. */
  private static JsonNode tree(Object record) throws Exception {
    return Reason.addMessages(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(record)), true);
  }

  /** A browser's form post (urlencoded), not following the redirect; answers the status. */
  private static int postForm(io.javalin.testtools.HttpClient client, String path, String form)
      throws Exception {
    return BrowserSession.open(client.getOrigin()).post(path, form).statusCode();
  }

  private static String shop(String page) {
    return "/shops/" + SHOP + page;
  }

  /**
   * Text of a page as rendered: JTE escapes what it prints, so numbers are compared escaped too.
   */
  private static String html(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Test
  void every_dashboard_page_renders_in_chinese_and_in_english() {
    String product = zhReport.products().get(0).productId();
    List<String> pages = new ArrayList<>(PAGES);
    pages.add("/products/" + product);
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (String p : pages) {
            String zh = page(client, shop(p) + "?lang=zh");
            assertTrue(zh.contains("<html lang=\"zh-CN\">"), p);
            assertFalse(zh.contains("??"), p + " lacks a message key: " + zh);
            assertFalse(zh.contains(Messages.of(Lang.EN).get("charts.title")), p);
            String en = page(client, shop(p) + "?lang=en");
            assertTrue(en.contains("<html lang=\"en\">"), p);
            assertFalse(en.contains("??"), p + " lacks a message key: " + en);
            if (!p.equals("/products")) {
              assertTrue(en.contains(Messages.of(Lang.EN).get("charts.title")), p);
            }
          }
        });
  }

  @Test
  void overview_tiles_show_the_reports_numbers_formatted_per_language() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (Lang lang : Lang.values()) {
            Messages msg = Messages.of(lang);
            ImpactReport report = lang == Lang.ZH ? zhReport : enReport;
            String html = page(client, shop("?lang=" + lang.code()));
            String money = msg.money(report.deletions().money());
            assertTrue(
                money.matches("¥\\d{1,3}(,\\d{3})+"),
                "deleted money with ¥ and separators: " + money);
            assertTrue(html.contains(money), money);
            assertTrue(
                html.contains(
                    msg.format(
                        "overview.deleted_counts",
                        msg.number(report.deletions().orders()),
                        msg.number(report.deletions().units()))));
            Dashboards.LossView gmv = Dashboards.LossView.of(report.gmv());
            assertTrue(gmv.measured(), "the sample measures GMV");
            assertTrue(
                html.contains(msg.loss(gmv)) && html.contains(msg.lossRange(gmv)),
                msg.lossRange(gmv));
            assertTrue(
                msg.lossRange(gmv).matches("\\(-?¥[\\d,]+–-?¥[\\d,]+\\)"), msg.lossRange(gmv));
            Dashboards.LossView visitors = Dashboards.LossView.of(report.traffic().visitors());
            assertTrue(
                html.contains(msg.loss(visitors) + "</p>")
                    && html.contains(msg.lossRange(visitors)));
            assertTrue(
                html.contains(msg.get("overview.actions.plan")),
                "the top actions link to the plan");
            assertTrue(
                html.contains(msg.get("overview.appeal.link")),
                "the overview links to the appeal workbench");
            assertTrue(html.contains(msg.get("upload.submit")), "the uploads stay below the tiles");
          }
          String first = Dashboards.DeletionTotals.of(zhReport.deletions()).first().toString();
          String[] ymd = first.split("-");
          String zh = page(client, shop("?lang=zh"));
          assertTrue(
              zh.contains(
                  Integer.parseInt(ymd[0])
                      + "年"
                      + Integer.parseInt(ymd[1])
                      + "月"
                      + Integer.parseInt(ymd[2])
                      + "日"),
              zh);
          String en = page(client, shop("?lang=en"));
          assertTrue(
              Pattern.compile("[A-Z][a-z]{2} \\d{1,2}, " + ymd[0]).matcher(en).find(),
              "English date");
        });
  }

  @Test
  void formats_read_as_the_language_expects() {
    assertEquals("¥12,300", Messages.of(Lang.ZH).money(12_300.4));
    assertEquals("-¥1,200", Messages.of(Lang.EN).money(-1_200));
    assertEquals("2026年6月7日", Messages.of(Lang.ZH).date(LocalDate.of(2026, 6, 7)));
    assertEquals("Jun 7, 2026", Messages.of(Lang.EN).date(LocalDate.of(2026, 6, 7)));
    assertEquals("12.3%", Messages.of(Lang.EN).percent(0.1234));
    assertEquals("+4.1 个百分点", Messages.of(Lang.ZH).change("share", 0.041));
    assertEquals("-0.32 stars", Messages.of(Lang.EN).change("stars", -0.32));
    var loss =
        new Dashboards.LossView(
            "yuan", true, null, null, 12_300.0, 8_100.0, 16_500.0, true, null, null, "loss", null,
            null);
    assertEquals(
        "¥12,300 (¥8,100–¥16,500)",
        Messages.of(Lang.ZH).loss(loss) + " " + Messages.of(Lang.ZH).lossRange(loss));
    // A range holding zero is no measurable loss, never the point shown as damage.
    var unclear =
        new Dashboards.LossView(
            "yuan",
            true,
            null,
            null,
            3_078.0,
            -1_200.0,
            7_400.0,
            false,
            null,
            null,
            "no_measurable_loss",
            null,
            null);
    assertEquals(
        "无可测损失 (-¥1,200–¥7,400)",
        Messages.of(Lang.ZH).loss(unclear) + " " + Messages.of(Lang.ZH).lossRange(unclear));
    assertEquals("No measurable loss", Messages.of(Lang.EN).loss(unclear));
    assertEquals("未测量：请上传 商品流量.csv", Messages.of(Lang.ZH).reason(Reason.of("upload", "商品流量.csv")));
  }

  @Test
  void each_api_page_answers_the_record_its_page_renders() throws Exception {
    Dashboards.Draw draw = (id, product) -> DataFolder.CHARTS.svg(id, zhReport, product, "zh");
    String product = zhReport.products().get(0).productId();
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          var zhPlan =
              ShopReport.parse(SampleShop.awaitReady(data.analyses(), SHOP, "zh").json()).plan();
          // The sample's appeal windows closed long ago, so the deadline summary does not move with
          // the clock.
          var deadline =
              AppealViews.deadline(
                  data.analyses().appeal(SHOP).orElseThrow().groups(), LocalDateTime.now());
          assertEquals(
              tree(
                  Dashboards.overview(
                      SHOP,
                      zhReport,
                      draw,
                      zhPlan.actions(),
                      deadline,
                      Dashboards.period(zhReport, new Period.Query(null, null, null)))),
              json(client, "/api" + shop("/overview?lang=zh")));
          assertEquals(
              tree(
                  Dashboards.traffic(
                      SHOP,
                      zhReport,
                      draw,
                      Dashboards.period(zhReport, new Period.Query(null, null, null)))),
              json(client, "/api" + shop("/traffic?lang=zh")));
          assertEquals(
              tree(
                  Dashboards.trust(
                      SHOP,
                      zhReport,
                      draw,
                      Dashboards.period(zhReport, new Period.Query(null, null, null)))),
              json(client, "/api" + shop("/trust?lang=zh")));
          assertEquals(
              tree(
                  Dashboards.partners(
                      SHOP,
                      zhReport,
                      draw,
                      Dashboards.period(zhReport, new Period.Query(null, null, null)))),
              json(client, "/api" + shop("/partners?lang=zh")));
          assertEquals(
              tree(Dashboards.deletions(SHOP, zhReport, draw)),
              json(client, "/api" + shop("/deletions?lang=zh")));
          assertEquals(
              tree(
                  Dashboards.products(
                      zhReport,
                      Dashboards.Sort.DEFAULT,
                      Dashboards.period(zhReport, new Period.Query(null, null, null)))),
              json(client, "/api" + shop("/products?lang=zh")));
          assertEquals(
              tree(
                  Dashboards.product(
                          SHOP,
                          zhReport,
                          product,
                          draw,
                          Dashboards.period(zhReport, new Period.Query(null, null, null)))
                      .orElseThrow()),
              json(client, "/api" + shop("/products/" + product + "?lang=zh")));
          assertFalse(
              json(client, "/api" + shop("/traffic")).toString().contains("<svg"),
              "the SVG is for the page only");
        });
  }

  @Test
  void the_traffic_page_shows_the_channels_and_the_funnel_in_both_languages() throws Exception {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (Lang lang : Lang.values()) {
            Messages msg = Messages.of(lang);
            String q = "?lang=" + lang.name().toLowerCase();
            String p = page(client, shop("/traffic" + q));
            JsonNode api = json(client, "/api" + shop("/traffic" + q));
            for (String key :
                List.of(
                    "channels.title", "channels.separate", "channels.compass", "funnel.title")) {
              assertTrue(p.contains(html(msg.get(key))), lang + " " + key);
            }
            assertTrue(p.contains("id=\"channels-traffic_source\""), "the 流量来源 table");
            assertTrue(p.contains("id=\"funnel-completion_rate\""), "the funnel's rates");
            var channels =
                Json.MAPPER.treeToValue(api.get("channels"), Dashboards.ChannelsView.class);
            var funnel = Json.MAPPER.treeToValue(api.get("funnel"), Dashboards.FunnelView.class);
            assertTrue(
                p.contains(
                    html(
                        msg.format(
                            "channels.periods",
                            msg.number(funnel.beforeDays()),
                            msg.number(funnel.afterDays()),
                            msg.date(funnel.split())))),
                "the periods are named");
            for (var d : channels.dimensions()) {
              for (var row : d.channels()) {
                String shown =
                    row.loss().measured()
                        ? msg.lossRange(row.loss())
                        : html(msg.reason(row.loss().reason()));
                assertTrue(p.contains(shown), lang + " " + d.id() + " " + row.value());
              }
            }
            for (var step : funnel.shop()) {
              if (step.measured()) {
                assertTrue(
                    p.contains(msg.changeRange("share", step.low(), step.high())), step.id());
              }
            }
            assertFalse(p.contains("??channels") || p.contains("??funnel"), "no missing key");
          }
        });
  }

  @Test
  void each_pages_numbers_are_the_numbers_of_its_json() throws Exception {
    Messages msg = Messages.of(Lang.EN);
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          JsonNode traffic = json(client, "/api" + shop("/traffic?lang=en"));
          String trafficPage = page(client, shop("/traffic?lang=en"));
          for (String loss : List.of("visitors", "impressions", "gmv")) {
            var view = Json.MAPPER.treeToValue(traffic.get(loss), Dashboards.LossView.class);
            if (view.measured()) {
              assertTrue(
                  trafficPage.contains(msg.loss(view)) && trafficPage.contains(msg.lossRange(view)),
                  loss);
            } else {
              assertTrue(trafficPage.contains(html(msg.reason(view.reason()))), loss);
            }
          }
          for (String api : List.of("/trust", "/partners")) {
            JsonNode node = json(client, "/api" + shop(api + "?lang=en"));
            String p = page(client, shop(api + "?lang=en"));
            for (JsonNode m : node.get("shop")) {
              var view = Json.MAPPER.treeToValue(m, Dashboards.MeasureView.class);
              String shown =
                  view.measured()
                      ? msg.change(view.unit(), view.estimate())
                      : html(msg.reason(view.reason()));
              assertTrue(p.contains(shown), api + " " + view.id() + " " + shown);
              if (view.measured()) {
                assertTrue(
                    p.contains(msg.changeRange(view.unit(), view.low(), view.high())), view.id());
              }
            }
          }
          JsonNode deletions = json(client, "/api" + shop("/deletions?lang=en"));
          String deletionsPage = page(client, shop("/deletions?lang=en"));
          assertTrue(deletions.get("batches").size() > 0);
          for (JsonNode b : deletions.get("batches")) {
            var batch = Json.MAPPER.treeToValue(b, Dashboards.Batch.class);
            assertTrue(deletionsPage.contains("id=\"batch-" + batch.id() + "\""), batch.id());
            assertTrue(deletionsPage.contains(msg.date(batch.date())));
            assertTrue(deletionsPage.contains(msg.money(batch.money())));
            // the likely cause's confidence is its probability, written once: "96.6%" beside
            // "96.6%"
            double p = batch.probabilities().getOrDefault(batch.likelyCause(), batch.confidence());
            assertTrue(
                deletionsPage.contains("(confidence " + html(msg.probability(p)) + ")"),
                batch.id());
            for (String signal : batch.signals()) {
              assertTrue(deletionsPage.contains(html(signal)), signal);
            }
            for (var c : batch.consequences()) {
              assertTrue(
                  deletionsPage.contains(html(c.text()))
                      && deletionsPage.contains(html(c.source())),
                  c.text());
            }
          }
          JsonNode product =
              json(
                  client,
                  "/api"
                      + shop("/products/" + zhReport.products().get(0).productId() + "?lang=en"));
          String productPage =
              page(
                  client, shop("/products/" + zhReport.products().get(0).productId() + "?lang=en"));
          var visitors =
              Json.MAPPER.treeToValue(product.get("visitors"), Dashboards.LossView.class);
          assertTrue(visitors.measured() && visitors.fit() != null);
          // The fit, its weekly error and how the method held on the shop's own history.
          assertTrue(productPage.contains(html(msg.fit(visitors.fit()))), msg.fit(visitors.fit()));
          assertTrue(msg.fit(visitors.fit()).contains("dates in your own history"));
          assertTrue(productPage.contains(msg.loss(visitors) + "</p>"));
        });
  }

  @Test
  void products_table_sorts_on_the_server_by_the_asked_column() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (Dashboards.Sort sort : Dashboards.Sort.values()) {
            String html = page(client, shop("/products?sort=" + sort.param()));
            List<String> shown = new ArrayList<>();
            Matcher row = Pattern.compile("<tr id=\"product-([^\"]+)\">").matcher(html);
            while (row.find()) {
              shown.add(row.group(1));
            }
            List<String> expected =
                Dashboards.products(
                        zhReport,
                        sort,
                        Dashboards.period(zhReport, new Period.Query(null, null, null)))
                    .rows()
                    .stream()
                    .map(Dashboards.ProductLine::productId)
                    .toList();
            assertEquals(expected, shown, sort.param());
            assertTrue(
                html.contains(
                    "aria-sort=\""
                        + (sort == Dashboards.Sort.NAME ? "ascending" : "descending")
                        + "\""));
          }
          List<Double> shares =
              Dashboards.products(
                      zhReport,
                      Dashboards.Sort.SHARE,
                      Dashboards.period(zhReport, new Period.Query(null, null, null)))
                  .rows()
                  .stream()
                  .map(Dashboards.ProductLine::deletedShare)
                  .toList();
          for (int i = 1; i < shares.size(); i++) {
            assertTrue(shares.get(i - 1) >= shares.get(i), "largest share first: " + shares);
          }
          String first =
              Dashboards.products(
                      zhReport,
                      Dashboards.Sort.DEFAULT,
                      Dashboards.period(zhReport, new Period.Query(null, null, null)))
                  .rows()
                  .get(0)
                  .productId();
          assertTrue(
              page(client, shop("/products"))
                  .contains("<a href=\"/shops/" + SHOP + "/products/" + first + "\">"),
              "each row links to its product page");
          assertEquals(400, client.get(shop("/products?sort=nonsense")).code());
        });
  }

  @Test
  void an_unknown_product_is_a_404_page_and_a_404_json() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          Response page = client.get(shop("/products/999?lang=zh"));
          assertEquals(404, page.code());
          assertTrue(page.body().string().contains(Messages.of(Lang.ZH).get("error.title")));
          Response api = client.get("/api" + shop("/products/999"));
          assertEquals(404, api.code());
          assertTrue(api.body().string().contains("\"status\""));
        });
  }

  @Test
  void pages_show_the_progress_and_reload_while_the_analysis_runs() {
    ReportCache.StatusSource running =
        (shop, lang, path) ->
            new Analyses.Status(Analyses.State.RUNNING, null, "measuring the impact", null);
    Javalin app = data.served(WebConfig.defaults(), DataFolder.DASHBOARDS.withStatus(running));
    JavalinTest.test(
        app,
        (server, client) -> {
          for (String p : PAGES) {
            String html = page(client, shop(p) + "?lang=zh");
            assertTrue(html.contains("<meta http-equiv=\"refresh\" content=\"2\">"), p);
            assertTrue(
                html.contains(Messages.of(Lang.ZH).format("analysis.running.progress", "计算影响")),
                p + html);
            Response api = client.get("/api" + shop(p.isEmpty() ? "/overview" : p));
            assertEquals(202, api.code(), p);
            assertTrue(api.body().string().contains("measuring the impact"));
          }
          assertTrue(
              page(client, shop("")).contains(Messages.of(Lang.ZH).get("upload.submit")),
              "uploads still shown");
        });
  }

  @Test
  void pages_say_why_a_failed_analysis_failed_and_stop_reloading() {
    ReportCache.StatusSource failed =
        (shop, lang, path) ->
            new Analyses.Status(
                Analyses.State.FAILED, null, null, "IllegalStateException: <b>broken</b>");
    Javalin app = data.served(WebConfig.defaults(), DataFolder.DASHBOARDS.withStatus(failed));
    JavalinTest.test(
        app,
        (server, client) -> {
          String html = page(client, shop("/traffic?lang=en"));
          assertTrue(html.contains("IllegalStateException: &lt;b&gt;broken&lt;/b&gt;"), html);
          assertFalse(html.contains("http-equiv=\"refresh\""));
          assertEquals(500, client.get("/api" + shop("/traffic")).code());
        });
  }

  @Test
  void nav_shows_the_dashboards_on_shop_pages_only() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String traffic = page(client, shop("/traffic?lang=en"));
          for (String key :
              List.of(
                  "nav.overview",
                  "nav.traffic",
                  "nav.trust",
                  "nav.partners",
                  "nav.deletions",
                  "nav.products",
                  "nav.uploads")) {
            assertTrue(traffic.contains(">" + html(Messages.of(Lang.EN).get(key)) + "</a>"), key);
          }
          assertTrue(traffic.contains("<a href=\"/shops/" + SHOP + "/traffic\" class=\"current\""));
          assertTrue(traffic.contains("<a href=\"/shops/" + SHOP + "/products\">"));
          String shops = page(client, "/");
          assertFalse(shops.contains("/shops/" + SHOP + "/traffic"));
        });
  }

  @Test
  void charts_show_inline_and_download_as_svg_and_png() throws Exception {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String traffic = page(client, shop("/traffic"));
          assertTrue(
              traffic.contains(
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>visitors</title></svg>"));
          assertTrue(traffic.contains("href=\"/shops/" + SHOP + "/charts/visitors.svg\""));
          String product = zhReport.products().get(0).productId();
          assertTrue(
              page(client, shop("/products/" + product))
                  .contains("<title>product_visitors " + product + "</title>"));

          Response svg = client.get(shop("/charts/gmv_cumulative.svg?lang=en"));
          assertEquals(200, svg.code());
          assertTrue(svg.headers().get("Content-Type").get(0).startsWith("image/svg+xml"));
          assertTrue(svg.body().string().contains("<title>gmv_cumulative</title>"));

          HttpResponse<byte[]> png =
              HttpClient.newHttpClient()
                  .send(
                      HttpRequest.newBuilder(
                              URI.create(
                                  client.getOrigin()
                                      + shop("/charts/product_gmv.png?product=" + product)))
                          .build(),
                      HttpResponse.BodyHandlers.ofByteArray());
          assertEquals(200, png.statusCode());
          assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
          assertEquals(DataFolder.PNG.length, png.body().length);
          assertEquals((byte) 0x89, png.body()[0]);

          Response nonsense = client.get(shop("/charts/nonsense.svg"));
          assertEquals(404, nonsense.code());
          assertTrue(
              nonsense
                  .body()
                  .string()
                  .contains(
                      "use one of [visitors, impressions, gmv, buyers, visitors_cumulative,"
                          + " gmv_cumulative, product_visitors, product_gmv, trust_rating,"
                          + " trust_doubtful, trust_refund, shop_score, complaints, partners_active,"
                          + " partners_cancelled, affiliate_gmv, deletions_timeline] with .svg or"
                          + " .png"),
              "the refusal names every chart id as the URLs write it");
          assertEquals(404, client.get(shop("/charts/product_gmv.svg?product=999")).code());
        });
  }

  @Test
  void an_illegal_argument_inside_rebound_is_our_error_not_the_merchants_bad_request()
      throws Exception {
    ChartSource broken =
        (id, report, product, lang) -> {
          throw new IllegalArgumentException("a bug in a chart");
        };
    JavalinTest.test(
        data.served(WebConfig.defaults(), WebApp.Options.defaults().withCharts(broken)),
        (server, client) -> {
          Response svg = client.get(shop("/charts/gmv_cumulative.svg"));
          assertEquals(500, svg.code(), "a 400 would tell the merchant to fix their request");
          assertTrue(
              !svg.body().string().contains("a bug in a chart"), "internals stay in the log");
          Response bad = client.get("/api/shops/" + SHOP + "/cases/not-a-number");
          assertEquals(400, bad.code(), "the sender's own mistake is still a 400");
        });
  }

  @Test
  void a_chart_without_its_export_says_which_file_to_upload() throws Exception {
    data.workspaces()
        .upload(
            "bare",
            List.of(
                new UploadFile(
                    "订单明细.csv", () -> Files.newInputStream(Multipart.SAMPLES.resolve("订单明细.csv"))),
                new UploadFile(
                    "销量删除记录.csv",
                    () -> Files.newInputStream(Multipart.SAMPLES.resolve("销量删除记录.csv")))),
            step -> {});
    SampleShop.awaitReady(data.analyses(), "bare", "zh");
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String traffic = page(client, "/shops/bare/traffic?lang=zh");
          assertTrue(traffic.contains("未测量：请上传 商品流量.csv"), traffic);
          assertFalse(
              traffic.contains("<title>visitors</title>"),
              "no chart drawn for an unmeasured series");
          assertEquals(404, client.get("/shops/bare/charts/visitors.svg").code());
        });
    JavalinTest.test(
        data.served(WebConfig.defaults(), WebApp.Options.defaults().withCharts(ChartSource.none())),
        (server, client) -> {
          assertTrue(
              page(client, shop("/traffic?lang=zh"))
                  .contains(Messages.of(Lang.ZH).reason(Dashboards.CHART_NOT_DRAWN)),
              "without a chart source every slot says the chart is not drawn");
        });
  }

  @Test
  void product_names_and_signals_render_as_text() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (String p : List.of("/products", "/deletions", "/trust")) {
            String html = page(client, shop(p));
            assertFalse(html.contains("<a href=\"http://x\""), p);
            assertFalse(html.contains("=HYPERLINK(\"http"), p);
          }
        });
  }

  @Test
  void every_measure_table_says_its_change_is_relative_to_the_unaffected_products() {
    String product = zhReport.products().get(0).productId();
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (Lang lang : Lang.values()) {
            String hint = html(Messages.of(lang).get("measure.hint"));
            for (String p : List.of("/trust", "/partners", "/products/" + product)) {
              String html = page(client, shop(p + "?lang=" + lang.code()));
              assertTrue(html.contains(hint), p + " " + lang.code());
            }
          }
        });
  }

  @Test
  void a_trust_change_sits_beside_the_four_levels_it_is_the_difference_in_differences_of() {
    Messages msg = Messages.of(Lang.ZH);
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String html = page(client, shop("/trust?lang=zh"));
          int checked = 0;
          for (app.rebound.analysis.Measure m : zhReport.trust().shop()) {
            var a = m.affected();
            var u = m.unaffected();
            if (!m.measured() || u == null || u.before() == null || u.after() == null) {
              continue;
            }
            // the change shown is the affected products' change minus the unaffected ones'
            assertEquals(
                (a.after() - a.before()) - (u.after() - u.before()),
                m.effect().estimate(),
                1e-9,
                m.id());
            String row = row(html, "measure-" + m.id());
            assertTrue(row.contains(msg.level(m.unit(), a.before())), row);
            assertTrue(
                row.contains(
                    html(
                        msg.format(
                            "measure.unaffected",
                            msg.level(m.unit(), u.before()),
                            msg.level(m.unit(), u.after())))),
                m.id() + ": " + row);
            checked++;
          }
          assertTrue(checked > 0, "the sample has difference-in-differences measures");
        });
  }

  /** The table row with this id, up to its closing tag. */
  private static String row(String html, String id) {
    int start = html.indexOf("<tr id=\"" + id + "\"");
    assertTrue(start >= 0, id);
    return html.substring(start, html.indexOf("</tr>", start));
  }

  @Test
  void the_plan_page_ranks_the_actions_in_each_language_and_its_json_has_the_same_order()
      throws Exception {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String zh = page(client, shop("/plan?lang=zh"));
          assertTrue(
              zh.contains("找回方案") && zh.contains("逐周安排") && zh.contains("所用假设"),
              "Chinese plan page");
          String en = page(client, shop("/plan?lang=en"));
          assertTrue(
              en.contains("Ranked actions") && en.contains("Week by week"), "English plan page");
          JsonNode plan = json(client, "/api/shops/" + SHOP + "/plan?lang=en");
          JsonNode actions = plan.get("actions");
          assertTrue(actions.size() > 0);
          for (int i = 0; i < actions.size(); i++) {
            assertEquals(i + 1, actions.get(i).get("rank").asInt());
            assertTrue(
                en.contains("id=\"action-" + actions.get(i).get("id").asText() + "\""),
                "each ranked action on the page");
          }
          // The sample's WG3B2 batch looks like a real violation: clean-up comes first, and it is
          // not appealed.
          assertEquals("compliance", actions.get(0).get("id").asText());
        });
  }

  @Test
  void the_plan_downloads_as_pdf_markdown_and_spreadsheet_safe_csv() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
          byte[] pdf =
              http.send(
                      HttpRequest.newBuilder(URI.create(client.getOrigin() + shop("/plan.pdf")))
                          .build(),
                      HttpResponse.BodyHandlers.ofByteArray())
                  .body();
          assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
          byte[] csv =
              http.send(
                      HttpRequest.newBuilder(URI.create(client.getOrigin() + shop("/actions.csv")))
                          .build(),
                      HttpResponse.BodyHandlers.ofByteArray())
                  .body();
          assertEquals(0xEF, csv[0] & 0xFF, "UTF-8 BOM");
          assertTrue(page(client, shop("/plan.md")).contains("|"));
          assertEquals(404, client.get("/shops/nosuchshop/plan.pdf").code());
        });
  }

  @Test
  void sixteen_parallel_plan_pdf_requests_all_answer_the_one_rendered_document() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
          HttpRequest request =
              HttpRequest.newBuilder(URI.create(client.getOrigin() + shop("/plan.pdf"))).build();
          var pool = java.util.concurrent.Executors.newFixedThreadPool(16);
          try {
            List<java.util.concurrent.Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
              answers.add(
                  pool.submit(() -> http.send(request, HttpResponse.BodyHandlers.ofByteArray())));
            }
            byte[] first = null;
            for (var answer : answers) {
              HttpResponse<byte[]> response =
                  answer.get(120, java.util.concurrent.TimeUnit.SECONDS);
              assertEquals(200, response.statusCode());
              if (first == null) {
                first = response.body();
              }
              assertTrue(
                  java.util.Arrays.equals(first, response.body()),
                  "every request gets the same rendered document, not one render each");
            }
          } finally {
            pool.shutdown();
          }
        });
  }

  @Test
  void marking_a_planned_action_started_shows_its_measured_gain_beside_the_plans_expectation() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          JsonNode plan = json(client, "/api/shops/" + SHOP + "/plan?lang=en");
          String action = plan.at("/actions/0/id").asText();
          assertEquals(
              303,
              postForm(client, shop("/actions"), "action=" + action + "&started_on=2026-06-01"),
              "recorded, then back to the plan page");
          String html = page(client, shop("/plan?lang=en"));
          assertTrue(html.contains("id=\"taken-"), "the started action is listed");
          assertTrue(
              html.contains("over 14 days") || html.contains("not measured"),
              "its gain so far, or why not");
          JsonNode taken = json(client, "/api/shops/" + SHOP + "/actions");
          assertEquals(action, taken.get(taken.size() - 1).get("action").asText());
          assertEquals(
              400,
              postForm(client, shop("/actions"), "action=no_such_action&started_on=2026-06-01"));
        });
  }
}
