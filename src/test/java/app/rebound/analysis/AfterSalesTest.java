package app.rebound.analysis;

import static app.rebound.analysis.Rows.add;
import static org.junit.jupiter.api.Assertions.*;

import app.rebound.ingest.FileKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class AfterSalesTest {

  @Test
  void the_longer_vocabulary_tells_refunded_from_open_from_none() {
    for (String s : List.of("退款成功", "已全额退款", "同意退款，退款成功")) {
      assertTrue(AfterSales.refunded(s), s);
      assertFalse(AfterSales.open(s), s);
    }
    for (String s : List.of("售后中", "退款中", "待收退货", "售后待处理", "待退货")) {
      assertTrue(AfterSales.open(s), s);
      assertFalse(AfterSales.refunded(s), s);
    }
    for (String s : List.of("", "-", "售后关闭")) {
      assertFalse(AfterSales.open(s) || AfterSales.refunded(s), s);
    }
  }

  @Test
  void an_orders_refund_state_is_the_stronger_of_its_row_and_its_latest_after_sale_record() {
    Table orders = Rows.empty(FileKind.ORDERS);
    for (String[] o :
        new String[][] {{"1", ""}, {"2", "售后中"}, {"3", "退款成功"}, {"4", ""}, {"5", ""}}) {
      add(orders, "sub_order_id", o[0], "after_sale_status", o[1]);
    }
    Table records = Rows.empty(FileKind.AFTER_SALES);
    // 1: refunded by the after-sales export; 2: its open after-sale was refunded since;
    // 3: a later, closed request does not undo the refund; 4: an earlier refund was replaced by a
    // later open request; 5: no record.
    add(records, "sub_order_id", "1", "applied_at", "2026-05-02 10:00", "status", "同意退款，退款成功");
    add(records, "sub_order_id", "2", "applied_at", "2026-05-02 10:00", "status", "退款成功");
    add(records, "sub_order_id", "3", "applied_at", "2026-05-09 10:00", "status", "售后关闭");
    add(records, "sub_order_id", "4", "applied_at", "2026-05-01 10:00", "status", "售后关闭");
    add(records, "sub_order_id", "4", "applied_at", "2026-05-03 10:00", "status", "待退货");
    Table merged = AfterSales.intoOrders(orders, records);
    assertEquals(
        List.of("同意退款，退款成功", "退款成功", "退款成功", "待退货", ""),
        merged.stringColumn("after_sale_status").asList());
    assertEquals("", orders.stringColumn("after_sale_status").get(0), "the input is not changed");
  }
}
