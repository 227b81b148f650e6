package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.store.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upload form names the files merchants download and takes the file types Rebound reads. */
class UploadPageTest {

  @TempDir Path dataDir;

  @Test
  void the_upload_form_lists_the_downloads_and_accepts_xlsx_and_zip_in_both_languages()
      throws Exception {
    try (Workspaces workspaces =
        new Workspaces(
            dataDir,
            Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneId.of("Asia/Shanghai")))) {
      JavalinTest.test(
          WebApp.create(workspaces, WebConfig.defaults()),
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
                  html.contains("class=\"own-layout\"><td>" + msg.get("downloads.deletions.name")),
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
  }

  @Test
  void a_warning_is_in_the_upload_answer_and_on_the_uploads_page_in_both_languages()
      throws Exception {
    try (Workspaces workspaces =
        new Workspaces(
            dataDir,
            Clock.fixed(Instant.parse("2026-11-27T02:00:00Z"), ZoneId.of("Asia/Shanghai")))) {
      JavalinTest.test(
          WebApp.create(workspaces, WebConfig.defaults()),
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
  }
}
