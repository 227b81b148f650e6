package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.analysis.ImpactReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanPdfTest {

  @TempDir static Path tmp;
  static ImpactReport zhReport;
  static ImpactReport enReport;
  static byte[] zhPdf;
  static byte[] enPdf;

  @BeforeAll
  static void write() {
    zhReport = ImpactReports.sample("zh");
    enReport = ImpactReports.sample("en");
    zhPdf = PlanWriters.pdf(PlanFixtures.zh(), zhReport, "玉肌小铺");
    enPdf = PlanWriters.pdf(PlanFixtures.en(), enReport, "Jade Skin Shop");
    String keep = System.getProperty("plan.pdf.dir"); // to look at the files: -Dplan.pdf.dir=/tmp
    if (keep != null) {
      try {
        Files.write(Path.of(keep, "plan-zh.pdf"), zhPdf);
        Files.write(Path.of(keep, "plan-en.pdf"), enPdf);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  /** pdftotext's reading of the file, or null when poppler-utils is not installed. */
  static String pdftotext(byte[] pdf, String name) throws Exception {
    Path file = tmp.resolve(name + ".pdf");
    Files.write(file, pdf);
    Path out = tmp.resolve(name + ".txt");
    Process p;
    try {
      p =
          new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), out.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException notInstalled) {
      return null;
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "pdftotext did not finish");
    assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
    return Files.readString(out);
  }

  static void assertNoReplacementBoxes(String text) {
    assertFalse(text.contains("\uFFFD"), "replacement character in the text");
    assertFalse(text.contains("□"), "box in the text");
  }

  @Test
  void the_pdf_opens_has_pages_and_every_font_is_embedded() throws IOException {
    try (PDDocument doc = Loader.loadPDF(zhPdf)) {
      assertTrue(doc.getNumberOfPages() >= 2, "pages: " + doc.getNumberOfPages());
      List<PDFont> fonts = new ArrayList<>();
      int images = 0;
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
        for (COSName name : page.getResources().getXObjectNames()) {
          images++;
        }
      }
      assertFalse(fonts.isEmpty());
      for (PDFont font : fonts) {
        assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
        // a subset's name carries a six-letter tag: ABCDEF+WenQuanYiMicroHei
        assertTrue(font.getName().matches("[A-Z]{6}\\+WenQuanYiMicroHei"), font.getName());
      }
      assertTrue(images >= 2, "charts drawn: " + images);
    }
  }

  @Test
  void a_chinese_plan_shows_its_chinese_texts_to_pdfbox_and_pdftotext() throws Exception {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "玉肌小铺",
                "销量恢复计划",
                "申诉恢复销量",
                "优化商品详情",
                "保湿面霜-01",
                "主要损失",
                "逐周安排",
                "所用假设",
                "appeal_success_rate",
                "¥12,346",
                "行业经验"));
    String stripped = text(zhPdf);
    String poppler = pdftotext(zhPdf, "zh");
    for (String t : texts) {
      assertTrue(stripped.replace("\n", "").contains(t), "PDFBox misses " + t);
      if (poppler != null) {
        assertTrue(poppler.replace("\n", "").contains(t), "pdftotext misses " + t);
      }
    }
    assertNoReplacementBoxes(stripped);
    if (poppler != null) {
      assertNoReplacementBoxes(poppler);
    }
  }

  @Test
  void an_english_plan_shows_its_english_texts() throws Exception {
    String stripped = text(enPdf).replace("\n", " ").replaceAll(" +", " ");
    String poppler = pdftotext(enPdf, "en");
    poppler = poppler == null ? null : poppler.replace("\n", " ").replaceAll(" +", " ");
    for (String t :
        List.of(
            "Recovery plan for Jade Skin Shop",
            "Appeal to restore",
            "Affiliate",
            "Key losses",
            "Week by week",
            "Assumptions used",
            "Rationale",
            "¥12,346",
            "logistics")) {
      assertTrue(stripped.contains(t), "PDFBox misses " + t);
      if (poppler != null) {
        assertTrue(poppler.contains(t), "pdftotext misses " + t);
      }
    }
    assertFalse(stripped.contains("申诉恢复销量"), "a Chinese action name in the English plan");
    assertNoReplacementBoxes(stripped);
  }

  @Test
  void a_loss_that_was_not_measured_says_so() throws IOException {
    ImpactReport noTraffic = ImpactReports.sample("en", "商品流量.csv");
    String text = text(PlanWriters.pdf(PlanFixtures.en(), noTraffic, "Shop"));
    assertTrue(text.contains("not measured"), text);
  }

  @Test
  void lines_wrap_within_the_column_for_chinese_and_at_spaces_for_latin() throws IOException {
    try (PdfLayout layout = new PdfLayout()) {
      List<String> zh = layout.wrap("补充真实买家秀和成分说明提升详情页转化率", 9, 40);
      assertTrue(zh.size() > 1, zh.toString());
      assertEquals("补充真实买家秀和成分说明提升详情页转化率", String.join("", zh));
      List<String> en = layout.wrap("restores the sales count", 9, 60);
      assertTrue(en.size() > 1, en.toString());
      for (String line : en) {
        assertFalse(line.startsWith(" ") || line.endsWith(" "), line);
      }
      assertEquals("restores the sales count", String.join(" ", en));
      assertEquals(List.of("a?b"), layout.wrap("a\uD83D\uDE00b", 9, 400), "no glyph becomes '?'");
    }
  }
}
