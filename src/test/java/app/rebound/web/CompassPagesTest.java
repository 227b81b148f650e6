package app.rebound.web;

import static app.rebound.web.Http.json;
import static app.rebound.web.Http.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.analysis.CompassExports;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The traffic page with the 罗盘 成交分析 workbook and two 流量来源 periods uploaded beside the sample shop:
 * the shop's exposure before and after the deletion, the channels of the latest period, the product
 * sales check, and the upload's report of the workbook's sheets.
 */
class CompassPagesTest {

  private static final String SHOP = "compass";

  @RegisterExtension static final DataFolder data = DataFolder.now();

  @BeforeAll
  static void uploadTheSampleWithTheCompassExports() throws Exception {
    SampleShop.upload(data.workspaces(), SHOP, SampleShop.compassFiles());
    SampleShop.awaitReady(data.analyses(), SHOP, "zh");
    SampleShop.awaitReady(data.analyses(), SHOP, "en");
  }

  @Test
  void the_traffic_page_shows_the_compass_figures_in_chinese_and_in_english() throws Exception {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (Lang lang : Lang.values()) {
            Messages msg = Messages.of(lang);
            String q = "?lang=" + lang.name().toLowerCase();
            String page = page(client, "/shops/" + SHOP + "/traffic" + q);
            assertFalse(page.contains("??"), "no missing key");
            JsonNode api = json(client, "/api/shops/" + SHOP + "/traffic" + q);
            var compass = Json.MAPPER.treeToValue(api.get("compass"), CompassExports.Result.class);

            // 成交概览: 直播 1,000 + 商品卡 500 a day before 2026-05-30, 500 + 500 from it.
            var shop = compass.shopTraffic();
            assertTrue(shop.measured(), String.valueOf(shop.reason()));
            assertEquals(LocalDate.of(2026, 5, 30), shop.split());
            assertEquals(LocalDate.of(2026, 5, 2), shop.beforeFrom(), "the 28 days before it");
            assertEquals(LocalDate.of(2026, 6, 14), shop.afterTo());
            assertEquals(1500, shop.rows().get(0).before(), "summed over 载体类型, 全部 left out");
            assertEquals(1000, shop.rows().get(0).after());
            assertTrue(page.contains(msg.get("compass.shop.title")));
            assertTrue(
                page.contains(
                    msg.format(
                        "compass.shop.periods",
                        msg.date(shop.beforeFrom()),
                        msg.date(shop.beforeTo()),
                        msg.number(28),
                        msg.date(shop.afterFrom()),
                        msg.date(shop.afterTo()),
                        msg.number(16))),
                "both periods named");
            assertTrue(page.contains(">" + msg.level(null, 1500.0) + "<"));
            assertTrue(page.contains(">" + TrafficTables.change(msg, -1 / 3.0) + "<"));

            // 流量来源: May's figures only, and the page says April was uploaded too.
            var sources = compass.sources();
            assertEquals(LocalDate.of(2026, 5, 1), sources.from());
            assertEquals(2, sources.periods());
            assertTrue(page.contains(msg.get("compass.sources.title")));
            assertTrue(
                page.contains(
                    msg.format(
                        "compass.sources.period",
                        msg.date(LocalDate.of(2026, 5, 1)),
                        msg.date(LocalDate.of(2026, 5, 31)))));
            assertTrue(page.contains(msg.format("compass.sources.latest", msg.number(2))));
            assertTrue(page.contains("\">搜索</td>"));
            assertTrue(page.contains(">" + msg.number(2000) + "<"), "May's 推荐 exposure");
            assertFalse(page.contains(">" + msg.number(14000) + "<"), "not April's");
            assertFalse(page.contains(">" + msg.number(16000) + "<"), "nor the two added");
            assertTrue(page.contains(">" + msg.percent(0.1111) + "<"), "a rate as a percentage");

            // 商品构成: ¥10 a day for each of two products over 45 days.
            var deal = compass.dealProducts();
            assertEquals(900.0, deal.gmv());
            assertEquals(2, deal.rows().size());
            assertTrue(
                page.contains(
                    msg.format(
                        "compass.products.totals",
                        msg.money(900),
                        msg.money(deal.ordersGmv()),
                        msg.number(deal.daysOrdersLack()),
                        msg.money(deal.gmvOrdersLack()))));
            assertTrue(page.contains("<code>3500000000003000009</code>"));
            for (String table : new String[] {"shop-traffic", "traffic-sources", "deal-products"}) {
              assertTrue(page.contains("/traffic/tables/" + table + ".xlsx"), table);
              assertEquals(
                  200,
                  client.get("/shops/" + SHOP + "/traffic/tables/" + table + ".xlsx" + q).code(),
                  table);
            }
          }
        });
  }

  @Test
  void the_uploads_page_names_each_sheet_of_the_workbook_with_its_kind_or_why_not()
      throws Exception {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String zh = page(client, "/shops/" + SHOP + "/uploads?lang=zh");
          assertTrue(zh.contains(SampleShop.DEAL_WORKBOOK + " [成交概览]"), zh);
          assertTrue(zh.contains(Messages.of(Lang.ZH).kind("deal_overview")));
          assertTrue(zh.contains(Messages.of(Lang.ZH).kind("traffic_sources")));
          assertTrue(zh.contains("罗盘成交分析工作簿的工作表 人群构成 本工具不使用"), "not 'unknown header'");
          assertTrue(zh.contains("已去掉合计行（全部）1 行"), "the 全部 row is said, not hidden");
          String en = page(client, "/shops/" + SHOP + "/uploads?lang=en");
          assertTrue(en.contains("sheet 人群构成 of the 罗盘 成交分析 workbook is not used by Rebound"));
          assertTrue(en.contains("Total rows (全部) dropped: 1"));
        });
  }
}
