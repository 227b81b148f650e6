package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The refund-wave signal reads the after-sales export where it is uploaded: when each refund was
 * asked for and whether it was an express refund, which the orders export cannot say.
 */
class RefundRecordTest {

  @TempDir Path dir;

  @Test
  void after_sales_requests_refunded_or_open_lay_their_time_flag_and_amount_over_the_orders() {
    LocalDateTime t = LocalDateTime.of(2026, 5, 9, 20, 33);
    Table afterSales =
        Table.create(
            StringColumn.create("sub_order_id", "a", "b", "c", "a"),
            StringColumn.create("status", "同意退款，退款成功", "售后待处理", "售后关闭", "退款成功"),
            DateTimeColumn.create("applied_at", t, t, t, t.minusDays(3)),
            BooleanColumn.create("express_refund", true, false, true, false),
            DoubleColumn.create("refund_amount", 9.9, 89.0, 5.0, 1.0));
    Map<String, RefundRecord> fromOrders =
        Map.of(
            "a",
            new RefundRecord("a", null, null, 12.0),
            "z",
            new RefundRecord("z", null, null, 3.0));
    Map<String, RefundRecord> merged = RefundRecord.withAfterSales(fromOrders, afterSales);
    assertEquals(new RefundRecord("a", t, true, 9.9), merged.get("a"), "the latest request wins");
    assertEquals(new RefundRecord("b", t, false, 89.0), merged.get("b"), "an open request counts");
    assertFalse(merged.containsKey("c"), "a closed after-sale is no refund");
    assertEquals(fromOrders.get("z"), merged.get("z"), "refunds only the orders show stay");
  }

  @Test
  void the_sample_with_its_after_sales_export_gives_refunds_their_request_time_and_flag()
      throws Exception {
    try (Stream<Path> files = Files.list(ExportFolders.SAMPLE)) {
      for (Path f : files.toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    ShopData without = ExportFolders.read(dir);
    ShopBaseline before = new ShopBaseline(without, DeletedOrders.of(without));
    assertTrue(before.refunded.stream().allMatch(r -> r.record().appliedAt() == null));
    Files.copy(
        Path.of("src/test/resources/samples/douyin-export-real-small/售后列表.csv"),
        dir.resolve("售后列表.csv"));
    ShopData with = ExportFolders.read(dir);
    ShopBaseline after = new ShopBaseline(with, DeletedOrders.of(with));
    assertTrue(after.refunded.size() >= before.refunded.size());
    assertTrue(
        after.refunded.stream().anyMatch(r -> r.record().appliedAt() != null),
        "request times from 售后申请时间");
    assertTrue(
        after.refunded.stream().anyMatch(r -> r.record().express() != null),
        "express flags from 是否极速退款");
  }
}
