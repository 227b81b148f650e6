package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.store.Workspaces;
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
                  new String[] {"orders", "cards", "commissions", "after_sales", "deletions"}) {
                assertTrue(html.contains(msg.get("downloads." + id + ".name")), lang + " " + id);
              }
              assertTrue(
                  html.contains("class=\"own-layout\"><td>" + msg.get("downloads.deletions.name")),
                  "our own layouts are set apart");
            }
          });
    }
  }
}
