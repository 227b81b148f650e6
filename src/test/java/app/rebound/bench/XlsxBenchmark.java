package app.rebound.bench;

import app.rebound.ingest.ExportFiles;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The .xlsx reader's memory and time (not a test): a simulated orders export of N rows saved as a
 * workbook with inline strings (as the shared real-format sample is; Excel itself writes a
 * shared-strings table, which the reader holds in memory: not measured here), read in a fresh JVM
 * with -Xmx1g by Rebound ({@code xlsx-parse}: sniffing, streaming rows, validating every cell into
 * Tablesaw chunks) beside the bare baseline of the same run ({@code xlsx-bare}: POI's own event
 * reader, XSSFSheetXMLHandler, visiting every cell and doing nothing). Writes
 * reports/bench/xlsx.md.
 *
 * <p>Run: {@code mvn -B -q test-compile exec:exec -Dbench=XlsxBenchmark -Dbench.args=200000}
 */
public final class XlsxBenchmark {

  static final int RUNS = 3;
  static final String HEAP = "-Xmx1g";

  public static void main(String[] args) throws Exception {
    String joined = String.join(" ", args).strip();
    long orders = Long.parseLong(joined.isEmpty() ? "200000" : joined.split("\\s+")[0]);
    Path csv = BenchShops.exports(orders).resolve("订单明细.csv");
    Path xlsx = BenchShops.WORK.resolve("orders-" + orders + ".xlsx");
    if (!Files.exists(xlsx)) {
      toWorkbook(csv, xlsx);
    }
    StringBuilder report = new StringBuilder();
    report
        .append("# .xlsx reading benchmark\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "Machine: %d cores, Java %s; each stage in a fresh JVM with %s, median of %d runs"
                    + " (min–max). The workbook: %,d simulated orders, %.1f MiB, text cells as"
                    + " inline strings (a workbook saved by Excel keeps them in a shared-strings table,"
                    + " which the reader holds in memory: not measured here).%n"
                    + "Peak heap: the sum of the heap pools' peaks (an upper bound).%n%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                HEAP,
                RUNS,
                orders,
                Files.size(xlsx) / (1024.0 * 1024.0)))
        .append("| stage | seconds | rows/s | peak heap MiB | × bare |\n")
        .append("| --- | ---: | ---: | ---: | ---: |\n");
    Measured bare = null;
    for (String stage : List.of("xlsx-bare", "xlsx-parse")) {
      List<Measured> runs = new ArrayList<>();
      for (int run = 0; run < RUNS; run++) {
        runs.add(
            PerformanceBenchmark.runStage(HEAP, stage, xlsx, BenchShops.WORK, null).measured());
      }
      runs.sort(Comparator.comparingDouble(Measured::seconds));
      Measured median = runs.get(runs.size() / 2);
      bare = bare == null ? median : bare;
      report.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f (%.2f–%.2f) | %,.0f | %.0f | %.2f |%n",
              stage,
              median.seconds(),
              runs.get(0).seconds(),
              runs.get(runs.size() - 1).seconds(),
              median.rowsPerSecond(),
              runs.stream().mapToDouble(Measured::peakHeapMiB).max().orElse(0),
              median.seconds() / bare.seconds()));
    }
    report.append(
        "\nCommand: `mvn -B -q test-compile exec:exec -Dbench=XlsxBenchmark -Dbench.args="
            + orders
            + "`\n");
    Path out = Path.of("reports", "bench", "xlsx.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report, StandardCharsets.UTF_8);
    System.out.println(report);
  }

  /** The CSV export saved as a workbook, streaming (SXSSF), text cells as inline strings. */
  static void toWorkbook(Path csv, Path xlsx) throws Exception {
    try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(csv)).get();
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        CSVParser parser =
            CSVParser.builder().setReader(reader).setFormat(CSVFormat.DEFAULT).get();
        SXSSFWorkbook wb = new SXSSFWorkbook(null, 1000, true, false)) {
      Sheet sheet = wb.createSheet("订单明细");
      int r = 0;
      for (CSVRecord record : parser) {
        Row row = sheet.createRow(r++);
        for (int c = 0; c < record.size(); c++) {
          String value = record.get(c);
          if (!value.isEmpty()) {
            row.createCell(c).setCellValue(value);
          }
        }
      }
      try (OutputStream out = Files.newOutputStream(xlsx)) {
        wb.write(out);
      }
      wb.dispose();
    }
  }

  /** Rebound's reader: every sheet sniffed, streamed and validated, the chunks dropped. */
  static long parse(Path xlsx) throws Exception {
    long[] rows = {0};
    try (InputStream in = Files.newInputStream(xlsx)) {
      new ExportFiles(20_000_000L)
          .read(
              xlsx.getFileName().toString(),
              in,
              stream -> {
                while (stream.next() != null) {
                  // each chunk is dropped once read
                }
                rows[0] += stream.report().rowsRead();
              });
    }
    return rows[0];
  }

  /** The bare baseline: POI's event reader visiting every cell of every sheet. */
  static long bare(Path xlsx) throws Exception {
    long[] rows = {0};
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
      XSSFReader.SheetIterator sheets = reader.getSheetIterator();
      while (sheets.hasNext()) {
        try (InputStream sheet = sheets.next()) {
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(
              new XSSFSheetXMLHandler(
                  reader.getStylesTable(),
                  strings,
                  new XSSFSheetXMLHandler.SheetContentsHandler() {
                    @Override
                    public void startRow(int rowNum) {
                      rows[0]++;
                    }

                    @Override
                    public void endRow(int rowNum) {}

                    @Override
                    public void cell(String ref, String value, XSSFComment comment) {}
                  },
                  false));
          xml.parse(new InputSource(sheet));
        }
      }
      pkg.revert();
    }
    return rows[0] - 1; // the header row
  }
}
