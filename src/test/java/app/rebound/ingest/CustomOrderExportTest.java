package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Custom order exports (13–21 columns of the 75) are read: only 子订单编号, 商品ID and one time are
 * required, and each absent column that costs a measurement is named in a warning saying which.
 */
class CustomOrderExportTest {

  private static List<String> codes(ParsedExport p) {
    return p.report().warnings().stream().map(IngestWarning::code).toList();
  }

  @Test
  void a_custom_export_dated_by_payment_alone_is_read_and_each_absent_column_is_warned_of()
      throws IOException {
    ParsedExport p =
        ExportReaderTest.utf8(
            "主订单编号,子订单编号,选购商品,商品规格,商品ID,商家编码,商品单价,订单应付金额,运费,支付完成时间,订单状态,售后状态,省\n"
                + "\t6920000000000000001,\t6920000000000000011,手机壳,小号,\t3500000000000000001,SKU1,"
                + "29.90,29.90,0.00,2026/9/10 8:00,已完成,-,广东省\n"
                + "\t6920000000000000002,\t6920000000000000012,手机壳,小号,\t3500000000000000001,SKU1,"
                + "29.90,29.90,0.00,,待支付,-,广东省\n");
    assertTrue(p.accepted(), p.report().toString());
    Table t = p.table();
    assertEquals(1, t.rowCount());
    assertEquals(LocalDateTime.of(2026, 9, 10, 8, 0), t.dateTimeColumn("submitted_at").get(0));
    assertEquals(LocalDateTime.of(2026, 9, 10, 8, 0), t.dateTimeColumn("paid_at").get(0));
    RowError unpaid = ExportFilesTest.onlyError(p.report().errors());
    assertEquals(3, unpaid.line());
    assertEquals("支付完成时间", unpaid.column());
    assertEquals("empty_required", unpaid.code());
    assertEquals(
        List.of(
            "orders_no_quantity",
            "orders_no_submitted_at",
            "orders_no_affiliate_id",
            "orders_no_logistics"),
        codes(p));
    IngestWarning logistics = p.report().warnings().get(3);
    assertTrue(logistics.message().contains("no waybills"), logistics.message());
    assertEquals(1, logistics.count(), "the rows read without it");
  }

  @Test
  void the_three_required_columns_alone_make_an_orders_file() throws IOException {
    ParsedExport p =
        ExportReaderTest.utf8(
            "子订单编号,商品ID,订单提交时间\n6920000000000000011,3500000000000000001,2026-09-22 00:54:10\n");
    assertTrue(p.accepted(), p.report().toString());
    assertEquals("orders", p.report().kind());
    assertEquals(
        List.of(
            "orders_no_order_id",
            "orders_no_quantity",
            "orders_no_payable_amount",
            "orders_no_paid_at",
            "orders_no_order_status",
            "orders_no_after_sale_status",
            "orders_no_affiliate_id",
            "orders_no_logistics"),
        codes(p));
    assertTrue(p.table().intColumn("quantity").isMissing(0));
    assertTrue(p.table().doubleColumn("payable_amount").isMissing(0));
  }

  @Test
  void an_orders_export_without_product_ids_is_refused_saying_to_export_them() throws IOException {
    ParsedExport p =
        ExportReaderTest.utf8(
            "主订单编号,子订单编号,选购商品,商品数量,订单应付金额,订单提交时间\n" + "1,11,手机壳,1,29.90,2026-09-22 00:54:10\n");
    assertFalse(p.accepted());
    assertEquals("file_orders_no_product_id", p.report().messageCode());
    assertEquals(List.of("商品ID"), p.report().missingColumns());
    assertTrue(p.report().message().contains("with the 商品ID column"), p.report().message());
  }

  @Test
  void a_file_with_neither_time_is_refused_naming_both() throws IOException {
    ParsedExport p = ExportReaderTest.utf8("子订单编号,商品ID,订单应付金额\n11,35,29.90\n");
    assertFalse(p.accepted());
    assertEquals(List.of("订单提交时间/支付完成时间"), p.report().missingColumns());
  }

  @Test
  void the_full_export_of_the_sample_is_warned_of_no_absent_column() throws IOException {
    ParsedExport p = ExportReaderTest.sample("订单明细.csv");
    assertTrue(codes(p).stream().noneMatch(c -> c.startsWith("orders_no_")), codes(p)::toString);
  }
}
