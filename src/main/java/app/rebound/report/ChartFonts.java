package app.rebound.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;

/**
 * The CJK font every chart draws with, bundled in the jar so PNG (and PDF) output shows Chinese on
 * a machine with no CJK font installed: WenQuanYi Micro Hei (文泉驿微米黑, Apache-2.0, TrueType outlines,
 * the GBK hanzi; see fonts/NOTICE.txt). It is registered with the GraphicsEnvironment once and
 * reaches the charts through {@link #theme()}. SVG names it first in a CSS family list ({@link
 * #SVG_FAMILIES}), with fallbacks a browser is likely to have.
 */
final class ChartFonts {

  static final String RESOURCE = "/app/rebound/report/fonts/wqy-microhei.ttc";
  static final String FAMILY = "WenQuanYi Micro Hei";

  /**
   * font-family for SVG text: the bundled font's family, then common CJK fonts, then the default.
   * Double quotes, because JFreeSVG writes its attributes in single quotes and does not escape this
   * value.
   */
  static final String SVG_FAMILIES =
      "\"WenQuanYi Micro Hei\", \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", "
          + "\"Microsoft YaHei\", sans-serif";

  private ChartFonts() {}

  private static final class Loaded {
    static final Font BASE = load();
  }

  /** The bundled font at 1pt, plain; derive sizes from it. */
  static Font base() {
    return Loaded.BASE;
  }

  static Font font(int style, float size) {
    return base().deriveFont(style, size);
  }

  /** The chart theme: the bundled font in every size, white plot with light grid lines. */
  static StandardChartTheme theme() {
    StandardChartTheme theme = new StandardChartTheme("rebound");
    theme.setExtraLargeFont(font(Font.BOLD, 18f));
    theme.setLargeFont(font(Font.BOLD, 14f));
    theme.setRegularFont(font(Font.PLAIN, 12f));
    theme.setSmallFont(font(Font.PLAIN, 10f));
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(new Color(0xDDDDDD));
    theme.setRangeGridlinePaint(new Color(0xDDDDDD));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setShadowVisible(false);
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    return theme;
  }

  private static Font load() {
    try (InputStream in = ChartFonts.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the chart font " + RESOURCE + " is missing from the classpath");
      }
      Font chosen = null;
      for (Font face : Font.createFonts(in)) {
        GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(face);
        if (face.getFamily(Locale.ROOT).equals(FAMILY)) {
          chosen = face;
        }
      }
      if (chosen == null) {
        throw new IllegalStateException(RESOURCE + " holds no face of the family " + FAMILY);
      }
      return chosen.deriveFont(Font.PLAIN, 1f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the chart font " + RESOURCE, e);
    } catch (FontFormatException e) {
      throw new IllegalStateException("the chart font " + RESOURCE + " is not a font", e);
    }
  }
}
