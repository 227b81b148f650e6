package app.rebound.report;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A tiny top-down layout on A4 pages: a cursor, text wrapped to a width, a new page when the cursor
 * reaches the bottom margin. One font, the bundled WenQuanYi Micro Hei, embedded as a subset, so
 * Chinese and Latin render on any reader. Lines break anywhere between CJK characters and at spaces
 * in Latin text; a Latin word wider than the column is cut. Characters the font has no glyph for
 * are drawn as '?'.
 */
final class PdfLayout implements Closeable {

  static final float MARGIN = 48;
  static final float BODY = 9;
  private static final PDRectangle SIZE = PDRectangle.A4;
  private static final String POSTSCRIPT_NAME = "WenQuanYiMicroHei";
  private static final Color RULE = new Color(0xCCCCCC);
  private static final Color HEADER = new Color(0xEEEEEE);

  private final PDDocument document = new PDDocument();
  private final TrueTypeCollection collection;
  private final TrueTypeFont ttf;
  private final PDType0Font font;
  private PDPageContentStream content;
  private float y;

  PdfLayout() {
    try {
      // The collection stays open until the document is saved: the subset is cut from it then.
      collection = new TrueTypeCollection(new ByteArrayInputStream(FontBytes.TTC));
      ttf = collection.getFontByName(POSTSCRIPT_NAME);
      if (ttf == null) {
        throw new IllegalStateException(ChartFonts.RESOURCE + " holds no font " + POSTSCRIPT_NAME);
      }
      font = PDType0Font.load(document, ttf, true);
      newPage();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the PDF font", e);
    }
  }

  private static final class FontBytes {
    static final byte[] TTC = read();

    private static byte[] read() {
      try (InputStream in = PdfLayout.class.getResourceAsStream(ChartFonts.RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "the font " + ChartFonts.RESOURCE + " is missing from the classpath");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  float width() {
    return SIZE.getWidth() - 2 * MARGIN;
  }

  void heading(String text, float size) throws IOException {
    space(size * 0.6f);
    ensure(
        size * 1.5f
            + 50); // keep a heading with the first lines (or a table header and row) after it
    paragraph(text, size);
    space(size * 0.3f);
  }

  /** Wrapped text over the full width; '\n' starts a new line. */
  void paragraph(String text, float size) throws IOException {
    for (String line : wrap(text, size, width())) {
      ensure(leading(size));
      y -= leading(size);
      show(line, MARGIN, y + size * 0.3f, size);
    }
  }

  void space(float points) {
    y -= points;
  }

  /**
   * A table whose cells wrap within their column. Rows are drawn line by line, so a row taller than
   * the rest of the page continues on the next; the header row is repeated on a page a row starts
   * on.
   */
  void table(float[] widths, List<String> header, List<List<String>> rows, float size)
      throws IOException {
    float pad = 3;
    float line = leading(size);
    ensure(2 * (line + 2 * pad)); // no header alone at the foot of a page
    drawRow(widths, header, size, pad, HEADER);
    for (List<String> row : rows) {
      if (y - line - 2 * pad < MARGIN) {
        newPage();
        drawRow(widths, header, size, pad, HEADER);
      }
      drawRow(widths, row, size, pad, null);
    }
    space(line / 2);
  }

  private void drawRow(float[] widths, List<String> cells, float size, float pad, Color fill)
      throws IOException {
    List<List<String>> lines = new ArrayList<>();
    int height = 1;
    for (int c = 0; c < widths.length; c++) {
      String text = c < cells.size() ? cells.get(c) : "";
      List<String> wrapped = wrap(text, size, widths[c] - 2 * pad);
      lines.add(wrapped);
      height = Math.max(height, wrapped.size());
    }
    float line = leading(size);
    if (fill != null) {
      float h = Math.min(height * line + 2 * pad, y - MARGIN);
      content.setNonStrokingColor(fill);
      content.addRect(MARGIN, y - h, width(), h);
      content.fill();
      content.setNonStrokingColor(Color.BLACK);
    }
    y -= pad;
    for (int i = 0; i < height; i++) {
      ensure(line + pad);
      y -= line;
      float x = MARGIN;
      for (int c = 0; c < widths.length; c++) {
        if (i < lines.get(c).size()) {
          show(lines.get(c).get(i), x + pad, y + size * 0.3f, size);
        }
        x += widths[c];
      }
    }
    y -= pad;
    content.setStrokingColor(RULE);
    content.setLineWidth(0.5f);
    content.moveTo(MARGIN, y);
    content.lineTo(MARGIN + width(), y);
    content.stroke();
    content.setStrokingColor(Color.BLACK);
  }

  /** A PNG over the full width, its proportions kept. */
  void image(byte[] png, String name) throws IOException {
    PDImageXObject image = PDImageXObject.createFromByteArray(document, png, name);
    float w = width();
    float h = w * image.getHeight() / image.getWidth();
    ensure(h + 6);
    y -= h + 6;
    content.drawImage(image, MARGIN, y, w, h);
  }

  /** The lines of text at this size within the width: CJK breaks anywhere, Latin at spaces. */
  List<String> wrap(String text, float size, float maxWidth) throws IOException {
    List<String> out = new ArrayList<>();
    for (String paragraph : drawable(text == null ? "" : text).split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String token : tokens(paragraph)) {
        if (token.isBlank() && line.length() == 0 && !out.isEmpty()) {
          continue; // no space at the start of a wrapped line
        }
        if (textWidth(line + token, size) <= maxWidth) {
          line.append(token);
          continue;
        }
        if (!line.toString().isBlank()) {
          out.add(line.toString().stripTrailing());
        }
        line.setLength(0);
        String rest = token.isBlank() ? "" : token;
        while (textWidth(rest, size) > maxWidth
            && rest.length() > 1) { // a word wider than the column
          int cut = rest.length() - 1;
          while (cut > 1 && textWidth(rest.substring(0, cut), size) > maxWidth) {
            cut--;
          }
          out.add(rest.substring(0, cut));
          rest = rest.substring(cut);
        }
        line.append(rest);
      }
      out.add(line.toString().stripTrailing());
    }
    return out;
  }

  /** Break units: each CJK character alone, each run of spaces, each Latin word. */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              boolean space = cp == ' ';
              if (isCjk(cp) || space) {
                if (word.length() > 0) {
                  tokens.add(word.toString());
                  word.setLength(0);
                }
                tokens.add(Character.toString(cp));
              } else {
                word.appendCodePoint(cp);
              }
            });
    if (word.length() > 0) {
      tokens.add(word.toString());
    }
    return tokens;
  }

  private static boolean isCjk(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL
        || (cp >= 0x3000 && cp <= 0x303F)
        || (cp >= 0xFF00 && cp <= 0xFFEF);
  }

  /** Tabs and control characters as spaces, characters without a glyph as '?'. */
  private String drawable(String text) throws IOException {
    var cmap = ttf.getUnicodeCmapLookup();
    StringBuilder out = new StringBuilder(text.length());
    text.replace("\r\n", "\n")
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                out.append('\n');
              } else if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                out.append(' ');
              } else {
                out.appendCodePoint(cmap.getGlyphId(cp) > 0 ? cp : '?');
              }
            });
    return out.toString();
  }

  private float textWidth(String text, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  private static float leading(float size) {
    return size * 1.45f;
  }

  private void show(String text, float x, float baseline, float size) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, baseline);
    content.showText(text);
    content.endText();
  }

  private void ensure(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  private void newPage() throws IOException {
    if (content != null) {
      content.close();
    }
    PDPage page = new PDPage(SIZE);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    y = SIZE.getHeight() - MARGIN;
  }

  byte[] save() throws IOException {
    content.close();
    content = null;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    if (content != null) {
      content.close();
    }
    document.close();
    collection.close();
  }
}
