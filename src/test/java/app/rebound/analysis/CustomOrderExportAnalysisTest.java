package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.ExportReader;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.ParsedExport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The sample shop's orders cut down to a custom export still give a result: the analysis runs
 * without the optional columns, and what rests only on the ids and times (the deleted orders, their
 * batches) is what the full export gives.
 */
class CustomOrderExportAnalysisTest {

  /** The sample's orders without these columns, read as a merchant's custom export would be. */
  private static Table ordersWithout(Set<String> dropped) throws IOException {
    List<String> header;
    List<List<String>> rows = new ArrayList<>();
    try (Reader in =
        Files.newBufferedReader(ExportFolders.SAMPLE.resolve("订单明细.csv"), StandardCharsets.UTF_8)) {
      List<CSVRecord> records = CSVFormat.DEFAULT.parse(in).getRecords();
      header = records.get(0).toList();
      header.set(0, header.get(0).replace("\uFEFF", ""));
      for (CSVRecord r : records.subList(1, records.size())) {
        rows.add(r.toList());
      }
    }
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      for (List<String> row : prepend(header, rows)) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
          if (!dropped.contains(header.get(i))) {
            kept.add(row.get(i));
          }
        }
        printer.printRecord(kept);
      }
    }
    ParsedExport p =
        ExportReader.read(
            "订单明细.csv", new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    assertTrue(p.accepted(), p.report().toString());
    return p.table();
  }

  private static List<List<String>> prepend(List<String> header, List<List<String>> rows) {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static ImpactAnalysis.Result run(Table orders) {
    ShopData sample = ExportFolders.read(ExportFolders.SAMPLE, name -> !name.startsWith("订单明细"));
    Map<FileKind, Table> tables = new EnumMap<>(FileKind.class);
    tables.put(FileKind.ORDERS, orders);
    tables.put(FileKind.DELETIONS, sample.table(FileKind.DELETIONS));
    return ImpactAnalysis.run(ShopData.of(tables));
  }

  @Test
  void a_custom_export_without_the_optional_columns_is_analysed() throws IOException {
    ImpactAnalysis.Result full = run(ordersWithout(Set.of()));
    ImpactAnalysis.Result custom =
        run(
            ordersWithout(
                Set.of(
                    "主订单编号", "商品数量", "订单应付金额", "订单提交时间", "订单状态", "售后状态", "达人ID", "达人昵称", "快递信息",
                    "发货时间", "订单完成时间")));
    assertEquals(full.deleted().orders(), custom.deleted().orders());
    assertTrue(custom.deleted().orders() > 0);
    assertEquals(0.0, custom.deleted().money(), "no amounts, no money: never a made-up figure");
    assertEquals(full.causes().size(), custom.causes().size(), "the same batches");
    assertEquals(custom.deleted().orders(), custom.deleted().units(), "one unit a line");
    assertEquals(
        custom.deleted().units(),
        custom.causes().stream().mapToLong(BatchCause::units).sum(),
        "the batches count units as the summary does");
    assertEquals(full.deleted().orders(), custom.report("zh").deletions().orders());
  }
}
