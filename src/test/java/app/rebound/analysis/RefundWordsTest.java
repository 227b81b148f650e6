package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.rebound.ingest.ExportReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * Every refunded 售后状态 of the exports is a refund where the analysis looks for refund waves, not
 * 退款成功 alone; an after-sale closed without a refund, or a word Rebound does not know, is none.
 */
class RefundWordsTest {

  @Test
  void the_refund_wave_reads_every_refunded_word_and_nothing_else() throws IOException {
    String csv =
        "子订单编号,商品ID,订单提交时间,售后状态,取消原因\n"
            + "11,35,2026-09-22 00:54:10,退款成功,不想要了\n"
            + "12,35,2026-09-22 00:54:10,已全额退款,不想要了\n"
            + "13,35,2026-09-22 00:54:10,\"同意退款，退款成功\",不想要了\n"
            + "14,35,2026-09-22 00:54:10,售后关闭,不想要了\n"
            + "15,35,2026-09-22 00:54:10,退款完成,不想要了\n";
    Table orders =
        ExportReader.read("o.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
            .table();
    assertEquals(Set.of("11", "12", "13"), RefundRecord.fromOrders(orders).keySet());
  }
}
