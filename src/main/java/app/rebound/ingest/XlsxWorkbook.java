package app.rebound.ingest;

import java.io.Closeable;
import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;

/**
 * An .xlsx workbook opened for streaming through Apache POI's event API ({@link XSSFReader}): the
 * shared strings and styles are loaded once, each sheet is then read row by row by {@link
 * XlsxRows}, in the workbook's order.
 */
final class XlsxWorkbook implements Closeable {

  /** A sheet as it is visited: its name and its rows (closed by the workbook's caller). */
  @FunctionalInterface
  interface SheetVisitor {
    void visit(String sheetName, XlsxRows rows) throws Exception;
  }

  private final OPCPackage pkg;
  private final XSSFReader reader;
  private final ReadOnlySharedStringsTable strings;
  private final StylesTable styles;
  private final boolean date1904;

  private XlsxWorkbook(Path file) throws Exception {
    pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
    try {
      reader = new XSSFReader(pkg);
      strings = new ReadOnlySharedStringsTable(pkg, false);
      styles = reader.getStylesTable();
      try (InputStream workbook = reader.getWorkbookData()) {
        date1904 = isDate1904(workbook);
      }
    } catch (Exception e) {
      pkg.revert();
      throw e;
    }
  }

  /** Opens a workbook; any failure means the file is not a readable .xlsx. */
  static XlsxWorkbook open(Path file) throws Exception {
    return new XlsxWorkbook(file);
  }

  /** Visits every sheet in the workbook's order. */
  void eachSheet(SheetVisitor visitor) throws Exception {
    XSSFReader.SheetIterator sheets = reader.getSheetIterator();
    while (sheets.hasNext()) {
      InputStream sheet = sheets.next();
      try (XlsxRows rows = new XlsxRows(sheet, strings, styles, date1904)) {
        visitor.visit(sheets.getSheetName(), rows);
      }
    }
  }

  /** Workbooks made on old Macs count days from 1904 (workbookPr date1904="1"). */
  private static boolean isDate1904(InputStream workbook) throws XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newInstance();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader xml = factory.createXMLStreamReader(workbook);
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT) {
          if (xml.getLocalName().equals("workbookPr")) {
            String value = xml.getAttributeValue(null, "date1904");
            return "1".equals(value) || "true".equalsIgnoreCase(value);
          }
          if (xml.getLocalName().equals("sheets")) {
            return false;
          }
        }
      }
      return false;
    } finally {
      xml.close();
    }
  }

  @Override
  public void close() {
    pkg.revert(); // opened read-only: nothing to write back
  }
}
