package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.service.Analyses;
import app.rebound.store.Workspaces;
import io.javalin.Javalin;
import io.javalin.testtools.JavalinTest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case followed through the pages as a merchant does: opened from its group, submitted with a
 * follow-up date, listed as due on that day, approved; the restored orders then count as sales
 * again.
 */
class CasePagesTest {

  @TempDir Path data;

  record Posted(int status, String location, String body) {}

  static Posted post(String origin, String path, String form) throws Exception {
    HttpResponse<String> response = BrowserSession.open(origin).post(path, form);
    return new Posted(
        response.statusCode(),
        response.headers().firstValue("Location").orElse(""),
        response.body());
  }

  static String form(String... pairs) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      out.append(out.length() == 0 ? "" : "&")
          .append(pairs[i])
          .append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  @Test
  void a_case_is_opened_from_its_group_followed_up_and_approved_and_its_orders_count_again()
      throws Exception {
    AppealPagesTest.MovableClock clock = new AppealPagesTest.MovableClock();
    try (Workspaces workspaces = new Workspaces(data, clock)) {
      Analyses analyses = new Analyses(workspaces, clock, 1);
      SampleShop.upload(workspaces, "s");
      SampleShop.awaitReady(analyses, "s", "zh");
      AppealGroup group = analyses.appeal("s").orElseThrow().groups().get(0);
      long deletedBefore =
          Json.MAPPER.readTree(analyses.status("s", "zh").json()).at("/deletions/orders").asLong();
      // Two days before the deadline (the movable clock reads its instant as local time).
      clock.set(group.deadline().minusDays(2));
      Javalin web =
          WebApp.create(workspaces, analyses, WebConfig.defaults(), DataFolder.DASHBOARDS);
      JavalinTest.test(
          web,
          (server, client) -> {
            String origin = client.getOrigin();
            Posted opened = post(origin, "/shops/s/appeal/" + group.id() + "/case", "");
            assertEquals(303, opened.status());
            assertTrue(opened.location().matches("/shops/s/cases/\\d+"), opened.location());
            String casePage = client.get(opened.location() + "?lang=en").body().string();
            assertTrue(casePage.contains("Draft"));

            String today = group.deadline().minusDays(2).toLocalDate().toString();
            String followUp = group.deadline().minusDays(1).toLocalDate().toString();
            assertEquals(
                303,
                post(
                        origin,
                        opened.location() + "/events",
                        form(
                            "status",
                            "submitted",
                            "date",
                            today,
                            "follow_up_on",
                            followUp,
                            "note",
                            "<b>提交</b> 42 笔"))
                    .status());
            assertFalse(
                client.get("/shops/s/cases?lang=en").body().string().contains("id=\"cases-due\""),
                "not due before its follow-up day");
            clock.set(group.deadline().minusDays(1));
            String list = client.get("/shops/s/cases?lang=en").body().string();
            assertTrue(list.contains("id=\"cases-due\""), "due on its follow-up day");
            assertTrue(
                list.contains(group.productName() + "<br><code>" + group.productId() + "</code>"),
                "the case's product is named, beside its id");
            casePage = client.get(opened.location() + "?lang=en").body().string();
            assertTrue(
                casePage.contains("&lt;b&gt;提交&lt;/b&gt; 42 笔"),
                "the note renders as text, not HTML");

            Posted refused = post(origin, opened.location() + "/events", form("status", "draft"));
            assertEquals(409, refused.status(), "submitted cannot go back to draft");

            Posted approved =
                post(
                    origin,
                    opened.location() + "/events",
                    form(
                        "status",
                        "approved",
                        "date",
                        group.deadline().minusDays(1).toLocalDate().toString()));
            assertEquals(303, approved.status(), approved.body());
            casePage = client.get(opened.location() + "?lang=en").body().string();
            assertTrue(
                casePage.contains("id=\"case-restored\">" + group.orders().size() + "<"),
                "all orders restored");
            assertTrue(casePage.contains("The case is finished"));
            assertEquals(
                3,
                casePage.split("<li><strong>").length - 1,
                "draft, submitted, approved in the history");
          });
      Analyses.Status after = SampleShop.awaitReady(analyses, "s", "zh");
      long deletedAfter = Json.MAPPER.readTree(after.json()).at("/deletions/orders").asLong();
      assertEquals(
          deletedBefore - group.orders().size(),
          deletedAfter,
          "the restored orders count as sales again");
      analyses.close();
    }
  }
}
