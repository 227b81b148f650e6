package app.rebound.browser;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.rebound.Json;
import app.rebound.Slow;
import app.rebound.service.Alerts;
import app.rebound.service.Analyses;
import app.rebound.store.Workspaces;
import app.rebound.web.Period;
import app.rebound.web.WebApp;
import app.rebound.web.WebConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Wait;

/**
 * The dashboards as a merchant sees them: a real (headless) Chromium creates a shop through the
 * page's upload form, waits for the analysis, and reads every dashboard page in Chinese and in
 * English, with the charts drawn by the app. Full-page screenshots go to
 * target/screenshots/{page}_{lang}.png.
 *
 * <p>Runs against Debian's chromium and chromium-driver (what .ci/run installs); nothing is
 * downloaded: Selenium is given both paths, so Selenium Manager never runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Slow
class DashboardBrowserTest {

  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path SAMPLES = Path.of("src/test/resources/samples/douyin-export-small");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String SHOP = "browser";
  private static final Duration ANALYSIS_TIMEOUT = Duration.ofSeconds(60);
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

  /**
   * A dashboard page: its path under the shop, its heading per language, and a word its charts
   * draw.
   */
  private record Page(
      String name,
      String path,
      String zhHeading,
      String enHeading,
      String zhLabel,
      String enLabel) {
    boolean hasCharts() {
      return zhLabel != null;
    }
  }

  private static final List<Page> PAGES =
      List.of(
          new Page(
              "overview",
              "",
              "店铺 browser：销量删除造成的损失",
              "Shop browser: what the deletions cost",
              "销量删除批次",
              "Sales deletions by batch"),
          new Page("traffic", "/traffic", "流量损失", "Traffic lost", "实际", "Actual"),
          new Page("trust", "/trust", "转化与信任", "Conversion & trust", "实际", "Actual"),
          new Page("partners", "/partners", "达人合作", "Partners (affiliates)", "达人数", "Affiliates"),
          new Page(
              "deletions", "/deletions", "删除记录", "Deletions", "销量删除批次", "Sales deletions by batch"),
          new Page("products", "/products", "受影响的商品", "Affected products", null, null),
          new Page("appeal", "/appeal", "申诉工作台", "Appeal workbench", null, null));

  /**
   * The moment the browser sees: 35 hours before the sample's first appeal deadline (its WG3B1
   * notice was processed 2026-05-30, Beijing time), so the workbench has an open, urgent group to
   * show.
   */
  private static final Clock CLOCK =
      Clock.fixed(
          LocalDateTime.parse("2026-06-04T13:00:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
          ZoneId.of("Asia/Shanghai"));

  @TempDir static Path data;
  @TempDir static Path profile;
  private static Workspaces workspaces;
  private static Analyses analyses;
  private static Javalin app;
  private static String base;
  private static ChromeDriver driver;
  private static String productPath;
  private static String appealGroupPath;
  private static String casePath;
  private static Alerts alerts;
  private static HttpServer receiver;
  private static URI robot;
  private static final List<JsonNode> robotMessages = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start_the_app_and_a_headless_chromium() throws Exception {
    assertTrue(
        Files.isExecutable(CHROMEDRIVER),
        CHROMEDRIVER
            + " is missing: the browser tests need Debian's "
            + "chromium-driver (apt-get install chromium chromium-driver; .ci/run installs both)");
    assertTrue(
        Files.isExecutable(CHROMIUM),
        CHROMIUM
            + " is missing: the browser tests need Debian's chromium "
            + "(apt-get install chromium chromium-driver; .ci/run installs both)");
    // Belt and braces: with both paths given Selenium Manager is skipped; should it ever run, it
    // stays offline (Selenium hands SE_* system properties to it as environment variables).
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    System.setProperty("SE_AVOID_STATS", "true");

    workspaces = new Workspaces(data, CLOCK);
    analyses = new Analyses(workspaces, CLOCK, 1);
    startTheGroupRobot();
    alerts =
        new Alerts(
            workspaces, List.of(robot), CLOCK, "zh", new Alerts.Retry(Duration.ofMillis(50), 4));
    analyses.listen(alerts); // as `serve --alert-webhook` does
    app = WebApp.create(workspaces, analyses, WebConfig.defaults(), WebApp.Options.defaults());
    app.start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();

    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,2000",
        "--user-data-dir=" + profile.toAbsolutePath());
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 2000));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (app != null) {
        app.stop();
      }
      if (analyses != null) {
        analyses.close();
      }
      if (alerts != null) {
        alerts.close();
      }
      if (receiver != null) {
        receiver.stop(0);
      }
      if (workspaces != null) {
        workspaces.close();
      }
    }
  }

  @Test
  @Order(1)
  void a_merchant_creates_a_shop_by_uploading_the_sample_exports_and_sees_the_refused_rows()
      throws Exception {
    driver.get(base + "/");
    assertEquals("zh-CN", htmlLang(), "Chinese by default");
    WebElement form = driver.findElement(By.cssSelector("form[action='/shops']"));
    form.findElement(By.name("shop")).sendKeys(SHOP);
    WebElement input = form.findElement(By.cssSelector("input[type=file][multiple]"));
    input.sendKeys(String.join("\n", sampleFiles()));
    form.findElement(By.cssSelector("button[type=submit]")).click();

    waitUntil(
        Duration.ofSeconds(30),
        "the shop page after the upload",
        d -> d.getCurrentUrl().equals(base + "/shops/" + SHOP));
    // The page may reload itself while the analysis runs, so the rows are read again until found.
    List<String> lines =
        waitUntil(
            Duration.ofSeconds(30),
            "the validation report's refused rows",
            d -> {
              List<String> found =
                  d.findElements(By.cssSelector("table.row-errors td.line")).stream()
                      .map(WebElement::getText)
                      .map(String::trim)
                      .toList();
              return found.isEmpty() ? null : found;
            });
    assertEquals(List.of("422", "423", "424", "425"), lines);
    String report = text(By.cssSelector("main"));
    assertTrue(report.contains("订单明细.csv"), "the orders export is reported by name");
    assertTrue(report.contains("¥abc"), "the refused value is shown as sent");
  }

  @Test
  @Order(2)
  void the_overview_shows_its_tiles_once_the_analysis_has_finished() {
    driver.get(base + "/shops/" + SHOP);
    awaitAnalysis();
    List<WebElement> tiles = driver.findElements(By.cssSelector("section.tiles .tile"));
    assertTrue(tiles.size() >= 3, "tiles: " + tiles.size());
    assertTrue(
        driver.findElement(By.id("tile-deleted")).getText().contains("¥"), "deleted money shown");
  }

  @Test
  @Order(3)
  void every_page_reads_in_chinese_and_in_english_with_its_charts_in_that_language()
      throws Exception {
    for (String lang : List.of("zh", "en")) {
      for (Page page : PAGES) {
        open(page.path(), lang);
        checkPage(page, lang);
        screenshot(page.name(), lang);
      }
      open("/products", lang);
      driver.findElement(By.cssSelector("table.products tbody tr a")).click();
      awaitAnalysis();
      assertTrue(
          driver.getCurrentUrl().startsWith(base + "/shops/" + SHOP + "/products/"),
          driver.getCurrentUrl());
      productPath = URI.create(driver.getCurrentUrl()).getPath();
      checkPage(new Page("product", null, "商品 ", "Product ", "实际", "Actual"), lang);
      screenshot("product", lang);
    }
  }

  @Test
  @Order(4)
  void the_language_link_switches_and_the_cookie_keeps_the_choice() {
    open("/traffic", "zh");
    assertEquals("zh-CN", htmlLang());
    driver.findElement(By.cssSelector(".lang-switch a[hreflang=en]")).click();
    waitUntil(Duration.ofSeconds(10), "the English page", d -> "en".equals(htmlLang()));
    assertEquals("Traffic lost", text(By.tagName("h1")));
    Cookie cookie = driver.manage().getCookieNamed("lang");
    assertTrue(cookie != null && cookie.getValue().equals("en"), "cookie: " + cookie);

    driver.get(base + "/shops/" + SHOP + "/trust");
    awaitAnalysis();
    assertEquals("en", htmlLang(), "the cookie keeps English without ?lang");
    assertEquals("Conversion & trust", text(By.tagName("h1")));
    driver.get(base + "/");
    assertEquals("en", htmlLang(), "and on the shops page too");

    driver.findElement(By.cssSelector(".lang-switch a[hreflang=zh]")).click();
    waitUntil(Duration.ofSeconds(10), "the Chinese page", d -> "zh-CN".equals(htmlLang()));
    driver.get(base + "/shops/" + SHOP + "/deletions");
    awaitAnalysis();
    assertEquals("zh-CN", htmlLang(), "switched back, the cookie keeps Chinese");
    assertEquals("删除记录", text(By.tagName("h1")));
  }

  @Test
  @Order(5)
  void a_charts_png_link_downloads_a_png() throws Exception {
    open("/traffic", "en");
    WebElement link =
        driver.findElement(
            By.xpath("//figure[@id='chart-visitors']//p[@class='downloads']/a[text()='PNG']"));
    String href = link.getDomProperty("href");
    assertTrue(
        href != null && href.startsWith(base + "/shops/" + SHOP + "/charts/"), "href: " + href);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpResponse<byte[]> png =
        http.send(
            HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, png.statusCode(), href);
    assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        png.body().length > 1000, "a drawn chart, not a stub: " + png.body().length + " bytes");
    assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png.body(), PNG_MAGIC.length), "PNG magic bytes");
  }

  @Test
  @Order(6)
  void the_plan_page_ranks_the_actions_and_its_pdf_downloads_in_both_languages() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (String lang : List.of("zh", "en")) {
      open("/plan", lang);
      assertEquals(lang.equals("zh") ? "找回方案" : "Recovery plan", text(By.tagName("h1")));
      List<WebElement> rows = driver.findElements(By.cssSelector("table.actions tbody tr"));
      assertTrue(!rows.isEmpty(), "ranked actions listed");
      WebElement rank = rows.get(0).findElement(By.cssSelector("td"));
      assertEquals("1", rank.getText().strip().lines().findFirst().orElse(""), "rank 1 first");
      assertFalse(
          rank.findElement(By.cssSelector(".rank-rule")).getText().isBlank(),
          "the rule that ranks it is named under the rank");
      screenshot("plan", lang);
      String href = driver.findElement(By.id("download-pdf")).getDomProperty("href");
      HttpResponse<byte[]> pdf =
          http.send(
              HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, pdf.statusCode(), href);
      assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
      assertEquals("%PDF", new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII));
    }
  }

  @Test
  @Order(7)
  void the_appeal_workbench_warns_of_the_urgent_group_and_opens_its_evidence_in_both_languages()
      throws Exception {
    for (String lang : List.of("zh", "en")) {
      open("", lang);
      assertTrue(
          !driver.findElements(By.id("appeal-urgent")).isEmpty(),
          "the overview warns under 48 hours");
      open("/appeal", lang);
      WebElement urgent = driver.findElement(By.cssSelector("table.appeal-groups tr.urgent"));
      assertTrue(
          urgent.getText().contains(lang.equals("zh") ? "还剩 35 小时" : "35 h left"),
          urgent.getText());
      urgent.findElement(By.cssSelector("td a")).click();
      awaitAnalysis();
      assertTrue(driver.getCurrentUrl().contains("/appeal/"), driver.getCurrentUrl());
      appealGroupPath = URI.create(driver.getCurrentUrl()).getPath();
      assertTrue(
          !driver.findElements(By.cssSelector("#group-orders tbody tr")).isEmpty(),
          "the group's orders");
      screenshot("appeal_group", lang);
    }
  }

  @Test
  @Order(8)
  void a_case_is_opened_from_the_urgent_group_and_submitted_through_the_forms() throws Exception {
    open("/appeal", "zh");
    driver.findElement(By.cssSelector("table.appeal-groups tr.urgent td a")).click();
    awaitAnalysis();
    driver.findElement(By.cssSelector("#open-case button")).click();
    waitUntil(
        Duration.ofSeconds(10), "the new case", d -> d.getCurrentUrl().matches(".*/cases/\\d+.*"));
    assertEquals("草稿", text(By.id("case-status")));
    driver.findElement(By.cssSelector("#case-change textarea[name=note]")).sendKeys("已在后台提交，附运单截图");
    driver.findElement(By.cssSelector("#case-change button")).click();
    waitUntil(
        Duration.ofSeconds(10),
        "the submitted case",
        d -> "已提交".equals(text(By.id("case-status"))));
    screenshot("case", "zh");
    casePath = URI.create(driver.getCurrentUrl()).getPath();
    open(casePath.substring(("/shops/" + SHOP).length()), "en");
    assertEquals("Submitted", text(By.id("case-status")));
    screenshot("case", "en");
    for (String lang : List.of("zh", "en")) {
      open("/cases", lang);
      assertTrue(
          !driver.findElements(By.cssSelector("#cases-all tbody tr")).isEmpty(),
          "the case is listed");
      screenshot("cases", lang);
    }
  }

  @Test
  @Order(9)
  void on_a_390px_phone_no_page_scrolls_sideways_the_nav_collapses_tiles_and_tables_stack()
      throws Exception {
    assertTrue(
        productPath != null && appealGroupPath != null && casePath != null,
        "runs after the tests that reach the product, appeal group and case pages");
    int stackedTables = 0;
    try {
      for (String lang : List.of("zh", "en")) {
        viewport(390, 844, true);
        for (var page : everyPage().entrySet()) {
          String where = page.getKey() + " in " + lang + " at 390 px";
          openPath(page.getValue(), lang);
          screenshot(page.getKey(), lang + "_390");
          // What a closed <details> holds must fit too once the merchant opens it.
          driver.executeScript(
              "document.querySelectorAll('main details').forEach(d => d.open = true)");
          assertFitsTheWindow(where);
          assertEquals(
              390L,
              driver.executeScript("return window.innerWidth"),
              where + ": the phone zoomed out to show something wider than itself");
          stackedTables += assertTablesFitTheirBox(where);
          assertTilesStack(where);
          assertTouchTargets(where);
          assertNavCollapsesAndOpens(where);
          if (page.getKey().equals("overview")) {
            screenshot("overview", lang + "_390_menu");
          }
        }
        viewport(1400, 1000, false);
        for (var page : everyPage().entrySet()) {
          String where = page.getKey() + " in " + lang + " at 1400 px";
          openPath(page.getValue(), lang);
          assertTrue(
              driver.findElements(By.cssSelector(".nav-toggle-label")).stream()
                  .noneMatch(WebElement::isDisplayed),
              where + ": no menu button on a wide screen");
          assertTrue(
              driver.findElements(By.cssSelector("header nav a")).stream()
                  .allMatch(WebElement::isDisplayed),
              where + ": every nav link shown on a wide screen");
          assertFitsTheWindow(where);
          assertTrue(
              driver.findElements(By.cssSelector("main table.stack thead")).stream()
                  .allMatch(h -> "table-header-group".equals(h.getCssValue("display"))),
              where + ": tables keep their header row on a wide screen");
          screenshot(page.getKey(), lang + "_1400");
        }
        // The desktop keeps its tiles side by side.
        openPath("/shops/" + SHOP, lang);
        List<WebElement> tiles = driver.findElements(By.cssSelector("section.tiles .tile"));
        assertEquals(
            tiles.get(0).getRect().getY(),
            tiles.get(1).getRect().getY(),
            "overview tiles side by side at 1400 px");
      }
    } finally {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    assertTrue(stackedTables > 0, "some table was stacked into cards on the phone");
  }

  @Test
  @Order(10)
  void the_period_picker_shows_the_last_7_days_with_their_change_in_both_languages()
      throws Exception {
    for (String lang : List.of("zh", "en")) {
      boolean zh = lang.equals("zh");
      String where = "overview in " + lang;
      open("", lang);
      String since = text(By.id("tile-visitors"));
      pickPeriod(Period.LAST_7);
      String week = text(By.id("tile-visitors"));
      assertNotEquals(since, week, where + ": the tile follows the period");
      assertTrue(week.contains(zh ? "近 7 天（" : "Last 7 days ("), where + ": " + week);
      assertTrue(
          text(By.id("change-visitors")).startsWith(zh ? "环比" : "Period on period"),
          where + ": " + text(By.id("change-visitors")));

      // The language link keeps the period.
      driver
          .findElement(By.cssSelector(".lang-switch a[hreflang=" + (zh ? "en" : "zh") + "]"))
          .click();
      waitUntil(
          Duration.ofSeconds(10),
          "the other language",
          d -> (zh ? "en" : "zh-CN").equals(htmlLang()));
      assertTrue(driver.getCurrentUrl().contains("period=7d"), driver.getCurrentUrl());
      assertTrue(
          text(By.id("tile-visitors")).contains(zh ? "Last 7 days (" : "近 7 天（"),
          text(By.id("tile-visitors")));

      // A custom range inside the data, typed into the picker's date fields.
      open("", lang);
      WebElement from = driver.findElement(By.cssSelector("#period input[name=from]"));
      LocalDate last = LocalDate.parse(from.getDomAttribute("max"));
      setDate("from", last.minusDays(13));
      setDate("to", last.minusDays(7));
      pickPeriod(Period.CUSTOM);
      String showing = text(By.id("period-showing"));
      assertTrue(showing.contains(last.minusDays(13).toString()), where + ": " + showing);
      assertTrue(
          showing.contains(last.minusDays(7).toString().substring(5)), where + ": " + showing);
      assertTrue(driver.findElements(By.id("period-error")).isEmpty(), where);

      // Dates the wrong way round: the page says so and falls back to since the deletion.
      setDate("from", last.minusDays(2));
      setDate("to", last.minusDays(9));
      pickPeriod(Period.CUSTOM);
      assertTrue(
          text(By.id("period-error")).contains(zh ? "开始日期晚于结束日期" : "after"),
          text(By.id("period-error")));
      assertEquals(since, text(By.id("tile-visitors")), where + ": back to since the deletion");

      // The product page has the picker too.
      openPath(productPath, lang);
      pickPeriod(Period.LAST_30);
      assertTrue(
          text(By.id("tile-gmv")).contains(zh ? "近 30 天（" : "Last 30 days ("),
          text(By.id("tile-gmv")));
      assertTrue(driver.findElement(By.id("losses-since")).isDisplayed());
      screenshot("product_30d", lang);
    }
  }

  @Test
  @Order(11)
  void the_traffic_page_splits_the_loss_by_channel_and_shows_the_funnel_in_both_languages() {
    for (String lang : List.of("zh", "en")) {
      boolean zh = lang.equals("zh");
      String where = "traffic in " + lang;
      open("/traffic", lang);
      assertEquals(
          zh ? "按流量渠道看损失" : "Loss by traffic channel", text(By.cssSelector("#channels h2")));
      List<WebElement> tables = driver.findElements(By.cssSelector("#channels table.channels"));
      assertFalse(tables.isEmpty(), where + ": no channel table (" + text(By.id("channels")) + ")");
      for (WebElement table : tables) {
        assertEquals(
            zh ? "渠道" : "Channel", table.findElement(By.cssSelector("thead th")).getText().strip());
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertFalse(rows.isEmpty(), where + ": " + table.getDomAttribute("id") + " has no rows");
        for (WebElement row : rows) {
          assertFalse(
              row.findElement(By.tagName("td")).getText().isBlank(),
              where + ": a nameless channel");
        }
      }
      assertTrue(
          text(By.cssSelector("#funnel h2")).startsWith(zh ? "转化漏斗" : "Funnel"),
          text(By.cssSelector("#funnel h2")));
      List<String> impressions =
          driver.findElements(By.cssSelector("#funnel-stage-impressions td")).stream()
              .map(e -> e.getText().strip())
              .toList();
      assertEquals(zh ? "曝光" : "Impressions", impressions.get(0), where);
      for (String perDay : impressions.subList(1, impressions.size())) {
        assertTrue(perDay.matches("[0-9][0-9,.]*"), where + ": impressions per day " + impressions);
      }
      List<WebElement> products =
          driver.findElements(By.cssSelector("#funnel details.product-measures"));
      assertFalse(products.isEmpty(), where + ": no product funnel");
      WebElement first = products.get(0);
      assertFalse(
          first.findElement(By.tagName("table")).isDisplayed(),
          "closed until the merchant opens it");
      driver.executeScript("arguments[0].open = true", first);
      assertTrue(first.findElement(By.tagName("table")).isDisplayed(), where + ": opened");
    }
  }

  @Test
  @Order(12)
  void a_tile_leads_to_its_rows_which_sort_search_and_page_on_the_server() throws Exception {
    for (String lang : List.of("zh", "en")) {
      boolean zh = lang.equals("zh");
      String where = "deleted orders in " + lang;
      open("", lang);
      driver.findElement(By.cssSelector("#tile-deleted .rows-link a")).click();
      awaitAnalysis();
      assertTrue(
          text(By.tagName("h1")).startsWith(zh ? "被删除销量的订单" : "Orders whose sales were deleted"),
          text(By.tagName("h1")));
      long total = rowTotal();
      assertTrue(total > 0, where);
      assertEquals(Math.min(total, 50), rowTexts(0).size(), where + ": one page of 50");

      // Sorted by 子订单编号 on the server, both ways (ids are all 19 digits, so text order is
      // number order).
      String idHeader = zh ? "子订单编号" : "Sub-order ID";
      int idColumn = headers().indexOf(idHeader);
      assertTrue(idColumn >= 0, where + ": " + headers());
      sortBy(idHeader);
      List<String> ids = rowTexts(idColumn);
      String order = sortedAs(idHeader);
      List<String> expected = new ArrayList<>(ids);
      expected.sort(
          order.equals("ascending") ? Comparator.naturalOrder() : Comparator.reverseOrder());
      assertEquals(expected, ids, where + ": sorted " + order);
      sortBy(idHeader);
      assertNotEquals(order, sortedAs(idHeader), where + ": a second click turns the order round");
      List<String> turned = rowTexts(idColumn);
      if (total <= 50) {
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, turned, where + ": reversed");
      }

      // Searched by one 子订单编号: that order alone.
      String id = turned.get(0);
      search("q", id);
      assertEquals(List.of(id), rowTexts(idColumn), where + ": searched " + id);
      assertTrue(
          text(By.id("row-count")).startsWith(zh ? "共 1 行" : "1 rows"), text(By.id("row-count")));
      search("q", "0000000000000000000");
      assertTrue(driver.findElement(By.id("no-rows")).isDisplayed(), where + ": nothing found");
    }

    // A product's orders run over several pages; the second continues the first's order.
    open("/products", "zh");
    driver
        .findElement(By.cssSelector("table.products tbody tr td a[href*='/rows/orders']"))
        .click();
    awaitAnalysis();
    assertTrue(rowTotal() > 50, "the sample's first product has more than a page of orders");
    sortBy("子订单编号");
    List<String> page1 = rowTexts(headers().indexOf("子订单编号"));
    driver.findElement(By.id("next-page")).click();
    awaitAnalysis();
    assertTrue(driver.getCurrentUrl().contains("page=2"), driver.getCurrentUrl());
    List<String> page2 = rowTexts(headers().indexOf("子订单编号"));
    assertFalse(page2.isEmpty());
    boolean ascending = sortedAs("子订单编号").equals("ascending");
    int step = page2.get(0).compareTo(page1.get(page1.size() - 1));
    assertTrue(ascending ? step > 0 : step < 0, "page 2 goes on from page 1: " + page1 + page2);
    assertTrue(driver.findElement(By.id("prev-page")).isDisplayed());
    screenshot("rows", "zh");
  }

  @Test
  @Order(13)
  void a_tables_excel_download_has_the_pages_header_and_keeps_ids_as_text() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    for (String lang : List.of("zh", "en")) {
      open("", lang);
      driver.findElement(By.cssSelector("#tile-deleted .rows-link a")).click();
      awaitAnalysis();
      List<String> header = headers();
      List<String> firstRow = rowTexts(-1);
      String href = driver.findElement(By.cssSelector(".table-download a")).getDomProperty("href");
      HttpResponse<byte[]> xlsx =
          http.send(
              HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, xlsx.statusCode(), href);
      try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
        Sheet sheet = book.getSheetAt(0);
        Row head = sheet.getRow(0);
        for (int c = 0; c < header.size(); c++) {
          assertEquals(header.get(c), head.getCell(c).getStringCellValue(), lang + " header " + c);
        }
        int idColumn = header.indexOf(lang.equals("zh") ? "子订单编号" : "Sub-order ID");
        var id = sheet.getRow(1).getCell(idColumn);
        assertEquals(CellType.STRING, id.getCellType(), "a 19-digit id stays text in Excel");
        assertEquals(firstRow.get(idColumn), id.getStringCellValue());
        assertTrue(id.getStringCellValue().matches("[0-9]{19}"), id.getStringCellValue());
      }
    }
  }

  @Test
  @Order(14)
  void the_new_deletion_reached_the_group_robot_once_and_the_alerts_page_lists_it()
      throws Exception {
    waitUntil(
        Duration.ofSeconds(30),
        "the group robot's message",
        d -> robotMessages.isEmpty() ? null : true);
    JsonNode message = robotMessages.get(0);
    assertEquals("text", message.path("msgtype").asText(), message.toString());
    String content = message.path("text").path("content").asText();
    assertTrue(content.contains(SHOP), content);
    for (String lang : List.of("zh", "en")) {
      boolean zh = lang.equals("zh");
      open("/alerts", lang);
      List<WebElement> rows = driver.findElements(By.cssSelector("#alerts tbody tr"));
      assertEquals(robotMessages.size(), rows.size(), "each alert sent once: " + robotMessages);
      List<String> kinds =
          rows.stream()
              .map(r -> r.findElements(By.tagName("td")).get(1).getText().strip())
              .toList();
      assertTrue(kinds.contains(zh ? "新的销量删除" : "New sales deletion"), kinds.toString());
      for (WebElement row : rows) {
        assertTrue(
            row.findElement(By.cssSelector(".delivery"))
                .getText()
                .startsWith(zh ? "已送达" : "Delivered"),
            row.getText());
      }
      screenshot("alerts", lang);
    }
  }

  @Test
  @Order(15)
  void an_upload_and_then_the_shop_are_deleted_through_their_confirmed_buttons() throws Exception {
    String scratch = "scratch";
    driver.get(base + "/?lang=en");
    WebElement form = driver.findElement(By.cssSelector("form[action='/shops']"));
    form.findElement(By.name("shop")).sendKeys(scratch);
    List<String> files = sampleFiles();
    String reviews = files.stream().filter(f -> f.endsWith("评价.csv")).findFirst().orElseThrow();
    form.findElement(By.cssSelector("input[type=file][multiple]"))
        .sendKeys(String.join("\n", files.stream().filter(f -> !f.equals(reviews)).toList()));
    form.findElement(By.cssSelector("button[type=submit]")).click();
    waitUntil(
        Duration.ofSeconds(30),
        "the new shop",
        d -> d.getCurrentUrl().startsWith(base + "/shops/" + scratch));

    driver.get(base + "/shops/" + scratch + "/uploads?lang=en");
    driver.findElement(By.cssSelector("form.upload input[type=file]")).sendKeys(reviews);
    driver.findElement(By.cssSelector("form.upload button[type=submit]")).click();
    List<WebElement> uploads =
        waitUntil(
            Duration.ofSeconds(30),
            "the second upload",
            d -> {
              List<WebElement> found = d.findElements(By.cssSelector("section.upload-record"));
              return found.size() == 2 ? found : null;
            });
    String second =
        uploads.stream()
            .map(e -> e.getDomAttribute("id"))
            .max(Comparator.comparingInt(id -> Integer.parseInt(id.substring("upload-".length()))))
            .orElseThrow();
    driver.get(base + "/shops/" + scratch + "?lang=en");
    awaitAnalysis();
    assertTrue(
        driver.findElements(By.cssSelector("#tile-average_rating .not-measured")).isEmpty(),
        "the reviews measure the rating: " + text(By.id("tile-average_rating")));

    // Without the box ticked the browser does not send the form.
    driver.get(base + "/shops/" + scratch + "/uploads?lang=en");
    WebElement delete = driver.findElement(By.cssSelector("#" + second + " form.delete"));
    delete.findElement(By.cssSelector("button")).click();
    assertTrue(driver.getCurrentUrl().endsWith("/uploads?lang=en"), driver.getCurrentUrl());
    assertFalse(driver.findElements(By.id(second)).isEmpty(), "not deleted unconfirmed");
    delete.findElement(By.name("confirm")).click();
    delete.findElement(By.cssSelector("button")).click();
    waitUntil(
        Duration.ofSeconds(30), "the upload gone", d -> d.findElements(By.id(second)).isEmpty());
    assertEquals(1, driver.findElements(By.cssSelector("section.upload-record")).size());
    driver.get(base + "/shops/" + scratch + "?lang=en");
    awaitAnalysis();
    assertFalse(
        driver.findElements(By.cssSelector("#tile-average_rating .not-measured")).isEmpty(),
        "analysed again without the reviews: " + text(By.id("tile-average_rating")));

    driver.get(base + "/shops/" + scratch + "/uploads?lang=zh");
    WebElement shopDelete =
        driver.findElement(
            By.cssSelector("form[action$='/delete'].delete:not(section.upload-record form)"));
    shopDelete.findElement(By.name("confirm")).click();
    shopDelete.findElement(By.cssSelector("button")).click();
    waitUntil(
        Duration.ofSeconds(30),
        "the shops page",
        d -> URI.create(d.getCurrentUrl()).getPath().equals("/"));
    assertTrue(
        driver.findElements(By.cssSelector("a[href='/shops/" + scratch + "']")).isEmpty(),
        "the shop is no longer listed");
    assertFalse(
        driver.findElements(By.cssSelector("a[href='/shops/" + SHOP + "']")).isEmpty(),
        "the other shop stays");
    HttpResponse<String> gone =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/shops/" + scratch)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(404, gone.statusCode());
    open("", "zh");
    assertTrue(text(By.id("tile-deleted")).contains("¥"), "the other shop still reads");
  }

  // ---------------------------------------------------------------------------------------------------

  /** A local receiver standing in for the 企业微信 / 钉钉 / 飞书 group robot. */
  private static void startTheGroupRobot() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/robot",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          robotMessages.add(Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8)));
          byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    receiver.setExecutor(Executors.newCachedThreadPool());
    receiver.start();
    robot = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/robot");
  }

  /** Ticks the period and sends the picker, then waits for the page it asks for. */
  private static void pickPeriod(String kind) {
    driver.findElement(By.cssSelector("#period input[name=period][value='" + kind + "']")).click();
    driver.findElement(By.cssSelector("#period button[type=submit]")).click();
    waitUntil(
        Duration.ofSeconds(10),
        "the page of period " + kind,
        d -> d.getCurrentUrl().contains("period=" + kind));
    awaitAnalysis();
  }

  /** A date into the picker's date field as the merchant's date control would put it. */
  private static void setDate(String field, LocalDate date) {
    driver.executeScript(
        "document.querySelector('#period input[name=' + arguments[0] + ']').value = arguments[1]",
        field,
        date.toString());
  }

  /** The rows page's column names. */
  private static List<String> headers() {
    return driver.findElements(By.cssSelector("table#rows thead th a")).stream()
        .map(e -> e.getText().strip())
        .toList();
  }

  /** One column of the rows shown (-1: the cells of the first row). */
  private static List<String> rowTexts(int column) {
    List<WebElement> rows = driver.findElements(By.cssSelector("table#rows tbody tr"));
    if (column < 0) {
      return rows.get(0).findElements(By.tagName("td")).stream()
          .map(e -> e.getText().strip())
          .toList();
    }
    return rows.stream()
        .map(r -> r.findElements(By.tagName("td")).get(column).getText().strip())
        .toList();
  }

  /** The row count the rows page states, e.g. "共 470 行 · 第 1 / 10 页". */
  private static long rowTotal() {
    String count = text(By.id("row-count")).replace(",", "");
    return Long.parseLong(count.replaceAll("^\\D*(\\d+).*$", "$1"));
  }

  private static void sortBy(String header) {
    String before = driver.getCurrentUrl();
    driver
        .findElement(By.xpath("//table[@id='rows']//th/a[normalize-space()='" + header + "']"))
        .click();
    waitUntil(Duration.ofSeconds(10), "the sorted rows", d -> !d.getCurrentUrl().equals(before));
    awaitAnalysis();
  }

  /** "ascending" or "descending": how the column is sorted, as the page tells a screen reader. */
  private static String sortedAs(String header) {
    return driver
        .findElement(By.xpath("//table[@id='rows']//th[a[normalize-space()='" + header + "']]"))
        .getDomAttribute("aria-sort");
  }

  private static void search(String field, String value) {
    WebElement input = driver.findElement(By.cssSelector("#row-search input[name=" + field + "]"));
    input.clear();
    input.sendKeys(value);
    String before = driver.getCurrentUrl();
    driver.findElement(By.cssSelector("#row-search button[type=submit]")).click();
    waitUntil(Duration.ofSeconds(10), "the search's rows", d -> !d.getCurrentUrl().equals(before));
    awaitAnalysis();
  }

  /** Every sample export except the GBK copy of the orders, as absolute paths. */
  private static List<String> sampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      List<String> paths =
          files
              .filter(p -> p.getFileName().toString().endsWith(".csv"))
              .filter(p -> !p.getFileName().toString().equals("订单明细-GBK.csv"))
              .map(p -> p.toAbsolutePath().toString())
              .sorted()
              .toList();
      assertEquals(7, paths.size(), "sample exports: " + paths);
      return paths;
    }
  }

  /** Every page a merchant opens, by screenshot name, as a site path. */
  private static Map<String, String> everyPage() {
    String shop = "/shops/" + SHOP;
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("shops", "/");
    pages.put("uploads", shop + "/uploads");
    for (Page page : PAGES) {
      pages.put(page.name(), shop + page.path());
    }
    pages.put("plan", shop + "/plan");
    pages.put("appeal_group", appealGroupPath);
    pages.put("cases", shop + "/cases");
    pages.put("case", casePath);
    pages.put("alerts", shop + "/alerts");
    pages.put("product", productPath);
    return pages;
  }

  private static void openPath(String path, String lang) {
    driver.get(base + path + "?lang=" + lang);
    awaitAnalysis();
  }

  /** A phone (mobile: touch, overlay scrollbars, the viewport meta tag honoured) or a desktop. */
  private static void viewport(int width, int height, boolean mobile) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** Names an element in a failure message: tag#id.class. */
  private static final String JS_NAME =
      "const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')"
          + " + (typeof el.className === 'string' && el.className.trim()"
          + "   ? '.' + el.className.trim().split(/\\s+/).join('.') : '');"
          + "const scrollBox = el => { for (let p = el.parentElement; p && p !== document.body;"
          + "   p = p.parentElement) { if (['auto', 'scroll'].includes(getComputedStyle(p).overflowX))"
          + "   return p; } return null; };";

  /** No sideways scrolling: the page is no wider than the window, naming what sticks out. */
  @SuppressWarnings("unchecked")
  private static void assertFitsTheWindow(String where) {
    Map<String, Object> fit =
        (Map<String, Object>)
            driver.executeScript(
                JS_NAME
                    // a phone zooms out to show a page wider than itself, widening innerWidth;
                    // the layout viewport (clientWidth) stays the phone's width
                    + "const vw = Math.min(window.innerWidth, document.documentElement.clientWidth);"
                    + "const out = Array.from(document.body.querySelectorAll('*')).filter(el =>"
                    + "  el.getBoundingClientRect().right > vw + 0.5 && !scrollBox(el));"
                    // the outermost culprits only: their children stick out because they do
                    + "const roots = out.filter(el => !out.includes(el.parentElement));"
                    + "return {page: document.documentElement.scrollWidth, window: vw,"
                    + "  culprits: roots.slice(0, 8).map(el => name(el) + ' (right edge at '"
                    + "    + Math.round(el.getBoundingClientRect().right) + ' px)')};");
    long page = ((Number) fit.get("page")).longValue();
    long window = ((Number) fit.get("window")).longValue();
    List<String> culprits = (List<String>) fit.get("culprits");
    assertTrue(
        page <= window && culprits.isEmpty(),
        where
            + ": the page is "
            + page
            + " px wide in a "
            + window
            + " px window; sticking out: "
            + culprits);
  }

  /**
   * Every table sits in a box that fits the window. A table that stacks into cards (class stack) is
   * no wider than its box; any other (a chart's data) may be wider and then scrolls in its box
   * while the page stays put. Returns how many tables were stacked.
   */
  @SuppressWarnings("unchecked")
  private static int assertTablesFitTheirBox(String where) {
    List<Map<String, Object>> tables =
        (List<Map<String, Object>>)
            driver.executeScript(
                JS_NAME
                    + "return Array.from(document.querySelectorAll('main table'))"
                    + " .filter(t => t.getClientRects().length > 0).map(t => {"
                    + "  const box = scrollBox(t);"
                    + "  if (!box) return {table: name(t), box: null};"
                    + "  const wide = box.scrollWidth > box.clientWidth;"
                    + "  if (wide) { box.scrollLeft = box.scrollWidth; }"
                    + "  const r = {table: name(t), box: name(box), wide: wide,"
                    + "    stack: t.classList.contains('stack'),"
                    + "    right: box.getBoundingClientRect().right, scrolled: box.scrollLeft,"
                    + "    pageScrolled: window.scrollX};"
                    + "  box.scrollLeft = 0; return r; });");
    long window =
        ((Number)
                driver.executeScript(
                    "return Math.min(window.innerWidth, document.documentElement.clientWidth)"))
            .longValue();
    int stacked = 0;
    for (Map<String, Object> t : tables) {
      String table = where + ": table " + t.get("table");
      assertTrue(t.get("box") != null, table + " is not inside a box that scrolls sideways");
      assertTrue(
          ((Number) t.get("right")).doubleValue() <= window + 0.5,
          table + "'s box " + t.get("box") + " is wider than the window");
      boolean wide = Boolean.TRUE.equals(t.get("wide"));
      if (Boolean.TRUE.equals(t.get("stack"))) {
        stacked++;
        assertFalse(wide, table + " stacks into cards yet is wider than its box");
      } else if (wide) {
        assertTrue(((Number) t.get("scrolled")).doubleValue() > 0, table + "'s box did not scroll");
        assertEquals(0, ((Number) t.get("pageScrolled")).intValue(), table + ": the page scrolled");
      }
    }
    return stacked;
  }

  /**
   * What a finger presses on a phone (buttons, boxes, menu, header and pager links) is 40 px high.
   */
  @SuppressWarnings("unchecked")
  private static void assertTouchTargets(String where) {
    List<String> small =
        (List<String>)
            driver.executeScript(
                JS_NAME
                    + "const css = 'main button, main select, main input[type=text],"
                    + " main input[type=search], main input[type=date], .nav-toggle-label,"
                    + " .lang-switch a, .pager a, .table-download a, table.stack.sortable th a';"
                    + "return Array.from(document.querySelectorAll(css))"
                    + " .filter(el => el.getClientRects().length > 0)"
                    + " .filter(el => el.getBoundingClientRect().height < 39.5)"
                    + " .slice(0, 8).map(el => name(el) + ' ' + el.textContent.trim().slice(0, 20)"
                    + "   + ' (' + Math.round(el.getBoundingClientRect().height) + ' px)');");
    assertTrue(small.isEmpty(), where + ": touch targets under 40 px: " + small);
  }

  /** Tiles in one column: each tile starts at the same left edge as the first. */
  private static void assertTilesStack(String where) {
    for (WebElement section : driver.findElements(By.cssSelector("section.tiles"))) {
      List<WebElement> tiles = section.findElements(By.cssSelector(".tile"));
      for (WebElement tile : tiles) {
        assertEquals(
            tiles.get(0).getRect().getX(),
            tile.getRect().getX(),
            where + ": tiles side by side instead of stacked");
      }
    }
  }

  /** The nav shows only a menu button; pressing it shows every link, still within the window. */
  private static void assertNavCollapsesAndOpens(String where) {
    List<WebElement> links = driver.findElements(By.cssSelector("header nav a"));
    assertFalse(links.isEmpty(), where + ": no nav links");
    assertTrue(
        links.stream().noneMatch(WebElement::isDisplayed), where + ": the nav is not collapsed");
    WebElement menu = driver.findElement(By.cssSelector("header nav .nav-toggle-label"));
    assertTrue(menu.isDisplayed(), where + ": no menu button");
    menu.click();
    assertTrue(links.stream().allMatch(WebElement::isDisplayed), where + ": the menu did not open");
    assertFitsTheWindow(where + " with the menu open");
  }

  private static void open(String path, String lang) {
    driver.get(base + "/shops/" + SHOP + path + "?lang=" + lang);
    awaitAnalysis();
  }

  /** Waits (up to 60 s) until the page is no longer the one that shows the analysis' progress. */
  private static void awaitAnalysis() {
    waitUntil(
        ANALYSIS_TIMEOUT,
        "the analysis to finish (" + driver.getCurrentUrl() + ")",
        d -> {
          if (!d.findElements(By.cssSelector(".analysis-failed")).isEmpty()) {
            fail(
                "the analysis failed: "
                    + d.findElement(By.cssSelector(".analysis-failed")).getText());
          }
          Object ready = ((JavascriptExecutor) d).executeScript("return document.readyState");
          return "complete".equals(ready)
              && !d.findElements(By.tagName("h1")).isEmpty()
              && d.findElements(By.cssSelector(".analysis-running")).isEmpty();
        });
  }

  private static void checkPage(Page page, String lang) {
    boolean zh = lang.equals("zh");
    String where = page.name() + " in " + lang;
    assertEquals(zh ? "zh-CN" : "en", htmlLang(), where);
    String heading = text(By.tagName("h1"));
    String expected = zh ? page.zhHeading() : page.enHeading();
    if (page.path() == null) {
      assertTrue(heading.startsWith(expected), where + ": " + heading);
    } else {
      assertEquals(expected, heading, where);
    }
    assertTrue(driver.getTitle().startsWith(heading), where + " title: " + driver.getTitle());
    String nav = text(By.cssSelector("header nav"));
    assertTrue(nav.contains(zh ? "总览" : "Overview"), where + " nav: " + nav);
    if (!page.hasCharts()) {
      assertTrue(
          driver.findElements(By.cssSelector("figure.chart")).isEmpty(), where + " has no charts");
      return;
    }
    assertEquals(zh ? "图表" : "Charts", text(By.cssSelector("section.charts h2")), where);
    Map<String, List<String>> charts = charts();
    assertFalse(charts.isEmpty(), where + ": no chart slot");
    for (var chart : charts.entrySet()) {
      List<String> texts = chart.getValue();
      // The sample holds every export, so every slot is drawn; a slot without its chart says why
      // instead.
      if (texts == null) {
        fail(
            where
                + ": "
                + chart.getKey()
                + " holds no inline <svg> but: "
                + text(By.cssSelector("#" + chart.getKey())).replace('\n', ' '));
      }
      assertFalse(texts.isEmpty(), where + ": chart " + chart.getKey() + " has no <text> labels");
      String all = String.join(" | ", texts);
      if (zh) {
        assertTrue(
            all.codePoints().anyMatch(DashboardBrowserTest::isCjk),
            where + ": " + chart.getKey() + " " + all);
        assertFalse(
            all.contains("Actual") || all.contains("Expected") || all.contains("Date"),
            where + ": " + chart.getKey() + " " + all);
      } else {
        assertFalse(
            all.contains("实际") || all.contains("预期") || all.contains("日期"),
            where + ": " + chart.getKey() + " " + all);
      }
    }
    assertChartTablesMatchTheirHoverTitles(where, zh);
    String labels =
        charts.values().stream().flatMap(List::stream).reduce("", (a, b) -> a + " | " + b);
    String label = zh ? page.zhLabel() : page.enLabel();
    assertTrue(labels.contains(label), where + ": no chart label '" + label + "' in " + labels);
  }

  /**
   * Beneath each chart, a data table headed in the page's language; the chart's hover titles, one
   * per date, name that date and the same values as the table's row for it.
   */
  @SuppressWarnings("unchecked")
  private static void assertChartTablesMatchTheirHoverTitles(String where, boolean zh) {
    List<Map<String, Object>> figures =
        (List<Map<String, Object>>)
            driver.executeScript(
                "const texts = (root, css) => Array.from(root.querySelectorAll(css))"
                    + "  .map(e => e.textContent.trim());"
                    + "return Array.from(document.querySelectorAll('figure.chart'))"
                    + " .filter(f => f.querySelector('.chart-svg > svg')).map(f => ({id: f.id,"
                    + "  titles: texts(f, '.chart-svg > svg .chart-points title'),"
                    + "  summary: texts(f, 'details.chart-data > summary'),"
                    + "  header: texts(f, 'details.chart-data thead th'),"
                    + "  rows: Array.from(f.querySelectorAll('details.chart-data tbody tr'))"
                    + "    .map(r => texts(r, 'th, td'))}));");
    int tables = 0;
    for (Map<String, Object> figure : figures) {
      String chart = where + ": " + figure.get("id");
      List<String> titles = (List<String>) figure.get("titles");
      List<String> header = (List<String>) figure.get("header");
      List<List<String>> rows = (List<List<String>>) figure.get("rows");
      if (titles.isEmpty() && rows.isEmpty()) {
        continue; // a chart that only says what to upload has no points
      }
      assertEquals(
          List.of(zh ? "数据表（与图表同一组数值）" : "Data table (the same values as the chart)"),
          figure.get("summary"),
          chart);
      assertEquals(zh ? "日期" : "Date", header.get(0), chart + " table header");
      assertEquals(rows.size(), titles.size(), chart + ": a hover title per table row");
      for (int i = 0; i < rows.size(); i++) {
        List<String> row = rows.get(i);
        StringBuilder title = new StringBuilder(row.get(0));
        for (int s = 1; s < row.size(); s++) {
          if (!row.get(s).isEmpty()) {
            title.append(" · ").append(header.get(s)).append(' ').append(row.get(s));
          }
        }
        assertEquals(title.toString(), titles.get(i), chart + " row " + i);
      }
      tables++;
    }
    assertTrue(tables > 0, where + ": no chart with points and a data table");
  }

  /**
   * Each chart slot's id with the text of its inline SVG's {@code <text>} elements (null: no SVG).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, List<String>> charts() {
    List<Map<String, Object>> slots =
        (List<Map<String, Object>>)
            driver.executeScript(
                "return Array.from(document.querySelectorAll('figure.chart')).map(f => {"
                    + " const svg = f.querySelector('.chart-svg > svg');"
                    + " return {id: f.id, texts: svg ? Array.from(svg.querySelectorAll('text')).map(t => t.textContent.trim())"
                    + "   .filter(t => t.length > 0) : null}; })");
    Map<String, List<String>> charts = new LinkedHashMap<>();
    for (Map<String, Object> slot : slots) {
      charts.put((String) slot.get("id"), (List<String>) slot.get("texts"));
    }
    return charts;
  }

  private static boolean isCjk(int c) {
    return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
  }

  /**
   * A full-page PNG through the DevTools protocol (beyond the 1280×2000 window when the page is
   * longer).
   */
  @SuppressWarnings("unchecked")
  private static void screenshot(String page, String lang) throws IOException {
    Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double window = ((Number) driver.executeScript("return window.innerWidth")).doubleValue();
    double width = Math.max(window, ((Number) size.get("width")).doubleValue());
    double height = ((Number) size.get("height")).doubleValue();
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
    byte[] png = Base64.getDecoder().decode((String) shot.get("data"));
    assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, PNG_MAGIC.length), "screenshot of " + page);
    Files.write(SCREENSHOTS.resolve(page + "_" + lang + ".png"), png);
  }

  private static String htmlLang() {
    return driver.findElement(By.tagName("html")).getDomAttribute("lang");
  }

  private static String text(By by) {
    return driver.findElement(by).getText().trim();
  }

  private static <T> T waitUntil(Duration timeout, String what, Function<WebDriver, T> condition) {
    Wait<WebDriver> wait =
        new FluentWait<WebDriver>(driver)
            .withTimeout(timeout)
            .pollingEvery(Duration.ofMillis(200))
            .ignoring(NoSuchElementException.class)
            .ignoring(StaleElementReferenceException.class)
            .withMessage("waiting for " + what);
    return wait.until(condition);
  }
}
