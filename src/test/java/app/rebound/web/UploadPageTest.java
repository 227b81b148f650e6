package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The upload form names the files merchants download and takes the file types Rebound reads. */
class UploadPageTest {

  @RegisterExtension final DataFolder data = DataFolder.at("2026-11-27T02:00:00Z");

  @Test
  void the_upload_form_lists_the_downloads_and_accepts_xlsx_and_zip_in_both_languages()
      throws Exception {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          for (String lang : new String[] {"zh", "en"}) {
            String html = client.get("/?lang=" + lang).body().string();
            Messages msg = Messages.of(lang.equals("zh") ? Lang.ZH : Lang.EN);
            assertTrue(html.contains("accept=\".csv,.tsv,.txt,.xlsx,.xlsm,.xls,.zip"), html);
            for (String id :
                new String[] {
                  "orders",
                  "cards",
                  "sources",
                  "deal",
                  "commissions",
                  "after_sales",
                  "settlements",
                  "deletions"
                }) {
              assertTrue(html.contains(msg.get("downloads." + id + ".name")), lang + " " + id);
            }
            assertTrue(
                html.contains(
                    "class=\"own-layout\"><td data-label=\""
                        + msg.get("downloads.name")
                        + "\">"
                        + msg.get("downloads.deletions.name")),
                "our own layouts are set apart");
            assertTrue(
                msg.get("downloads.deletions.where").contains(msg.get("notice.title")),
                "the deletions row points to the form that takes a pasted notice");
          }
          Multipart.samples("订单明细.csv").postTo(client, "/api/shops/demo/uploads");
          for (String lang : new String[] {"zh", "en"}) {
            String html = client.get("/shops/demo/uploads?lang=" + lang).body().string();
            Messages msg = Messages.of(lang.equals("zh") ? Lang.ZH : Lang.EN);
            assertTrue(html.contains("<h2>" + msg.get("notice.title") + "</h2>"), lang);
            assertTrue(html.contains("name=\"order_ids\""), lang);
          }
        });
  }

  @Test
  void a_warning_is_in_the_upload_answer_and_on_the_uploads_page_in_both_languages()
      throws Exception {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          // The sample's orders repeat one accepted line.
          String answer =
              Multipart.samples("订单明细.csv")
                  .postTo(client, "/api/shops/demo/uploads")
                  .body()
                  .string();
          JsonNode warning = Json.MAPPER.readTree(answer).at("/files/0/warnings/0");
          assertEquals("repeated_key", warning.get("code").asText(), answer);
          assertEquals(1, warning.get("count").asLong());
          String example = warning.at("/examples/0").asText();

          String zh = client.get("/shops/demo/uploads?lang=zh").body().string();
          assertTrue(zh.contains("1 行与本文件中更早的一行 子订单编号 相同"), zh);
          assertTrue(zh.contains("<code>" + example + "</code>"), "its example is shown");
          String en = client.get("/shops/demo/uploads?lang=en").body().string();
          assertTrue(
              en.contains("Rows repeating the 子订单编号 of an earlier row of this file: 1."), en);
        });
  }

  @Test
  void a_custom_orders_export_names_each_missing_column_with_its_cost_on_the_page_and_in_ingest()
      throws Exception {
    JavalinTest.test(
        data.app(),
        (server, client) -> {
          String custom =
              "主订单编号,子订单编号,商品ID,商品数量,订单应付金额,订单提交时间,支付完成时间,订单状态,售后状态\n"
                  + "\t6920000000000000001,\t6920000000000000011,\t3500000000000000001,1,29.90,"
                  + "2026-09-10 08:00:00,2026-09-10 08:01:00,已完成,-\n";
          Multipart.form()
              .file("file", "订单明细.csv", custom)
              .postTo(client, "/api/shops/demo/uploads");
          JsonNode ingest =
              Json.MAPPER.readTree(client.get("/api/shops/demo/ingest").body().string());
          List<String> codes = new ArrayList<>();
          ingest.at("/files/0/warnings").forEach(w -> codes.add(w.get("code").asText()));
          assertEquals(
              List.of("orders_no_affiliate_id", "orders_no_logistics"), codes, ingest::toString);

          String zh = client.get("/shops/demo/uploads?lang=zh").body().string();
          assertTrue(zh.contains("没有 快递信息 列：申诉证据里没有物流单号"), zh);
          assertTrue(zh.contains("没有 达人ID 列：达人合作的影响无法从订单估计"), zh);
          String en = client.get("/shops/demo/uploads?lang=en").body().string();
          assertTrue(en.contains("No 快递信息 column: the appeal evidence has no waybills"), en);
        });
  }
}
