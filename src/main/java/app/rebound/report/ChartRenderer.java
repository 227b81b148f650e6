package app.rebound.report;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Draws a chart as SVG (for pages: text stays text, in a CSS font-family list the browser resolves)
 * or PNG (with the bundled CJK font, no display needed).
 */
public final class ChartRenderer {

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // JFreeChart draws rotated text (the value axis label) through TextLayout by default, a
    // workaround for an old JDK bug, which JFreeSVG can only write as glyph outlines; plain
    // drawString keeps it text.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartRenderer() {}

  /**
   * Registers the bundled font and draws a small chart, unseen, so that the first chart a page
   * draws finds them ready: on a cold JVM the font and the classes and tables of JFreeChart and
   * JFreeSVG take a few tenths of a second.
   */
  public static void prepare() {
    XYSeries line = new XYSeries("");
    line.add(0, 0);
    line.add(1, 1);
    XYPlot plot =
        new XYPlot(
            new XYSeriesCollection(line),
            new DateAxis(""),
            new NumberAxis(""),
            new XYLineAndShapeRenderer());
    JFreeChart chart = new JFreeChart("", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    ChartFonts.theme().apply(chart);
    svg(chart, 720, 360);
  }

  /**
   * An {@code <svg>} element; every font is written as {@link ChartFonts#SVG_FAMILIES}. Over the
   * plot lie invisible areas, one per date, whose {@code <title>} the browser shows on hover: the
   * date and each series' value there ({@link ChartTable#hoverAreas}).
   */
  public static String svg(JFreeChart chart, int width, int height) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setFontFunction(family -> ChartFonts.SVG_FAMILIES);
    // No entity collection: only the plot's data area is wanted, to place the hover areas.
    ChartRenderingInfo info = new ChartRenderingInfo(null);
    chart.draw(g2, new Rectangle(0, 0, width, height), info);
    // A viewBox and no fixed size: the page scales the chart to its box and keeps its proportions.
    String svg = g2.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
    int end = svg.lastIndexOf("</svg>");
    return svg.substring(0, end)
        + ChartTable.hoverAreas(chart, info.getPlotInfo().getDataArea())
        + svg.substring(end);
  }

  public static byte[] png(JFreeChart chart, int width, int height) {
    try {
      return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the chart as PNG", e);
    }
  }
}
