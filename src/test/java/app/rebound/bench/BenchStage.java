package app.rebound.bench;

import app.rebound.Json;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.ExportReader;
import app.rebound.ingest.ExportStream;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * One stage run in its own JVM, so each peak-heap figure is that stage's alone. Prints one MEASURED line.
 * Usage: BenchStage STAGE ORDERS_CSV [DATA_DIR]
 */
public final class BenchStage {

  public static void main(String[] args) throws Exception {
    String stage = args[0];
    Path orders = Path.of(args[1]);
    long start = System.nanoTime();
    long rows = switch (stage) {
      case "commons-csv" -> commonsCsvPass(orders);
      case "parse" -> parse(orders);
      case "ingest" -> ingest(orders, Path.of(args[2]));
      case "analyze" -> analyze(Path.of(args[2]));
      default -> throw new IllegalArgumentException(stage);
    };
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(new Measured(stage, rows, seconds, Measured.jvmPeakHeapMiB()).toLine());
  }

  /**
   * The baseline: a bare Commons CSV streaming pass that reads every record and groups order counts by
   * product and day, as the simplest honest program over the same file would.
   */
  static long commonsCsvPass(Path file) throws Exception {
    Map<String, Integer> byProductDay = new HashMap<>();
    long rows = 0;
    try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        CSVParser parser = CSVParser.builder().setReader(reader)
            .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      int product = parser.getHeaderMap().get("商品ID");
      int submitted = parser.getHeaderMap().get("订单提交时间");
      for (CSVRecord record : parser) {
        String day = record.get(submitted);
        String key = record.get(product).strip() + '|' + day.substring(0, Math.min(10, day.length()));
        byProductDay.merge(key, 1, Integer::sum);
        rows++;
      }
    }
    if (byProductDay.isEmpty()) {
      throw new IllegalStateException("no rows");
    }
    return rows;
  }

  /** Reading and validating into Tablesaw chunks, as an upload does, without storing them. */
  static long parse(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      ExportStream stream = ExportReader.open(file.getFileName().toString(), in, ExportReader.CHUNK_ROWS);
      while (stream.next() != null) {
        // each chunk is dropped once read
      }
      return stream.report().rowsRead();
    }
  }

  /** The whole shop folder (orders and the other exports beside it) uploaded into a new workspace. */
  static long ingest(Path ordersFile, Path data) throws Exception {
    List<UploadFile> files;
    try (var paths = Files.list(ordersFile.getParent())) {
      files = paths.filter(p -> p.toString().endsWith(".csv")).sorted()
          .map(p -> new UploadFile(p.getFileName().toString(), () -> Files.newInputStream(p))).toList();
    }
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      var report = ws.upload("bench", files, s -> { });
      return report.files().stream().filter(f -> "orders".equals(f.kind())).mapToLong(f -> f.rowsRead()).sum();
    }
  }

  /** The impact pipeline over the stored shop, as the background analysis runs it after an upload. */
  static long analyze(Path data) throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      ShopData shop = ShopData.load(ws.database("bench"));
      ImpactAnalysis.Result result = ImpactAnalysis.run(shop);
      Json.MAPPER.writeValueAsString(result.report("zh"));
      return shop.orders().rowCount();
    }
  }
}
