package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.ImpactReport.BatchRow;
import app.rebound.analysis.ImpactReport.Daily;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImpactChartsTest {

  static final String CREAM = "3500000000003007928";

  @TempDir static Path tmp;
  static ImpactReport sample;
  static ImpactReport simulated;

  @BeforeAll
  static void reports() {
    sample = ImpactReports.sample("zh");
    simulated = ImpactReports.simulated(tmp.resolve("shop"), "zh");
  }

  static JFreeChart chart(ChartId id, ImpactReport report, String productId, String lang) {
    Optional<JFreeChart> chart = ImpactCharts.byId(id, report, productId, lang);
    assertTrue(chart.isPresent(), id.code() + " in " + lang);
    return chart.get();
  }

  static void assertWellFormed(String svg) throws Exception {
    DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void every_chart_id_builds_and_renders_from_the_sample_exports_in_both_languages()
      throws Exception {
    for (String lang : List.of("zh", "en")) {
      for (ChartId id : ChartId.values()) {
        JFreeChart chart = chart(id, sample, CREAM, lang);
        String svg = ChartRenderer.svg(chart, 640, 360);
        assertTrue(svg.startsWith("<svg"), id.code());
        assertWellFormed(svg);
        assertTrue(ChartRenderer.png(chart, 320, 180).length > 0, id.code());
      }
    }
  }

  @Test
  void every_chart_id_builds_from_a_simulated_shop() {
    String product = simulated.products().get(0).productId();
    for (ChartId id : ChartId.values()) {
      assertTrue(
          ChartRenderer.svg(chart(id, simulated, product, "en"), 640, 360).contains("</svg>"),
          id.code());
    }
  }

  @Test
  void the_chart_ids_are_the_ones_the_pages_ask_for() {
    assertEquals(
        List.of(
            "visitors",
            "impressions",
            "gmv",
            "buyers",
            "visitors_cumulative",
            "gmv_cumulative",
            "product_visitors",
            "product_gmv",
            "trust_rating",
            "trust_doubtful",
            "trust_refund",
            "shop_score",
            "complaints",
            "partners_active",
            "partners_cancelled",
            "affiliate_gmv",
            "deletions_timeline"),
        ChartId.codes());
  }

  @Test
  void visitors_svg_in_chinese_has_the_series_labels_the_title_and_dates_like_6月7日()
      throws Exception {
    String svg = ChartRenderer.svg(chart(ChartId.VISITORS, simulated, null, "zh"), 800, 450);
    assertWellFormed(svg);
    assertTrue(svg.contains(">实际<"), "actual line in the legend");
    assertTrue(svg.contains(">无删除时的预期<"), "expected line in the legend");
    assertTrue(svg.contains(">访客数：实际与无删除时的预期<"), "title");
    assertTrue(Pattern.compile(">\\d{1,2}月\\d{1,2}日<").matcher(svg).find(), "a date tick");
    LocalDate first = simulated.series().deletionDates().get(0);
    assertTrue(
        svg.contains("删除 " + first.getMonthValue() + "月" + first.getDayOfMonth() + "日"), "marker");
    assertTrue(
        svg.contains("font-family: \"WenQuanYi Micro Hei\", \"Noto Sans CJK SC\""),
        "browser fonts");
    assertTrue(svg.contains(">访客数<"), "the value axis label, rotated, is text too");
    assertFalse(svg.contains("Actual"));
  }

  @Test
  void visitors_svg_in_english_has_the_series_labels_the_title_and_dates_like_Jun_7() {
    String svg = ChartRenderer.svg(chart(ChartId.VISITORS, simulated, null, "en"), 800, 450);
    assertTrue(svg.contains(">Actual<"));
    assertTrue(svg.contains(">Expected without the deletion<"));
    assertTrue(svg.contains(">Visitors: actual vs expected without the deletion<"));
    assertTrue(
        Pattern.compile(">(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{1,2}<")
            .matcher(svg)
            .find());
    assertFalse(svg.contains("实际"));
  }

  @Test
  void money_axes_are_in_yuan_with_thousands_separators() {
    String svg = ChartRenderer.svg(chart(ChartId.GMV, simulated, null, "en"), 800, 450);
    assertTrue(Pattern.compile(">¥\\d{1,3},\\d{3}<").matcher(svg).find(), "a tick like ¥1,000");
    assertTrue(svg.contains(">GMV (¥)<"));
    assertEquals("¥12,346", Labels.of("zh").money().format(12345.6));
  }

  @Test
  void deletions_timeline_names_the_likely_causes_in_the_language() {
    List<String> causes =
        simulated.deletions().batches().stream().map(BatchRow::likelyCause).distinct().toList();
    String zh =
        ChartRenderer.svg(chart(ChartId.DELETIONS_TIMELINE, simulated, null, "zh"), 800, 450);
    String en =
        ChartRenderer.svg(chart(ChartId.DELETIONS_TIMELINE, simulated, null, "en"), 800, 450);
    assertTrue(zh.contains(">销量删除批次<") && en.contains(">Sales deletions by batch<"));
    for (String cause : causes) {
      Label label = DeletionsChart.CAUSES.get(DeletionsChart.causeCode(cause));
      assertTrue(zh.contains(">" + label.zh() + "<"), cause + " in Chinese");
      assertTrue(en.contains(">" + label.en() + "<"), cause + " in English");
      assertFalse(zh.contains(">" + label.en() + "<"));
    }
  }

  @Test
  void a_trust_series_not_measured_says_what_to_upload_in_its_subtitle() {
    ImpactReport noReviews = ImpactReports.sample("zh", "评价.csv");
    String zh = ChartRenderer.svg(chart(ChartId.TRUST_RATING, noReviews, null, "zh"), 640, 360);
    String en = ChartRenderer.svg(chart(ChartId.TRUST_RATING, noReviews, null, "en"), 640, 360);
    assertTrue(zh.contains(">未测量：请上传 评价.csv<"), zh);
    assertTrue(en.contains(">not measured: upload 评价.csv<"));
  }

  @Test
  void traffic_charts_are_empty_without_the_traffic_export_and_gmv_still_draws() {
    ImpactReport noTraffic = ImpactReports.sample("zh", "商品流量.csv");
    for (ChartId id :
        List.of(
            ChartId.VISITORS, ChartId.IMPRESSIONS, ChartId.BUYERS, ChartId.VISITORS_CUMULATIVE)) {
      assertTrue(ImpactCharts.byId(id, noTraffic, null, "zh").isEmpty(), id.code());
    }
    assertTrue(ImpactCharts.byId(ChartId.PRODUCT_VISITORS, noTraffic, CREAM, "zh").isEmpty());
    assertTrue(ImpactCharts.byId(ChartId.GMV, noTraffic, null, "zh").isPresent());
  }

  @Test
  void unknown_chart_id_or_product_gives_empty() {
    assertTrue(ChartId.byCode("pie").isEmpty());
    assertTrue(ImpactCharts.byId(null, sample, null, "zh").isEmpty());
    assertTrue(ImpactCharts.byId(ChartId.PRODUCT_GMV, sample, null, "zh").isEmpty());
    assertTrue(ImpactCharts.byId(ChartId.PRODUCT_GMV, sample, "no-such-product", "zh").isEmpty());
  }

  @Test
  void the_counterfactual_dataset_holds_expected_with_its_band_and_actual_per_day() {
    LocalDate d = LocalDate.of(2026, 6, 7);
    Daily daily =
        new Daily(
            List.of(d, d.plusDays(1)),
            new double[] {10, 4},
            new double[] {11, 9},
            new double[] {8, 6},
            new double[] {14, 12},
            new double[] {0, 5});
    CounterfactualChart.Dataset data =
        CounterfactualChart.createDataset(daily, List.of(d.plusDays(1)), Labels.of("en"));
    var lines = data.lines();
    assertEquals("Expected without the deletion", lines.getSeriesKey(0));
    assertEquals("Actual", lines.getSeriesKey(1));
    assertEquals(Charts.x(d.plusDays(1)), lines.getXValue(0, 1));
    assertEquals(9, lines.getYValue(0, 1));
    assertEquals(6, lines.getStartYValue(0, 1));
    assertEquals(12, lines.getEndYValue(0, 1));
    assertEquals(4, lines.getYValue(1, 1));
    assertEquals(List.of(d.plusDays(1)), data.deletions());
  }

  @Test
  void a_product_name_with_markup_characters_leaves_the_svg_well_formed() throws Exception {
    List<ImpactReport.ProductRow> renamed =
        sample.products().stream()
            .map(
                p ->
                    new ImpactReport.ProductRow(
                        p.productId(),
                        "面霜 <A&B> \"'",
                        p.deletedSince(),
                        p.deletedOrders(),
                        p.deletedUnits(),
                        p.deletedMoney(),
                        p.deletedShare(),
                        p.visitors(),
                        p.impressions(),
                        p.conversion(),
                        p.gmv(),
                        p.visitorsDaily(),
                        p.gmvDaily()))
            .toList();
    ImpactReport report =
        new ImpactReport(
            sample.lang(),
            sample.deletions(),
            sample.traffic(),
            sample.conversion(),
            sample.gmv(),
            sample.trust(),
            sample.partnerships(),
            renamed,
            sample.series(),
            sample.channels(),
            sample.funnel(),
            sample.compass(),
            sample.settlement());
    String svg = ChartRenderer.svg(chart(ChartId.PRODUCT_GMV, report, CREAM, "zh"), 640, 360);
    assertWellFormed(svg);
    assertTrue(svg.contains("面霜 &lt;A&amp;B&gt;"), "the name is escaped text");
  }

  @Test
  void without_a_language_the_charts_speak_the_report_s() {
    assertEquals(
        "访客数：实际与无删除时的预期", chart(ChartId.VISITORS, sample, null, null).getTitle().getText());
  }

  @Test
  void a_chart_not_measured_hides_its_axes_and_names_the_reason_in_the_plot() {
    ImpactReport noScores = ImpactReports.sample("en", "店铺体验分.csv");
    JFreeChart chart = chart(ChartId.SHOP_SCORE, noScores, null, "en");
    assertFalse(chart.getXYPlot().getDomainAxis().isVisible());
    assertEquals("not measured: upload 店铺体验分.csv", chart.getXYPlot().getNoDataMessage());
  }
}
