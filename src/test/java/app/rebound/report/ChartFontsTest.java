package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.ImpactReport;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.data.general.DatasetUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChartFontsTest {

  static ImpactReport sample;

  @BeforeAll
  static void report() {
    sample = ImpactReports.sample("zh");
  }

  /** A piece of text a chart draws and the font it draws it in. */
  record Drawn(String where, Font font, String text) {}

  /** Title, subtitles, legend items, axis labels, sample ticks and marker labels of a chart. */
  static List<Drawn> drawn(JFreeChart chart) {
    List<Drawn> out = new ArrayList<>();
    out.add(new Drawn("title", chart.getTitle().getFont(), chart.getTitle().getText()));
    XYPlot plot = chart.getXYPlot();
    for (int i = 0; i < chart.getSubtitleCount(); i++) {
      Title title = chart.getSubtitle(i);
      if (title instanceof TextTitle text) {
        out.add(new Drawn("subtitle", text.getFont(), text.getText()));
      } else if (title instanceof LegendTitle legend) {
        for (int k = 0; k < plot.getLegendItems().getItemCount(); k++) {
          LegendItem item = plot.getLegendItems().get(k);
          out.add(new Drawn("legend", legend.getItemFont(), item.getLabel()));
        }
      }
    }
    DateAxis dates = (DateAxis) plot.getDomainAxis();
    NumberAxis values = (NumberAxis) plot.getRangeAxis();
    out.add(new Drawn("date axis", dates.getLabelFont(), dates.getLabel()));
    out.add(new Drawn("value axis", values.getLabelFont(), values.getLabel()));
    if (!DatasetUtils.isEmptyOrNull(plot.getDataset())) {
      long first = (long) plot.getDataset().getXValue(0, 0);
      out.add(
          new Drawn(
              "date tick",
              dates.getTickLabelFont(),
              dates.getDateFormatOverride().format(new Date(first))));
    } else {
      out.add(new Drawn("no data", plot.getNoDataMessageFont(), plot.getNoDataMessage()));
    }
    out.add(
        new Drawn(
            "value tick",
            values.getTickLabelFont(),
            values.getNumberFormatOverride().format(12345.6)));
    for (Object marker :
        plot.getDomainMarkers(Layer.FOREGROUND) == null
            ? List.of()
            : plot.getDomainMarkers(Layer.FOREGROUND)) {
      Marker m = (Marker) marker;
      if (m.getLabel() != null) {
        out.add(new Drawn("marker", m.getLabelFont(), m.getLabel()));
      }
    }
    return out;
  }

  static void assertBundledFontShows(Drawn d) {
    assertNotNull(d.text(), d.where());
    assertEquals(ChartFonts.FAMILY, d.font().getFamily(Locale.ROOT), d.where() + ": " + d.text());
    assertEquals(-1, d.font().canDisplayUpTo(d.text()), d.where() + " cannot show " + d.text());
  }

  @Test
  void the_bundled_font_loads_from_the_jar_and_shows_chinese_latin_and_the_yuan_sign() {
    Font font = ChartFonts.base();
    assertEquals(ChartFonts.FAMILY, font.getFamily(Locale.ROOT));
    assertEquals(-1, font.canDisplayUpTo("保湿面霜-01 系统误判 恶意举报 违规 Jun 7 ¥12,345 95%（）："));
  }

  @Test
  void a_png_of_a_product_chart_draws_every_label_in_the_bundled_cjk_font() throws Exception {
    JFreeChart chart =
        ImpactCharts.byId(ChartId.PRODUCT_VISITORS, sample, ImpactChartsTest.CREAM, "zh")
            .orElseThrow();
    List<Drawn> drawn = drawn(chart);
    assertTrue(
        drawn.stream().anyMatch(d -> d.text().contains("保湿面霜-01")),
        "the product name is in the title");
    assertTrue(drawn.stream().anyMatch(d -> d.where().equals("marker")), "the deletion is marked");
    drawn.forEach(ChartFontsTest::assertBundledFontShows);

    byte[] png = ChartRenderer.png(chart, 800, 450);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertNotNull(image, "the PNG decodes");
    assertEquals(800, image.getWidth());
    assertEquals(450, image.getHeight());
  }

  @Test
  void every_chart_draws_every_label_in_the_bundled_font_in_both_languages() {
    for (String lang : List.of("zh", "en")) {
      for (ChartId id : ChartId.values()) {
        JFreeChart chart =
            ImpactCharts.byId(id, sample, ImpactChartsTest.CREAM, lang).orElseThrow();
        List<Drawn> drawn = drawn(chart);
        assertFalse(drawn.isEmpty());
        drawn.forEach(ChartFontsTest::assertBundledFontShows);
      }
    }
  }
}
