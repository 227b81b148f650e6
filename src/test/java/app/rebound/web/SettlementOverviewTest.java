package app.rebound.web;

import static app.rebound.web.Http.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.analysis.Reason;
import app.rebound.ingest.ExportReader;
import app.rebound.store.UploadFile;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tech.tablesaw.api.Table;

/**
 * The overview's settled-money tile: with a 结算账单 uploaded it shows the settled total over the
 * export's period, the deleted orders' settled part and the share of paid GMV settled, the same in
 * its JSON; without one it says which export to upload.
 */
class SettlementOverviewTest {

  private static final String SETTLED_SHOP = "settled";
  private static final String PLAIN_SHOP = "plain";
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @RegisterExtension static final DataFolder data = DataFolder.now();

  /** What the generated settlement export holds, added up here, apart from the analysis. */
  private static double settledTotal;

  private static int deletedSettledOrders;
  private static double deletedSettledTotal;
  private static LocalDate from;
  private static LocalDate to;
  private static double paidGmv;
  private static double paidGmvSettled;

  @BeforeAll
  static void uploadTwoShopsAndWaitForTheirAnalyses() throws Exception {
    byte[] settlement = settlementOfTheSampleOrders();
    List<UploadFile> plain = samples("订单明细.csv", "销量删除记录.csv");
    List<UploadFile> settled = new ArrayList<>(plain);
    settled.add(new UploadFile("结算账单.csv", () -> new ByteArrayInputStream(settlement)));
    data.workspaces().upload(SETTLED_SHOP, settled, step -> {});
    data.workspaces().upload(PLAIN_SHOP, plain, step -> {});
    for (String lang : List.of("zh", "en")) {
      SampleShop.awaitReady(data.analyses(), SETTLED_SHOP, lang);
      SampleShop.awaitReady(data.analyses(), PLAIN_SHOP, lang);
    }
  }

  private static List<UploadFile> samples(String... names) {
    List<UploadFile> files = new ArrayList<>();
    for (String name : names) {
      Path file = SampleShop.samples().resolve(name);
      files.add(new UploadFile(name, () -> Files.newInputStream(file)));
    }
    return files;
  }

  /**
   * A 结算账单 as downloaded (title line, ids with an apostrophe, ¥ amounts with separators): two in
   * three paid orders settle a week after payment, at 94% of what was paid, and so does every
   * deleted order.
   */
  private static byte[] settlementOfTheSampleOrders() throws Exception {
    Table orders = read("订单明细.csv");
    Set<String> deleted = new HashSet<>(read("销量删除记录.csv").stringColumn("sub_order_id").asList());
    List<String[]> settledRows = new ArrayList<>();
    Set<String> settledIds = new HashSet<>();
    for (int row = 0; row < orders.rowCount(); row++) {
      LocalDateTime paid = orders.dateTimeColumn("paid_at").get(row);
      String id = orders.stringColumn("sub_order_id").get(row);
      if (paid == null
          || orders.stringColumn("order_status").get(row).equals("已关闭")
          || settledIds.contains(id)) {
        continue;
      }
      if (row % 3 == 2 && !deleted.contains(id)) {
        continue;
      }
      double amount = Math.round(orders.doubleColumn("payable_amount").get(row) * 94) / 100.0;
      LocalDateTime at = paid.plusDays(7);
      settledRows.add(
          new String[] {
            at.format(TIME),
            "'" + id,
            String.format(Locale.ROOT, "\"¥%,.2f\"", amount),
            "'" + orders.stringColumn("product_id").get(row)
          });
      settledIds.add(id);
      settledTotal += amount;
      if (deleted.contains(id)) {
        deletedSettledOrders++;
        deletedSettledTotal += amount;
      }
      from = from == null || at.toLocalDate().isBefore(from) ? at.toLocalDate() : from;
      to = to == null || at.toLocalDate().isAfter(to) ? at.toLocalDate() : to;
    }
    Set<String> counted = new HashSet<>(); // the sample repeats a few orders: one row each
    for (int row = 0; row < orders.rowCount(); row++) {
      LocalDateTime paid = orders.dateTimeColumn("paid_at").get(row);
      if (!counted.add(orders.stringColumn("sub_order_id").get(row))
          || paid == null
          || orders.stringColumn("order_status").get(row).equals("已关闭")
          || paid.toLocalDate().isBefore(from)
          || paid.toLocalDate().isAfter(to)) {
        continue;
      }
      double payable = orders.doubleColumn("payable_amount").get(row);
      paidGmv += payable;
      if (settledIds.contains(orders.stringColumn("sub_order_id").get(row))) {
        paidGmvSettled += payable;
      }
    }
    StringBuilder csv = new StringBuilder("\uFEFF结算账单,示例小店\n结算时间,子订单号,结算金额,商品ID\n");
    for (String[] r : settledRows) {
      csv.append(String.join(",", r)).append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static Table read(String sample) throws Exception {
    try (InputStream in = Files.newInputStream(SampleShop.samples().resolve(sample))) {
      return ExportReader.read(sample, in).table();
    }
  }

  /** The tile's HTML: from its opening to the next tile. */
  private static String tile(String html) {
    int start = html.indexOf("id=\"tile-settled\"");
    assertTrue(start >= 0, "the overview has the settled tile");
    int end = html.indexOf("<div class=\"tile\"", start);
    return html.substring(start, end < 0 ? html.length() : end);
  }

  @Test
  void the_overview_shows_the_settled_money_beside_gmv_in_both_languages() {
    assertTrue(deletedSettledOrders > 0, "the generated export settles deleted orders");
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          long deletedOrders =
              Json.MAPPER
                  .readTree(page(client, "/api/shops/" + SETTLED_SHOP + "/overview"))
                  .at("/deletions/orders")
                  .asLong();
          assertTrue(deletedOrders >= deletedSettledOrders, "every deleted order is counted");
          for (Lang lang : Lang.values()) {
            Messages msg = Messages.of(lang);
            String html = page(client, "/shops/" + SETTLED_SHOP + "?lang=" + lang.code());
            assertTrue(
                html.indexOf("id=\"tile-gmv\"") < html.indexOf("id=\"tile-settled\""),
                "beside GMV");
            String tile = tile(html);
            assertTrue(tile.contains(msg.get("overview.settled")), tile);
            assertTrue(tile.contains(msg.money(settledTotal)), msg.money(settledTotal) + tile);
            assertTrue(
                tile.contains(msg.format("overview.settled.period", msg.date(from), msg.date(to))),
                "the period is named: " + tile);
            assertTrue(
                tile.contains(
                    msg.format(
                        "overview.settled.share",
                        msg.percent(paidGmvSettled / paidGmv),
                        msg.money(paidGmv))),
                tile);
            String deletedLine =
                msg.format(
                    "overview.settled.deleted",
                    msg.number(deletedSettledOrders),
                    msg.number(deletedOrders),
                    msg.money(deletedSettledTotal));
            assertTrue(tile.contains(deletedLine), deletedLine + " in " + tile);
            assertFalse(tile.contains("??"), tile);
          }
          String zh = tile(page(client, "/shops/" + SETTLED_SHOP + "?lang=zh"));
          assertTrue(zh.contains("不是货款"), "the deleted money reached the shop: " + zh);
          String words = zh.substring(zh.indexOf('>') + 1).replaceAll("<[^>]*>", "");
          assertFalse(
              words.matches("(?s).*[A-Za-z]{4,}.*"), "no English on the Chinese tile: " + words);
        });
  }

  @Test
  void the_overview_json_holds_the_same_settled_figures() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          Response response = client.get("/api/shops/" + SETTLED_SHOP + "/overview");
          assertEquals(200, response.code());
          JsonNode s = Json.MAPPER.readTree(response.body().string()).get("settlement");
          assertTrue(s.get("measured").asBoolean());
          assertEquals(from.toString(), s.get("from").asText());
          assertEquals(to.toString(), s.get("to").asText());
          assertEquals(settledTotal, s.get("settled").asDouble(), 0.005);
          assertEquals(deletedSettledOrders, s.get("deleted_orders_settled").asInt());
          assertEquals(deletedSettledTotal, s.get("deleted_settled").asDouble(), 0.005);
          assertEquals(paidGmv, s.get("paid_gmv").asDouble(), 0.005);
          assertEquals(paidGmvSettled / paidGmv, s.get("settled_share").asDouble(), 0.0001);
          JsonNode impact =
              Json.MAPPER
                  .readTree(client.get("/api/shops/" + SETTLED_SHOP + "/impact").body().string())
                  .get("settlement");
          assertEquals(s.get("settled").asDouble(), impact.get("settled").asDouble());
        });
  }

  @Test
  void without_a_settlement_export_the_tile_says_which_download_adds_it() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (Lang lang : Lang.values()) {
            String tile = tile(page(client, "/shops/" + PLAIN_SHOP + "?lang=" + lang.code()));
            assertTrue(tile.contains(Reason.of("upload", "结算账单.csv").text(lang == Lang.ZH)), tile);
            assertFalse(tile.contains("¥"), "no figure without the export: " + tile);
          }
          JsonNode s =
              Json.MAPPER
                  .readTree(client.get("/api/shops/" + PLAIN_SHOP + "/overview").body().string())
                  .get("settlement");
          assertFalse(s.get("measured").asBoolean());
          assertTrue(s.get("settled").isNull(), "not measured is null, never 0");
          assertEquals("结算账单.csv", s.get("needs").asText());
        });
  }
}
