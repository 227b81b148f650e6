package app.rebound.web;

import static app.rebound.web.Http.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.ImpactReport;
import io.javalin.testtools.JavalinTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The period picker and the tiles over a chosen period, on the sample shop's analysis. */
class PeriodsTest {

  private static final String SHOP = SampleShop.ID;
  private static final Period.Query NONE = new Period.Query(null, null, null);
  private static final Period.Query LAST_7 = new Period.Query(Period.LAST_7, null, null);

  @RegisterExtension static final DataFolder data = DataFolder.now();
  private static ImpactReport report;

  @BeforeAll
  static void uploadTheSampleShopAndWaitForItsAnalysis() throws Exception {
    SampleShop.upload(data.workspaces(), SHOP);
    report = ReportCache.parse(SampleShop.awaitReady(data.analyses(), SHOP, "zh").json());
  }

  private static Dashboards.Traffic traffic(Period.Query q) {
    return Dashboards.traffic(
        SHOP, report, (id, product) -> java.util.Optional.empty(), Dashboards.period(report, q));
  }

  /** The section of a page from the element with this id to the end of its tile. */
  private static String tile(String html, String id) {
    int start = html.indexOf("id=\"tile-" + id + "\"");
    assertTrue(start >= 0, "no tile " + id);
    return html.substring(start, html.indexOf("</div>", start));
  }

  @Test
  void
      the_seven_day_loss_is_the_sum_of_the_daily_losses_of_those_days_and_a_part_of_the_loss_since_the_deletion() {
    ImpactReport.Daily daily = report.series().visitors();
    List<LocalDate> days = daily.days();
    int last = days.size() - 1;
    double sum = 0;
    double expectedMinusActual = 0;
    for (int t = last - 6; t <= last; t++) {
      sum += daily.cumulativeLoss()[t] - daily.cumulativeLoss()[t - 1];
      expectedMinusActual += daily.expected()[t] - daily.actual()[t];
    }
    Dashboards.LossView week = traffic(LAST_7).visitors();
    Dashboards.LossView since = traffic(NONE).visitors();
    assertTrue(week.measured());
    assertEquals(sum, week.loss(), 1e-9);
    // Every affected product is past its deletion on these days: the day's loss is expected −
    // actual.
    assertEquals(expectedMinusActual, week.loss(), 0.01 * 7 + 1e-9);
    // The days before the last seven and the last seven make up the loss since the deletion.
    double earlier = daily.cumulativeLoss()[last - 7];
    assertEquals(since.loss(), earlier + week.loss(), 1.0);
    assertEquals(report.traffic().visitors().loss(), since.loss());
  }

  @Test
  void a_sub_period_interval_holds_its_point_and_narrows_less_than_its_share_of_the_expected() {
    Dashboards.LossView week = traffic(LAST_7).visitors();
    Dashboards.LossView since = traffic(NONE).visitors();
    assertTrue(week.low() <= week.loss() && week.loss() <= week.high());
    double ratio = (week.high() - week.low()) / (since.high() - since.low());
    double share = week.expected() / since.expected();
    assertTrue(share < 1, "seven days are a part of the period since the deletion");
    assertTrue(ratio < 1, "a shorter period is surer than the whole");
    // Not proportional: the noise of a sum grows with the root of its size.
    assertTrue(ratio > share * 1.05, "width ratio " + ratio + " against expected share " + share);
  }

  @Test
  void the_change_against_the_period_before_is_the_plain_change_of_the_observed_totals() {
    List<LocalDate> days = new ArrayList<>();
    double[] actual = new double[21];
    for (int t = 0; t < 21; t++) {
      days.add(LocalDate.of(2026, 7, 1).plusDays(t));
      actual[t] = t < 7 ? 1000 : t < 14 ? 10 : 15; // days 8–14 sum to 70, days 15–21 to 105
    }
    double[] zero = new double[21];
    ImpactReport.Daily daily = new ImpactReport.Daily(days, actual, zero, zero, zero, zero);
    Period week = Period.resolve(LAST_7, days.get(0), days.get(20), LocalDate.of(2026, 7, 10));
    assertEquals(LocalDate.of(2026, 7, 15), week.from());
    PeriodFigures.Change change = PeriodFigures.change(daily, "visitors", week);
    assertEquals(105, change.current(), 1e-9);
    assertEquals(70, change.previous(), 1e-9);
    assertEquals(0.5, change.relative(), 1e-9);
    assertEquals(LocalDate.of(2026, 7, 8), change.previousFrom());
    assertEquals(LocalDate.of(2026, 7, 14), change.previousTo());
    // The last 30 days reach before the data: nothing to compare against, said so, no number.
    Period month =
        Period.resolve(
            new Period.Query(Period.LAST_30, null, null),
            days.get(0),
            days.get(20),
            LocalDate.of(2026, 7, 10));
    assertNull(PeriodFigures.change(daily, "visitors", month));
  }

  @Test
  void
      a_custom_period_outside_the_data_or_backwards_shows_a_message_and_falls_back_to_the_default() {
    LocalDate first = LocalDate.of(2026, 5, 1);
    LocalDate last = LocalDate.of(2026, 7, 26);
    Period outside =
        Period.resolve(
            new Period.Query(Period.CUSTOM, "2026-04-01", "2026-05-10"),
            first,
            last,
            LocalDate.of(2026, 6, 10));
    assertEquals(Period.SINCE, outside.kind());
    assertEquals("period.error.outside", outside.error());
    assertEquals(LocalDate.of(2026, 6, 10), outside.from());
    Period backwards =
        Period.resolve(
            new Period.Query(Period.CUSTOM, "2026-07-10", "2026-07-01"), first, last, null);
    assertEquals("period.error.order", backwards.error());
    Period inside =
        Period.resolve(
            new Period.Query(Period.CUSTOM, "2026-07-01", "2026-07-10"), first, last, null);
    assertNull(inside.error());
    assertEquals(10, inside.days());

    LocalDate dataLast =
        report.series().visitors().days().get(report.series().visitors().days().size() - 1);
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String html =
              page(
                  client,
                  "/shops/"
                      + SHOP
                      + "/traffic?lang=en&period=custom&from=2001-01-01&to="
                      + dataLast.plusDays(3));
          assertTrue(html.contains("id=\"period-error\""), html);
          assertTrue(html.contains("lies outside the data"));
          String defaults = page(client, "/shops/" + SHOP + "/traffic?lang=en");
          assertEquals(tile(defaults, "visitors"), tile(html, "visitors"));
        });
  }

  @Test
  void the_language_switch_keeps_the_period_and_never_echoes_a_token() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String html = page(client, "/shops/" + SHOP + "/traffic?period=7d&lang=zh&token=secret");
          assertTrue(
              html.contains("href=\"/shops/" + SHOP + "/traffic?period=7d&amp;lang=en\""),
              "the English link keeps the period");
          assertTrue(!html.contains("secret"), "the token is not put into a link");
        });
  }

  @Test
  void the_picker_is_on_every_dashboard_and_keeps_the_language() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String product = "/products/" + report.products().get(0).productId();
          for (String p : List.of("", "/traffic", "/trust", "/partners", "/products", product)) {
            String path = "/shops/" + SHOP + p;
            String html = page(client, path + "?lang=en&period=7d");
            assertTrue(html.contains("<form class=\"period-picker\""), p);
            assertTrue(html.contains("action=\"" + path + "\""), p);
            assertTrue(html.contains("<input type=\"hidden\" name=\"lang\" value=\"en\">"), p);
            assertTrue(html.contains("value=\"7d\" checked"), p);
            assertTrue(html.contains("Last 7 days ("), p);
            String zh = page(client, path + "?lang=zh&period=7d");
            assertTrue(zh.contains("<input type=\"hidden\" name=\"lang\" value=\"zh\">"), p);
            assertTrue(zh.contains("近 7 天（"), p);
          }
          // The products table keeps its sort through the picker, and its sort links the period.
          String products =
              page(client, "/shops/" + SHOP + "/products?lang=en&period=7d&sort=name");
          assertTrue(products.contains("<input type=\"hidden\" name=\"sort\" value=\"name\">"));
          assertTrue(products.contains("/products?period=7d&amp;sort=gmv\""), products);
        });
  }

  @Test
  void a_products_tiles_follow_the_period_while_its_loss_table_stays_since_the_deletion() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String path =
              "/shops/" + SHOP + "/products/" + report.products().get(0).productId() + "?lang=zh";
          String week = page(client, path + "&period=7d");
          String since = page(client, path);
          assertNotEquals(tile(week, "gmv"), tile(since, "gmv"));
          assertTrue(tile(week, "gmv").contains("近 7 天（"), tile(week, "gmv"));
          assertTrue(tile(week, "gmv").contains("环比"), tile(week, "gmv"));
          assertTrue(week.contains("id=\"losses-since\""), "the table says it keeps its run");
          assertFalse(since.contains("id=\"losses-since\""));
          String table = "<table class=\"losses";
          assertEquals(
              since.substring(
                  since.indexOf(table), since.indexOf("</table>", since.indexOf(table))),
              week.substring(week.indexOf(table), week.indexOf("</table>", week.indexOf(table))),
              "the loss table is the same in both periods");
        });
  }

  @Test
  void two_periods_give_two_different_pages_and_each_tile_names_its_period() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String path = "/shops/" + SHOP + "/traffic?lang=zh&period=";
          String week = tile(page(client, path + "7d"), "visitors");
          String month = tile(page(client, path + "30d"), "visitors");
          String since = tile(page(client, path + "since"), "visitors");
          assertNotEquals(week, month);
          assertNotEquals(month, since);
          assertEquals(week, tile(page(client, path + "7d"), "visitors"));
          assertTrue(week.contains("近 7 天（"), week);
          assertTrue(week.contains("环比"), week);
          // The table's download follows the page's period.
          assertTrue(page(client, path + "7d").contains("losses.xlsx?period=7d&amp;lang=zh\""));
          String overview = page(client, "/shops/" + SHOP + "?lang=zh&period=7d");
          assertTrue(tile(overview, "average_rating").contains("不随所选时段变化"));
          assertFalse(
              tile(page(client, "/shops/" + SHOP + "?lang=zh"), "average_rating")
                  .contains("不随所选时段变化"));
        });
  }

  @Test
  void a_day_counts_each_product_only_from_its_own_deletion() {
    // Two products: one deleted on day 1, one on day 3; the second's fit before its deletion
    // misses by 4 a day, which is no loss. The cumulative loss steps by 1, then by 6.
    List<LocalDate> days = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      days.add(LocalDate.of(2026, 7, 1).plusDays(t));
    }
    double[] actual = {10, 10, 10, 10};
    double[] expected = {15, 15, 16, 16};
    double[] cumulative = {1, 2, 8, 14};
    ImpactReport.Daily daily =
        new ImpactReport.Daily(days, actual, expected, expected, expected, cumulative);
    ImpactReport.Loss full =
        new ImpactReport.Loss(true, null, null, "visitors", 14, 4, 24, true, 62.0, null, null);
    Period firstTwo =
        Period.resolve(
            new Period.Query(Period.CUSTOM, "2026-07-01", "2026-07-02"),
            days.get(0),
            days.get(3),
            days.get(0));
    assertEquals(2, PeriodFigures.loss(full, daily, firstTwo, days.get(0)).loss(), 1e-9);
  }

  @Test
  void a_tile_names_its_period_in_words_with_its_days() {
    Period p =
        Period.resolve(
            LAST_7, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 7, 26), LocalDate.of(2026, 6, 1));
    assertEquals("近 7 天（2026-07-20 至 07-26）", p.label(Messages.of(Lang.ZH)));
    assertEquals("Last 7 days (2026-07-20 to 07-26)", p.label(Messages.of(Lang.EN)));
  }
}
