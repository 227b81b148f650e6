package app.rebound.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * One sheet of an .xlsx workbook read as a stream: the sheet's XML is pulled row by row (StAX), so
 * a sheet of any length holds one row in memory. Cells become the text a CSV export would hold:
 * shared and inline strings as written (ids stay text, never a double), numbers as their plain
 * decimal, and date-formatted numbers (Excel serials) as {@code yyyy-MM-dd HH:mm:ss}. Rows are
 * padded to the header's width, since Excel leaves trailing empty cells out.
 */
final class XlsxRows implements RowSource, Closeable {

  private static final XMLInputFactory FACTORY = secureFactory();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /**
   * Excel keeps 15 significant digits; beyond 10^15 a number is not an exact integer (an id turned
   * into a number), so its text is kept as written and the id reader refuses it.
   */
  private static final MathContext EXCEL_DIGITS = new MathContext(15);

  private static final BigDecimal EXACT_LIMIT = new BigDecimal("1e15");

  private final InputStream in;
  private final XMLStreamReader xml;
  private final SharedStrings strings;
  private final StylesTable styles;
  private final boolean date1904;
  private int width;
  private long line;
  private long position;

  XlsxRows(InputStream in, SharedStrings strings, StylesTable styles, boolean date1904)
      throws IOException {
    this.in = in;
    this.strings = strings;
    this.styles = styles;
    this.date1904 = date1904;
    try {
      this.xml = FACTORY.createXMLStreamReader(in);
    } catch (XMLStreamException e) {
      throw new RowSource.BrokenSheetException(e.getMessage(), e);
    }
  }

  @Override
  public String[] next() {
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
          String r = xml.getAttributeValue(null, "r");
          line = r == null ? line + 1 : Long.parseLong(r);
          position = line;
          String[] row = shape(readRow());
          if (width > 0 || row.length > 0) { // blank rows above the header are not rows
            return row;
          }
        }
      }
      return null;
    } catch (XMLStreamException | RuntimeException e) {
      if (e instanceof UncheckedIOException unchecked) {
        throw unchecked;
      }
      throw new UncheckedIOException(
          new RowSource.BrokenSheetException(String.valueOf(e.getMessage()), e));
    }
  }

  /**
   * Rows are cut of trailing blanks and, once the header is known, padded to its width (a title row
   * above the header is as wide as its own cells).
   */
  private String[] shape(List<String> cells) {
    int end = cells.size();
    while (end > 0 && cells.get(end - 1).isEmpty()) {
      end--;
    }
    String[] row = new String[Math.max(end, width)];
    Arrays.fill(row, "");
    for (int i = 0; i < end; i++) {
      row[i] = cells.get(i);
    }
    return row;
  }

  private List<String> readRow() throws XMLStreamException {
    List<String> cells = new ArrayList<>();
    int column = 0;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
        return cells;
      }
      if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
        String ref = xml.getAttributeValue(null, "r");
        column = ref == null ? column : columnIndex(ref);
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        String value = readCell(type, style);
        while (cells.size() < column) {
          cells.add("");
        }
        cells.add(value);
        column++;
      }
    }
    return cells;
  }

  /** Reads up to the cell's end: its {@code <v>} or inline string, formulas skipped. */
  private String readCell(String type, String style) throws XMLStreamException {
    StringBuilder value = new StringBuilder();
    StringBuilder inline = new StringBuilder();
    boolean inValue = false;
    boolean inText = false;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        String name = xml.getLocalName();
        inValue = name.equals("v");
        inText = name.equals("t");
      } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
        if (inValue) {
          value.append(xml.getText());
        } else if (inText) {
          inline.append(xml.getText());
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String name = xml.getLocalName();
        if (name.equals("c")) {
          break;
        }
        inValue = false;
        inText = false;
      }
    }
    return text(type, style, value.toString(), inline.toString());
  }

  private String text(String type, String style, String value, String inline) {
    if (type == null || type.equals("n")) {
      return value.isEmpty() ? "" : number(value, style);
    }
    return switch (type) {
      case "s" -> value.isEmpty() ? "" : strings.getItemAt(Integer.parseInt(value)).getString();
      case "inlineStr" -> inline;
      case "b" -> value.equals("1") ? "true" : "false";
      default -> value; // str (a formula's text), e (an error such as #N/A), d (ISO date)
    };
  }

  private String number(String raw, String style) {
    BigDecimal number;
    try {
      number = new BigDecimal(raw);
    } catch (NumberFormatException e) {
      return raw;
    }
    if (style != null && isDateStyle(Integer.parseInt(style))) {
      LocalDateTime time = DateUtil.getLocalDateTime(number.doubleValue(), date1904, true);
      return time == null ? raw : time.format(TIME);
    }
    if (number.abs().compareTo(EXACT_LIMIT) >= 0) {
      return raw;
    }
    return number.round(EXCEL_DIGITS).stripTrailingZeros().toPlainString();
  }

  private boolean isDateStyle(int index) {
    if (styles == null || index < 0 || index >= styles.getNumCellStyles()) {
      return false;
    }
    XSSFCellStyle style = styles.getStyleAt(index);
    return style != null
        && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
  }

  /** "BC12" → 54 (zero-based). */
  static int columnIndex(String ref) {
    int column = 0;
    for (int i = 0; i < ref.length(); i++) {
      char c = ref.charAt(i);
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    return column - 1;
  }

  /** The header fixes the width the rows after it are padded to. */
  @Override
  public void useHeader(String[] row) {
    width = row.length;
  }

  @Override
  public long line() {
    return line;
  }

  @Override
  public long position() {
    return Math.max(1, position);
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // closing a reader over a stream we close next: nothing to keep
    }
    in.close();
  }

  private static XMLInputFactory secureFactory() {
    XMLInputFactory factory = XMLInputFactory.newInstance();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }
}
