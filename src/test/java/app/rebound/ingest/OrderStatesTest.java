package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 订单状态 and 售后状态 words of the exports each mean one thing to the analysis; a word outside them
 * is kept and counted in the file's report, never read as something.
 */
class OrderStatesTest {

  private static final String HEADER = "子订单编号,商品ID,订单提交时间,订单状态,售后状态\n";

  private static String row(int n, String status, String afterSale) {
    return "69200000000000000"
        + (10 + n)
        + ",35,2026-09-22 00:54:10,"
        + status
        + ","
        + afterSale
        + "\n";
  }

  @Test
  void each_status_word_of_the_exports_has_its_meaning() {
    for (String refunded : List.of("退款成功", "已全额退款", "同意退款，退款成功")) {
      assertTrue(OrderStates.refunded(refunded), refunded);
      assertFalse(OrderStates.open(refunded), refunded);
    }
    for (String open : List.of("售后中", "退款中", "待收退货", "售后待处理", "待退货")) {
      assertTrue(OrderStates.open(open), open);
      assertFalse(OrderStates.refunded(open), open);
    }
    assertFalse(OrderStates.refunded("售后关闭"));
    assertFalse(OrderStates.open("售后关闭"));
    assertTrue(OrderStates.completed("已完成"));
    assertTrue(OrderStates.closed("已关闭"));
    for (String other : List.of("已发货", "待发货", "待支付")) {
      assertFalse(OrderStates.completed(other) || OrderStates.closed(other), other);
    }
  }

  @Test
  void the_words_of_the_doc_are_no_unknown_values() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER);
    List<String> statuses = List.of("已完成", "已发货", "已关闭", "待发货", "待支付");
    List<String> afterSales =
        List.of(
            "-", "售后中", "退款成功", "退款中", "已全额退款", "待收退货", "售后待处理", "待退货", "售后关闭", "\"同意退款，退款成功\"");
    for (int i = 0; i < afterSales.size(); i++) {
      csv.append(row(i, statuses.get(i % statuses.size()), afterSales.get(i)));
    }
    ParsedExport p = ExportReaderTest.utf8(csv.toString());
    assertEquals(afterSales.size(), p.report().rowsAccepted(), p.report().toString());
    assertTrue(
        p.report().warnings().stream().noneMatch(w -> w.code().equals("unknown_values")),
        p.report().warnings()::toString);
  }

  @Test
  void an_unknown_word_is_kept_and_counted_per_column() throws IOException {
    ParsedExport p =
        ExportReaderTest.utf8(
            HEADER + row(1, "已签收", "退款完成") + row(2, "已签收", "-") + row(3, "已完成", "退款成功"));
    assertEquals(3, p.report().rowsAccepted());
    assertEquals("已签收", p.table().stringColumn("order_status").get(0), "kept as written");
    List<IngestWarning> unknown =
        p.report().warnings().stream().filter(w -> w.code().equals("unknown_values")).toList();
    assertEquals(2, unknown.size(), unknown::toString);
    assertEquals(List.of("订单状态", "2"), unknown.get(0).args());
    assertEquals(List.of("已签收 (2)"), unknown.get(0).examples());
    assertEquals(2, unknown.get(0).count());
    assertEquals(List.of("售后状态", "1"), unknown.get(1).args());
    assertEquals(List.of("退款完成 (1)"), unknown.get(1).examples());
  }

  @Test
  void an_after_sales_export_counts_its_unknown_statuses_too() throws IOException {
    ParsedExport p =
        ExportReaderTest.utf8("商品单号,售后申请时间,售后状态\n6920000000000000011,2026-09-22 10:00:00,退款关闭中\n");
    assertEquals("unknown_values", p.report().warnings().get(0).code());
  }
}
