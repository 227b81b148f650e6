package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.advice.appeal.AppealGroup;
import app.rebound.analysis.OrderEvidence;
import app.rebound.service.Analyses;
import app.rebound.service.AppealCases;
import app.rebound.store.AlertText;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every table of the dashboards downloads as .xlsx: the tests read the pages as a browser gets
 * them, follow each table's download link and open the bytes with POI as a spreadsheet would.
 */
class TableDownloadsTest {

  private static final String SHOP = SampleShop.ID;
  private static final Pattern TABLE =
      Pattern.compile(
          // The link follows the table's scrolling box (phones), outside it.
          "<table\\b[^>]*>(.*?)</table>\\s*(?:</div>\\s*)?(?:<p class=\"downloads table-download\"><a"
              + " href=\"([^\"]+)\" download>([^<]*)</a></p>)?",
          Pattern.DOTALL);
  private static final String DAY = "\\d{4}-\\d\\d-\\d\\d";
  private static final Pattern LINK = Pattern.compile("href=\"(/shops/[^\"]+)\"");
  private static final Pattern TH = Pattern.compile("<th\\b[^>]*>(.*?)</th>", Pattern.DOTALL);
  private static final Pattern TR = Pattern.compile("<tr\\b[^>]*>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern TD = Pattern.compile("<td\\b([^>]*)>(.*?)</td>", Pattern.DOTALL);
  private static final Pattern COLSPAN = Pattern.compile("colspan=\"(\\d+)\"");
  private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(\\.\\d+)?");

  @RegisterExtension static final DataFolder data = DataFolder.on(CasesApiTest.CLOCK);

  @BeforeAll
  static void uploadTheSampleShopAndWaitForItsAnalysis() throws Exception {
    // A clock inside the sample's appeal windows, so the workbench has open and closed groups.
    // with the 罗盘 exports, so their tables on /traffic are crawled too
    SampleShop.upload(data.workspaces(), SHOP, SampleShop.compassFiles());
    SampleShop.awaitReady(data.analyses(), SHOP, "zh");
    SampleShop.awaitReady(data.analyses(), SHOP, "en");
    // a case due for follow-up, and an alert whose text a spreadsheet could take for a formula
    AppealCases cases = new AppealCases(data.workspaces(), data.analyses());
    long id =
        cases
            .open(SHOP, data.analyses().appeal(SHOP).orElseThrow().groups().get(0).id())
            .appealCase()
            .id();
    cases.change(
        SHOP,
        id,
        new AppealCases.Request(
            "submitted", LocalDate.of(2026, 6, 1), null, LocalDate.of(2026, 6, 2), null));
    String hook = "http://127.0.0.1:9/hook";
    LocalDateTime at = LocalDateTime.now(CasesApiTest.CLOCK);
    long alert =
        data.workspaces()
            .database(SHOP)
            .raiseAlert(
                "k",
                "new_deletion",
                new AlertText("=cmd|' /C calc'!A0 删除", "=cmd|' /C calc'!A0 deleted", true),
                List.of(hook),
                at)
            .orElseThrow();
    data.workspaces()
        .database(SHOP)
        .recordAlertAttempt(alert, hook, "failed", "connection refused", at);
  }

  /** A table as the page shows it, and the download link beside it (null when there is none). */
  record PageTable(String page, List<String> header, List<List<Td>> rows, String link) {}

  /** A cell's text as read on the page, how many columns it spans, and whether it is an id. */
  record Td(String text, int span, boolean id) {}

  /** The plan lists started actions only once one is recorded: so every table is there. */
  private static void startAnAction(String origin) throws Exception {
    assertEquals(
        303,
        BrowserSession.open(origin)
            .post("/shops/" + SHOP + "/actions", "action=compliance&started_on=2026-06-01")
            .statusCode());
  }

  /** A downloaded workbook and the name it is saved under. */
  record Download(XSSFWorkbook workbook, String fileName) {}

  @Test
  void every_table_on_every_dashboard_page_downloads_with_the_pages_header_and_rows()
      throws Exception {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String origin = client.getOrigin();
          startAnAction(origin);
          Map<String, String> sheetsInChinese = new HashMap<>();
          for (Lang lang : Lang.values()) {
            Messages msg = Messages.of(lang);
            List<PageTable> tables = new ArrayList<>();
            for (String page : crawl(origin, lang)) {
              tables.addAll(tables(page, get(origin, page)));
            }
            Set<String> links = new LinkedHashSet<>();
            for (PageTable table : tables) {
              assertNotNull(table.link(), "a download link beside a table on " + table.page());
              assertTrue(links.add(table.link()), "one link per table: " + table.link());
              Download download = download(origin, table.link());
              Sheet sheet = download.workbook().getSheetAt(0);
              assertEquals(1, download.workbook().getNumberOfSheets());
              assertEquals(table.header(), header(sheet), table.link());
              assertEquals(table.rows().size(), sheet.getLastRowNum(), table.link() + " rows");
              for (int r = 0; r < table.rows().size(); r++) {
                assertRowShows(msg, table.rows().get(r), sheet.getRow(r + 1), table.link());
              }
              String id = table.link().replaceAll(".*/tables/([^.]+)\\.xlsx.*", "$1");
              assertTrue(
                  download
                      .fileName()
                      .matches(SHOP + "-.*" + id + "-" + DAY + "(_" + DAY + ")?\\.xlsx"),
                  "names the shop, the table and the period: " + download.fileName());
              String path = table.link().replaceAll("lang=\\w+", "");
              if (lang == Lang.ZH) {
                sheetsInChinese.put(path, sheet.getSheetName());
              } else {
                assertFalse(
                    sheet.getSheetName().equals(sheetsInChinese.get(path)),
                    "the sheet is named in the page's language: " + sheet.getSheetName());
              }
            }
            List<String> expected =
                List.of(
                    "/traffic/tables/losses",
                    "/traffic/tables/channels-traffic_source",
                    "/traffic/tables/funnel-rates",
                    "/traffic/tables/funnel-product-",
                    "/traffic/tables/shop-traffic",
                    "/traffic/tables/traffic-sources",
                    "/traffic/tables/deal-products",
                    "/trust/tables/conversion",
                    "/trust/tables/measures",
                    "/trust/tables/product-",
                    "/partners/tables/measures",
                    "/products/tables/products",
                    "/tables/losses",
                    "/tables/trust",
                    "/tables/partnerships",
                    "/plan/tables/actions",
                    "/plan/tables/taken",
                    "/plan/tables/steps",
                    "/plan/tables/assumptions",
                    // closed groups: the same tag as the open ones; none is closed at this clock
                    "/appeal/tables/open",
                    "/appeal/tables/refused",
                    "/tables/orders",
                    "/cases/tables/due",
                    "/cases/tables/all",
                    "/alerts/tables/alerts");
            for (String kind : expected) {
              assertTrue(
                  links.stream().anyMatch(l -> l.contains(kind)), kind + " crawled in " + lang);
            }
          }
        });
  }

  /**
   * On a phone a table turns into one card per row, each cell under its column's header (see
   * rebound.css): so every table a merchant reads carries the stacking class, and every cell the
   * header of the column it sits in as its data-label, in the page's language. A chart's data table
   * (dates down, a few series across) stays a table.
   */
  @Test
  void every_table_on_every_page_stacks_on_a_phone_each_cell_labelled_by_its_columns_header()
      throws Exception {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          String origin = client.getOrigin();
          startAnAction(origin);
          String css = get(origin, "/assets/rebound.css");
          String phone = css.substring(css.indexOf("@media (max-width: 48rem)"));
          assertTrue(
              phone.contains("table.stack td::before {\n    content: attr(data-label);"),
              "the phone's stylesheet writes each cell's data-label before it");
          for (Lang lang : Lang.values()) {
            String q = "?lang=" + lang.code();
            List<String> pages = new ArrayList<>(crawl(origin, lang));
            pages.add("/" + q);
            for (String p :
                List.of("", "/uploads", "/rows/orders", "/rows/deleted", "/rows/reviews")) {
              pages.add("/shops/" + SHOP + p + q);
            }
            Set<String> stacked = new LinkedHashSet<>();
            for (String page : pages) {
              Document html = Jsoup.parse(get(origin, page));
              for (Element table : html.select("main table")) {
                String where = page + ": table " + table.id() + "." + table.className();
                if (!table.parents().select("details.chart-data").isEmpty()) {
                  assertFalse(table.hasClass("stack"), where + ": a chart's data stays a table");
                  continue;
                }
                assertTrue(table.hasClass("stack"), where + " does not stack on a phone");
                List<String> header =
                    table.select("thead th").eachText().stream()
                        .map(h -> h.replaceAll("[▲▼]", "").trim())
                        .toList();
                for (Element tr : table.select("tbody tr")) {
                  int column = 0;
                  for (Element td : tr.select("td")) {
                    assertEquals(
                        header.get(column),
                        td.attr("data-label"),
                        where + " column " + column + ": " + td.text());
                    column += td.hasAttr("colspan") ? Integer.parseInt(td.attr("colspan")) : 1;
                  }
                  assertEquals(header.size(), column, where + ": a row fills the header");
                }
                stacked.addAll(table.classNames());
                stacked.add("#" + table.id());
              }
            }
            List<String> expected =
                List.of(
                    "actions",
                    "taken",
                    "steps",
                    "assumptions",
                    "products",
                    "losses",
                    "measures",
                    "channels",
                    "funnel-counts",
                    "funnel-rates",
                    "compass",
                    "appeal-groups",
                    "refused",
                    "evidence",
                    "cases",
                    "#alerts",
                    "shops",
                    "exports",
                    "row-errors",
                    "#rows");
            assertTrue(stacked.containsAll(expected), "crawled in " + lang + ": " + stacked);
          }
        });
  }

  @Test
  void a_nineteen_digit_order_id_is_a_text_cell_keeping_every_digit() throws Exception {
    AppealGroup group = data.analyses().appeal(SHOP).orElseThrow().groups().get(0);
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          Sheet sheet =
              firstSheet(
                  client.getOrigin(),
                  "/shops/" + SHOP + "/appeal/" + group.id() + "/tables/orders.xlsx?lang=zh");
          assertEquals("子订单编号", sheet.getRow(0).getCell(0).getStringCellValue());
          List<String> ids = new ArrayList<>();
          for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Cell id = sheet.getRow(r).getCell(0);
            assertEquals(CellType.STRING, id.getCellType());
            ids.add(id.getStringCellValue());
          }
          assertEquals(group.orders(), ids);
          assertTrue(ids.get(0).matches("\\d{19}"), "a 子订单编号 of 19 digits: " + ids.get(0));
          // and as a spreadsheet shows it: every digit, no 6.92E+18
          assertEquals(ids.get(0), new DataFormatter().formatCellValue(sheet.getRow(1).getCell(0)));

          Sheet products =
              firstSheet(client.getOrigin(), "/shops/" + SHOP + "/products/tables/products.xlsx");
          assertEquals("商品ID", products.getRow(0).getCell(1).getStringCellValue());
          Cell productId = products.getRow(1).getCell(1);
          assertEquals(CellType.STRING, productId.getCellType());
          assertTrue(productId.getStringCellValue().matches("\\d{19}"));
        });
  }

  @Test
  void money_cells_are_numbers_holding_the_amounts_the_page_shows() throws Exception {
    var appeal = data.analyses().appeal(SHOP).orElseThrow();
    AppealGroup group = appeal.groups().get(0);
    Map<String, Double> amounts = new HashMap<>();
    appeal.orders().forEach(o -> amounts.put(o.orderId(), o.amount()));
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          Sheet sheet =
              firstSheet(
                  client.getOrigin(),
                  "/shops/" + SHOP + "/appeal/" + group.id() + "/tables/orders.xlsx?lang=en");
          assertEquals("Amount", sheet.getRow(0).getCell(2).getStringCellValue());
          for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Cell amount = sheet.getRow(r).getCell(2);
            assertEquals(CellType.NUMERIC, amount.getCellType());
            assertEquals(
                amounts.get(sheet.getRow(r).getCell(0).getStringCellValue()),
                amount.getNumericCellValue(),
                0.0);
            assertEquals("\"¥\"#,##0", amount.getCellStyle().getDataFormatString());
          }
          double total = 0;
          for (OrderEvidence o : appeal.orders()) {
            total += group.orders().contains(o.orderId()) ? o.amount() : 0;
          }
          assertTrue(total > 0, "the group has paid orders");
        });
  }

  @Test
  void a_table_download_answers_404_for_an_unknown_table_and_409_while_the_analysis_runs() {
    JavalinTest.test(
        data.dashboards(),
        (server, client) -> {
          assertEquals(404, client.get("/shops/" + SHOP + "/traffic/tables/nonsense.xlsx").code());
          assertEquals(404, client.get("/shops/" + SHOP + "/traffic/tables/losses.csv").code());
          assertEquals(404, client.get("/shops/" + SHOP + "/deletions/tables/losses.xlsx").code());
          assertEquals(404, client.get("/shops/nosuchshop/traffic/tables/losses.xlsx").code());
          assertEquals(
              404, client.get("/shops/" + SHOP + "/products/999/tables/losses.xlsx").code());
        });
    ReportCache.StatusSource running =
        (shop, lang, path) -> new Analyses.Status(Analyses.State.RUNNING, null, "reading", null);
    JavalinTest.test(
        data.served(WebConfig.defaults(), DataFolder.DASHBOARDS.withStatus(running)),
        (server, client) ->
            assertEquals(409, client.get("/shops/" + SHOP + "/traffic/tables/losses.xlsx").code()));
  }

  @Test
  void a_table_download_is_refused_to_a_token_for_another_shop() {
    WebConfig config =
        WebConfig.defaults().withAccessToken("all").withShopToken("other", List.of("other"));
    JavalinTest.test(
        data.dashboards(config),
        (server, client) -> {
          String path = "/shops/" + SHOP + "/traffic/tables/losses.xlsx";
          assertEquals(401, client.get(path).code());
          assertEquals(
              403, client.get(path, r -> r.header("Authorization", "Bearer other")).code());
          assertEquals(200, client.get(path, r -> r.header("Authorization", "Bearer all")).code());
        });
  }

  // ---- reading pages as a browser does ----

  /**
   * The dashboard pages in a language: the nav's pages and the product and appeal-group pages their
   * tables link to.
   */
  private static List<String> crawl(String origin, Lang lang) throws Exception {
    String q = "?lang=" + lang.code();
    List<String> pages = new ArrayList<>();
    for (String p :
        List.of("/traffic", "/trust", "/partners", "/deletions", "/plan", "/cases", "/alerts")) {
      pages.add("/shops/" + SHOP + p + q);
    }
    for (String list : List.of("/products", "/appeal")) {
      pages.add("/shops/" + SHOP + list + q);
      Matcher link = LINK.matcher(get(origin, "/shops/" + SHOP + list + q));
      Set<String> found = new LinkedHashSet<>();
      while (link.find()) {
        String href = link.group(1);
        if (href.matches("/shops/" + SHOP + list + "/[^/?]+") && !href.contains("tables")) {
          found.add(href + q);
        }
      }
      assertFalse(found.isEmpty(), list + " links to its pages");
      pages.addAll(found);
    }
    return pages;
  }

  private static String get(String origin, String path) throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(origin + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode(), path);
    return page.body();
  }

  private static List<PageTable> tables(String page, String html) {
    List<PageTable> tables = new ArrayList<>();
    Matcher table = TABLE.matcher(html);
    while (table.find()) {
      String body = table.group(1);
      List<String> header = new ArrayList<>();
      Matcher th = TH.matcher(body);
      while (th.find()) {
        header.add(text(th.group(1)));
      }
      List<List<Td>> rows = new ArrayList<>();
      Matcher tr = TR.matcher(body.substring(Math.max(0, body.indexOf("<tbody>"))));
      while (tr.find()) {
        List<Td> cells = new ArrayList<>();
        Matcher td = TD.matcher(tr.group(1));
        while (td.find()) {
          Matcher span = COLSPAN.matcher(td.group(1));
          int columns = span.find() ? Integer.parseInt(span.group(1)) : 1;
          // the pages set ids (子订单编号, 商品ID, keys) in <code>
          cells.add(new Td(text(td.group(2)), columns, td.group(2).startsWith("<code>")));
        }
        rows.add(cells);
      }
      String link = table.group(2) == null ? null : unescape(table.group(2));
      tables.add(new PageTable(page, header, rows, link));
    }
    return tables;
  }

  /** What a reader sees of an HTML fragment: tags gone, entities read, spaces collapsed. */
  private static String text(String html) {
    return unescape(html.replaceAll("<br>", " ").replaceAll("<[^>]+>", ""))
        .replaceAll("\\s+", " ")
        .trim();
  }

  private static String unescape(String html) {
    Matcher m = Pattern.compile("&#(\\d+);").matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString()
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
  }

  // ---- reading the workbook as a spreadsheet does ----

  /** The first sheet of the workbook downloaded from {@code link}. */
  private static Sheet firstSheet(String origin, String link) throws Exception {
    return download(origin, link).workbook().getSheetAt(0);
  }

  private static Download download(String origin, String link) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(origin + link)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode(), link);
    assertEquals(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        response.headers().firstValue("Content-Type").orElse(""));
    String disposition = response.headers().firstValue("Content-Disposition").orElse("");
    Matcher name = Pattern.compile("attachment; filename=\"([^\"]+)\"").matcher(disposition);
    assertTrue(name.matches(), disposition);
    return new Download(new XSSFWorkbook(new ByteArrayInputStream(response.body())), name.group(1));
  }

  private static List<String> header(Sheet sheet) {
    List<String> labels = new ArrayList<>();
    for (Cell cell : sheet.getRow(0)) {
      assertEquals(CellType.STRING, cell.getCellType());
      labels.add(cell.getStringCellValue());
    }
    return labels;
  }

  /**
   * Each cell of the row shows in the page's cell of its column: text as written (an id always as
   * text), a number as the page rounds it, a date as the page writes it; an empty cell where the
   * page shows nothing, a dash, or a reason spanning the column.
   */
  private static void assertRowShows(Messages msg, List<Td> page, Row row, String where) {
    int column = 0;
    for (Td td : page) {
      for (int i = 0; i < td.span(); i++, column++) {
        Cell cell = row.getCell(column);
        String at = where + " row " + row.getRowNum() + " column " + column + ": " + td.text();
        if (cell == null) {
          assertTrue(td.text().isEmpty() || td.text().equals("—") || td.span() > 1, at);
        } else if (td.id() || cell.getCellType() == CellType.STRING) {
          assertEquals(CellType.STRING, cell.getCellType(), at);
          assertTrue(td.text().contains(cell.getStringCellValue().replaceAll("\\s+", " ")), at);
        } else {
          assertEquals(CellType.NUMERIC, cell.getCellType(), at);
          assertNumberShows(msg, cell, td.text(), at);
        }
      }
    }
    assertEquals(column, Math.max(column, row.getLastCellNum()), where + ": no extra cells");
  }

  private static void assertNumberShows(Messages msg, Cell cell, String shown, String at) {
    String format = cell.getCellStyle().getDataFormatString();
    if (DateUtil.isCellDateFormatted(cell)) {
      LocalDateTime value = cell.getLocalDateTimeCellValue();
      String expected = format.contains("h") ? msg.dateTime(value) : msg.date(value.toLocalDate());
      assertTrue(shown.contains(expected), at + " shows " + expected);
      return;
    }
    double value = cell.getNumericCellValue() * (format.contains("%") ? 100 : 1);
    if (format.contains("¥")) {
      assertTrue(shown.contains("¥"), at + " is money");
    }
    Matcher number = NUMBER.matcher(shown.replace("¥", ""));
    assertTrue(number.find(), at + " shows a number");
    double onPage = Double.parseDouble(number.group().replace(",", ""));
    int decimals = number.group(1) == null ? 0 : number.group(1).length() - 1;
    assertEquals(onPage, value, 0.5 * Math.pow(10, -decimals) + 1e-9, at + " holds " + value);
  }
}
