package app.rebound.web;

import static app.rebound.web.Http.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.report.AppealPackWriter;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The appeal workbench over the sample shop, at moments chosen around its notice: the time left,
 * the 48-hour warning and the closed window are read from the clock of the request, not of the
 * analysis.
 */
class AppealPagesTest {

  private static final String SHOP = SampleShop.ID;

  /** A clock the test moves: the workspaces read "now" from it on every request. */
  static final class MovableClock extends Clock {
    volatile Instant now = Instant.parse("2026-06-01T00:00:00Z");

    void set(LocalDateTime at) {
      now = at.toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final MovableClock CLOCK = new MovableClock();

  @RegisterExtension static final DataFolder data = DataFolder.on(CLOCK);
  private static AppealGroup group;

  @BeforeAll
  static void uploadTheSampleShop() throws Exception {
    SampleShop.upload(data.workspaces(), SHOP);
    SampleShop.awaitReady(data.analyses(), SHOP, "zh");
    AppealReport report = data.analyses().appeal(SHOP).orElseThrow();
    group = report.groups().get(0);
  }

  @Test
  void
      a_group_under_48_hours_from_its_deadline_is_flagged_urgent_on_the_workbench_and_the_overview() {
    CLOCK.set(group.deadline().minusHours(30));
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          for (Lang lang : Lang.values()) {
            Messages msg = Messages.of(lang);
            String workbench = page(client, "/shops/" + SHOP + "/appeal?lang=" + lang.code());
            assertTrue(
                workbench.contains("id=\"group-" + group.id() + "\" class=\"urgent\""),
                "urgent row");
            assertTrue(workbench.contains(msg.hoursLeft(30)), msg.hoursLeft(30));
            String overview = page(client, "/shops/" + SHOP + "?lang=" + lang.code());
            assertTrue(overview.contains("id=\"appeal-urgent\""), "the overview warns");
            assertTrue(
                overview.contains(msg.deadline(group.deadline())),
                "the overview names the nearest deadline");
          }
        });
  }

  @Test
  void a_group_with_days_left_is_offered_without_the_warning() {
    CLOCK.set(group.deadline().minusHours(24 * 5 + 3));
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          Messages msg = Messages.of(Lang.EN);
          String workbench = page(client, "/shops/" + SHOP + "/appeal?lang=en");
          assertTrue(
              workbench.contains("id=\"group-" + group.id() + "\" class=\"\""), "open, not urgent");
          assertTrue(
              workbench.contains(msg.hoursLeft(24 * 5 + 3))
                  && msg.hoursLeft(123).equals("5 d 3 h left"));
          assertFalse(page(client, "/shops/" + SHOP + "?lang=en").contains("id=\"appeal-urgent\""));
        });
  }

  @Test
  void a_group_past_its_deadline_is_marked_closed_and_not_offered() throws Exception {
    CLOCK.set(group.deadline().plusMinutes(1));
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          // The language is asked for: the test client's cookie jar outlives one test, and a page
          // remembers the language an earlier test chose.
          Messages msg = Messages.of(Lang.ZH);
          String workbench = page(client, "/shops/" + SHOP + "/appeal?lang=zh");
          assertTrue(workbench.contains(msg.get("appeal.closed.badge")));
          String detail = page(client, "/shops/" + SHOP + "/appeal/" + group.id() + "?lang=zh");
          assertTrue(detail.contains("id=\"group-closed\""), "the group page says it is closed");
          JsonNode json =
              Json.MAPPER.readTree(client.get("/api/shops/" + SHOP + "/appeal").body().string());
          JsonNode g = json.get("groups").get(0);
          assertTrue(g.get("closed").asBoolean());
          assertTrue(g.get("pack").isNull(), "no pack is offered for a closed group");
          assertEquals(0, g.get("hours_left").asLong());
          assertFalse(detail.contains("id=\"appeal-letter\""), "no letter for a closed group");
          assertEquals(
              409, client.get("/shops/" + SHOP + "/appeal/" + group.id() + "/pack.zip").code());
        });
  }

  @Test
  void the_group_page_lists_exactly_the_groups_orders_with_their_proofs() {
    CLOCK.set(group.deadline().minusDays(3));
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String detail = page(client, "/shops/" + SHOP + "/appeal/" + group.id() + "?lang=en");
          for (String order : group.orders()) {
            assertTrue(detail.contains("id=\"order-" + order + "\""), order);
          }
          assertEquals(group.orders().size(), detail.split("<tr id=\"order-").length - 1);
          Messages msg = Messages.of(Lang.EN);
          assertTrue(detail.contains(msg.get("verdict.appeal")));
          assertEquals(404, client.get("/shops/" + SHOP + "/appeal/no-such-group").code());
        });
  }

  @Test
  void an_open_group_shows_its_letter_and_downloads_its_pack_in_the_pages_language() {
    CLOCK.set(group.deadline().minusDays(2));
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String detail = page(client, "/shops/" + SHOP + "/appeal/" + group.id());
          assertTrue(detail.contains("id=\"letter-body\""), "the letter is shown");
          List<String> warnings = new ArrayList<>();
          Matcher warn = Pattern.compile("<p class=\"warn\"[^>]*>([^<]*)</p>").matcher(detail);
          while (warn.find()) {
            warnings.add(warn.group(1));
          }
          assertEquals(
              warnings.stream().distinct().count(), warnings.size(), "a warning said twice");
          assertTrue(
              detail.contains(group.orders().get(0)) && detail.contains("id=\"short-reason\""));
          var http = java.net.http.HttpClient.newHttpClient();
          var response =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:"
                                  + server.port()
                                  + "/shops/"
                                  + SHOP
                                  + "/appeal/"
                                  + group.id()
                                  + "/pack.zip?lang=en"))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
          assertEquals(200, response.statusCode());
          assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse(""));
          assertTrue(
              response
                  .headers()
                  .firstValue("Content-Disposition")
                  .orElse("")
                  .contains(group.pack()));
          List<String> entries = new ArrayList<>();
          try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
              entries.add(e.getName());
            }
          }
          assertEquals(AppealPackWriter.ENTRIES, entries);
        });
  }

  @Test
  void orders_that_look_fake_are_listed_as_not_to_appeal_with_their_reasons() throws Exception {
    AppealReport report = data.analyses().appeal(SHOP).orElseThrow();
    var refused =
        report.orders().stream().filter(o -> o.verdict().equals("do_not_appeal")).toList();
    assertFalse(refused.isEmpty(), "the sample's WG3B2 batch looks like a real violation");
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String workbench = page(client, "/shops/" + SHOP + "/appeal?lang=zh");
          assertTrue(workbench.contains(refused.get(0).orderId()));
          assertTrue(workbench.contains("所在批次整体看像真实违规"), "the reason is given in Chinese");
          for (var g : report.groups()) {
            assertFalse(
                g.orders().contains(refused.get(0).orderId()), "a refused order is in no group");
          }
        });
  }
}
