package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Slow;
import app.rebound.store.UploadFile;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Chinese merchant reads no English and no raw code: every page reachable from a shop's overview,
 * and the plan downloads, rendered in Chinese for the sample shop with every export and for a shop
 * with the orders and deletions only (where most measures say why they were not measured).
 */
@Slow
class ChineseEverywhereTest {

  private static final String FULL = "sample";
  private static final String THIN = "thin";

  /**
   * Latin words a Chinese page may hold: file types and formats, GMV and the like that 抖店 itself
   * writes in Latin letters, the product's name, a carrier's code, and the alert command line.
   */
  private static final Set<String> ALLOWED =
      Set.of(
          "GMV",
          "DiD",
          "SKU",
          "ID",
          "CSV",
          "PDF",
          "PNG",
          "SVG",
          "Excel",
          "Markdown",
          "BOM",
          "UTF",
          "GBK",
          "Rebound",
          "English",
          "EMS",
          "URL",
          "API",
          "YYYY",
          "MM",
          "DD",
          "serve",
          "zip",
          "xlsx",
          "csv",
          // the shops' names, as the merchant named them
          FULL,
          THIN,
          // the sample's formula-like product text, kept as the merchant wrote it
          "HYPERLINK",
          "http");

  /** A Latin word standing alone: not part of a file name, a key, an id or an address. */
  private static final Pattern ENGLISH =
      Pattern.compile("(?<![\\w./@:-])[A-Za-z]{3,}(?![\\w./@-])");

  /** A snake_case code shown as it is (a measure id, a status code). */
  private static final Pattern CODE = Pattern.compile("(?<![\\w.])[a-z]+(?:_[a-z]+)+(?![\\w.])");

  /** Charts are drawn by app.rebound.report (their words are tested there): a blank stand-in. */
  private static final ChartSource CHARTS =
      ChartSource.of(
          (id, report, product, lang) ->
              Optional.of("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>"),
          (id, report, product, lang) -> Optional.empty());

  @RegisterExtension static final DataFolder data = DataFolder.now();

  @BeforeAll
  static void uploadTwoShops() throws Exception {
    SampleShop.upload(data.workspaces(), FULL);
    data.workspaces()
        .upload(
            THIN,
            Stream.of("订单明细.csv", "销量删除记录.csv")
                .map(
                    n ->
                        new UploadFile(
                            n, () -> Files.newInputStream(SampleShop.samples().resolve(n))))
                .toList(),
            step -> {});
    for (String shop : List.of(FULL, THIN)) {
      SampleShop.awaitReady(data.analyses(), shop, "zh");
    }
  }

  @Test
  void every_page_of_a_shop_reads_in_chinese() {
    Map<String, Set<String>> found = new TreeMap<>();
    JavalinTest.test(
        data.served(WebConfig.defaults(), WebApp.Options.defaults().withCharts(CHARTS)),
        (server, client) -> {
          for (String shop : List.of(FULL, THIN)) {
            int pages = 0;
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of("/shops/" + shop));
            while (!todo.isEmpty() && seen.size() < 150) {
              String path = todo.poll();
              if (!seen.add(path)) {
                continue;
              }
              Response response = client.get(path + (path.contains("?") ? "&" : "?") + "lang=zh");
              List<String> types = response.headers().get("Content-Type");
              String type = types == null || types.isEmpty() ? null : types.get(0);
              if (response.code() != 200 || type == null || !type.startsWith("text/html")) {
                continue;
              }
              pages++;
              Document page = Jsoup.parse(response.body().string());
              Set<String> words = foreign(visibleText(page));
              if (!words.isEmpty()) {
                found.put(path, words);
              }
              for (Element a : page.select("a[href]")) {
                String href = a.attr("href").replaceAll("#.*", "");
                if (href.startsWith("/shops/" + shop) && followed(href)) {
                  todo.add(href.replaceAll("[?&]lang=zh", ""));
                }
              }
            }
            assertTrue(pages > 10, shop + ": only " + pages + " pages reached");
          }
        });
    assertEquals(Map.of(), found, "English words or raw codes on Chinese pages");
  }

  @Test
  void the_plan_downloads_read_in_chinese() {
    Map<String, Set<String>> found = new TreeMap<>();
    JavalinTest.test(
        data.served(WebConfig.defaults(), WebApp.Options.defaults().withCharts(CHARTS)),
        (server, client) -> {
          for (String shop : List.of(FULL, THIN)) {
            for (String file : List.of("plan.md", "actions.csv")) {
              String path = "/shops/" + shop + "/" + file + "?lang=zh";
              Response response = client.get(path);
              assertEquals(200, response.code(), path);
              String text = response.body().string();
              // The assumptions table names each coefficient by its key in assumptions.properties
              // (Markdown escapes its underscores),
              // and actions.csv's first column holds each action's id, for a program to read.
              String read =
                  text.replaceAll("[a-z]+(\\\\?_[a-z]+)*(\\.[a-z]+(\\\\?_[a-z]+)*)+", "")
                      .replaceAll("(?m)^\uFEFF?[a-z_]+,", "");
              Set<String> words = foreign(read);
              if (!words.isEmpty()) {
                found.put(path, words);
              }
            }
          }
        });
    assertEquals(Map.of(), found, "English words or raw codes in Chinese downloads");
  }

  /** Links a merchant follows to read: pages, not downloads, forms or the other language. */
  private static boolean followed(String href) {
    return !href.contains("lang=en")
        && !href.matches(".*\\.(pdf|md|csv|xlsx|zip|svg|png)(\\?.*)?$")
        && !href.contains("/delete")
        && !href.contains("page=");
  }

  /** What a browser shows: the text outside code, scripts and styles, and the hover titles. */
  private static String visibleText(Document page) {
    page.select("script, style, code, pre").remove();
    StringBuilder text = new StringBuilder(page.body().text());
    for (Element e : page.select("[title], [aria-label], [placeholder]")) {
      text.append(' ')
          .append(e.attr("title"))
          .append(' ')
          .append(e.attr("aria-label"))
          .append(' ')
          .append(e.attr("placeholder"));
    }
    return text.toString();
  }

  static Set<String> foreign(String text) {
    Set<String> words = new TreeSet<>();
    Matcher english = ENGLISH.matcher(text);
    while (english.find()) {
      if (!ALLOWED.contains(english.group())) {
        words.add(english.group());
      }
    }
    Matcher code = CODE.matcher(text);
    while (code.find()) {
      words.add(code.group());
    }
    return words;
  }
}
