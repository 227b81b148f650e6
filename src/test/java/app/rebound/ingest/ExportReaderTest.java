package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ExportReaderTest {

  static final String SAMPLES = "/samples/douyin-export-small/";

  static ParsedExport sample(String name) throws IOException {
    try (InputStream in = ExportReaderTest.class.getResourceAsStream(SAMPLES + name)) {
      assertNotNull(in, name);
      return ExportReader.read(name, in);
    }
  }

  static ParsedExport text(String name, String content, Charset charset) throws IOException {
    return ExportReader.read(name, new ByteArrayInputStream(content.getBytes(charset)));
  }

  static ParsedExport utf8(String content) throws IOException {
    return text("test.csv", content, StandardCharsets.UTF_8);
  }

  @Test
  void utf8_bom_and_gb18030_versions_of_the_sample_read_to_identical_tables() throws IOException {
    ParsedExport bom = sample("订单明细.csv");
    ParsedExport gbk = sample("订单明细-GBK.csv");
    assertEquals("UTF-8 BOM", bom.report().encoding());
    assertEquals("GB18030", gbk.report().encoding());
    assertEquals(bom.table().rowCount(), gbk.table().rowCount());
    assertEquals(bom.table().columnNames(), gbk.table().columnNames());
    assertEquals(bom.table().toString(), gbk.table().toString());
    assertEquals(
        bom.table().stringColumn("product_name").asList(),
        gbk.table().stringColumn("product_name").asList());
    assertEquals("手机壳-05", gbk.table().stringColumn("product_name").get(0));
  }

  @Test
  void the_samples_four_messy_rows_are_reported_with_their_line_numbers() throws IOException {
    FileReport report = sample("订单明细.csv").report();
    assertEquals(425, report.rowsRead());
    assertEquals(421, report.rowsAccepted());
    assertEquals(4, report.rowsRejected());
    assertEquals(
        List.of(
            RowError.of(422, "订单应付金额", "¥abc", Problem.NOT_MONEY.with()),
            RowError.of(423, "订单提交时间", "2026-13-45 99:99:99", Problem.IMPOSSIBLE_DATETIME.with()),
            RowError.of(424, "商品数量", "-3", Problem.NEGATIVE.with()),
            RowError.of(425, "商品ID", "", Problem.EMPTY_REQUIRED.with())),
        report.errors());
    assertEquals(
        "not an amount of money (e.g. 29.90 or ¥1,299.00)", report.errors().get(0).reason());
    assertEquals("not_money", report.errors().get(0).code());
  }

  @Test
  void a_formula_product_name_is_kept_as_data() throws IOException {
    Table orders = sample("订单明细.csv").table();
    assertTrue(orders.stringColumn("product_name").contains("=HYPERLINK(\"http://x\",\"点我\")"));
  }

  @Test
  void every_sample_file_is_recognised_by_its_header() throws IOException {
    assertEquals("orders", sample("订单明细.csv").report().kind());
    assertEquals("deletions", sample("销量删除记录.csv").report().kind());
    assertEquals("traffic", sample("商品流量.csv").report().kind());
    assertEquals("reviews", sample("评价.csv").report().kind());
    assertEquals("shop_scores", sample("店铺体验分.csv").report().kind());
    assertEquals("affiliates", sample("达人合作.csv").report().kind());
    assertEquals("chats", sample("客服聊天记录.csv").report().kind());
  }

  @Test
  void kinds_are_recognised_by_header_not_by_file_name() throws IOException {
    ParsedExport p =
        text("orders.csv", "日期,店铺体验分,投诉量\n2026-05-01,4.71,1\n", StandardCharsets.UTF_8);
    assertEquals("shop_scores", p.report().kind());
  }

  @Test
  void tab_prefixed_ids_keep_all_nineteen_digits() throws IOException {
    Table orders = sample("订单明细.csv").table();
    assertEquals("6920000000030013481", orders.stringColumn("sub_order_id").get(0));
    assertEquals("3500000000003039604", orders.stringColumn("product_id").get(0));
    assertEquals("7590000000000002882", orders.stringColumn("affiliate_id").get(0));
  }

  @Test
  void english_headers_with_aliases_are_matched_by_name_in_any_order() throws IOException {
    ParsedExport p =
        utf8(
            "quantity,payable_amount,product_id,created_at,Sub_Order_ID\n"
                + "2,\"¥1,299.00\",3500000000003039604,2026/07/22 11:00:21,6920000000030013481\n");
    assertNull(p.report().message());
    Table t = p.table();
    assertEquals("6920000000030013481", t.stringColumn("sub_order_id").get(0));
    assertEquals(1299.0, t.doubleColumn("payable_amount").get(0));
    assertEquals(LocalDateTime.of(2026, 7, 22, 11, 0, 21), t.dateTimeColumn("submitted_at").get(0));
  }

  @Test
  void quoted_fields_with_commas_and_newlines_keep_line_numbers_right() throws IOException {
    ParsedExport p =
        utf8(
            "子订单编号,会话消息数,最近会话时间\n"
                + "\"\t6920000000030000627\",17,2026-05-15 21:59:46\n"
                + "6920000000030000628,\"3\",\"2026-05-15\n21:59:46\"\n"
                + "\n"
                + "6920000000030000629,x,2026-05-15 21:59:46\n");
    assertEquals(3, p.report().rowsRead());
    assertEquals(2, p.report().rowsRejected());
    // line 3 holds a newline inside quotes (so is not a valid time), line 4 is blank, line 5 is
    // bad.
    assertEquals(List.of(3L, 6L), p.report().errors().stream().map(RowError::line).toList());
  }

  @Test
  void tab_delimited_utf16_exports_from_excel_are_read() throws IOException {
    String content = "\uFEFF日期\t店铺体验分\t投诉量\n2026-05-01\t4.71\t1\n";
    ParsedExport p = text("scores.txt", content, StandardCharsets.UTF_16LE);
    assertEquals("UTF-16LE", p.report().encoding());
    assertEquals(1, p.report().rowsAccepted());
  }

  @Test
  void a_utf32_file_is_refused_as_utf32_not_read_as_utf16le() throws IOException {
    String content = "\uFEFF日期\t店铺体验分\t投诉量\n2026-05-01\t4.71\t1\n";
    for (String charset : new String[] {"UTF-32LE", "UTF-32BE"}) {
      ParsedExport p = text("scores.txt", content, Charset.forName(charset));
      assertEquals("file_utf32", p.report().messageCode(), charset);
      assertEquals(0, p.report().rowsAccepted(), charset);
      assertTrue(p.report().message().contains("UTF-32"), p.report().message());
    }
  }

  @Test
  void a_file_lacking_required_columns_is_refused_with_their_names() throws IOException {
    ParsedExport p = utf8("子订单编号,商品ID,商品数量\n1,2,3\n");
    assertFalse(p.accepted());
    assertEquals(List.of("订单提交时间/支付完成时间"), p.report().missingColumns());
    assertTrue(p.report().message().contains("订单明细 (orders)"), p.report().message());
    assertTrue(p.report().message().contains("销量删除记录"), "lists the kinds: " + p.report().message());
  }

  @Test
  void empty_header_only_and_binary_files_are_refused_with_a_reason() throws IOException {
    assertEquals("the file is empty", utf8("").report().message());
    assertEquals(
        "the file has a header row but no data rows", utf8("日期,店铺体验分,投诉量\n\n").report().message());
    ParsedExport binary =
        ExportReader.read(
            "x.xlsx", new ByteArrayInputStream(new byte[] {0x50, 0x4B, 3, 4, 0, 0, 1}));
    assertTrue(binary.report().message().contains("binary"), binary.report().message());
  }

  @Test
  void a_file_that_switches_encoding_part_way_is_refused_not_garbled() throws IOException {
    byte[] head =
        ("日期,店铺体验分,投诉量\n" + "2026-05-01,4.71,1\n".repeat(70_000)).getBytes(StandardCharsets.UTF_8);
    byte[] tail = "2026-05-02,4.70,投诉\n".getBytes(TextEncoding.GB18030);
    byte[] all = new byte[head.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    ParsedExport p = ExportReader.read("mixed.csv", new ByteArrayInputStream(all));
    assertFalse(p.accepted());
    assertTrue(p.report().message().contains("mixes encodings"), p.report().message());
  }

  @Test
  void rows_with_too_many_or_too_few_fields_are_refused_by_line() throws IOException {
    ParsedExport p = utf8("日期,店铺体验分,投诉量\n2026-05-01,4.71\n2026-05-02,4.7,1,9\n2026-05-03,4.7,1\n");
    assertEquals(3, p.report().rowsRead());
    assertEquals(1, p.report().rowsAccepted());
    assertEquals(List.of(2L, 3L), p.report().errors().stream().map(RowError::line).toList());
  }

  @Test
  void deleted_orders_can_be_flagged_inside_the_orders_file() throws IOException {
    ParsedExport p =
        utf8(
            "子订单编号,商品ID,商品数量,订单应付金额,订单提交时间,是否删除销量\n"
                + "1,9,1,9.90,2026-05-01 10:00:00,是\n2,9,1,9.90,2026-05-01 10:00:00,否\n");
    assertEquals(List.of(true, false), p.table().booleanColumn("sales_deleted").asList());
  }

  @Test
  void amounts_under_a_fen_header_are_converted_to_yuan() throws IOException {
    ParsedExport p = utf8("日期,商品ID,商品卡曝光人数,商品卡点击人数,商品卡用户支付金额(分)\n2026-05-01,9,100,10,12990\n");
    assertEquals(129.90, p.table().doubleColumn("gmv").get(0));
  }

  @Test
  void unknown_columns_are_kept_not_refused() throws IOException {
    Table orders = sample("订单明细.csv").table();
    assertTrue(orders.containsColumn(KindTable.EXTRA_PREFIX + "收件人"));
    assertEquals("##密文", orders.stringColumn(KindTable.EXTRA_PREFIX + "收件人").get(0));
  }

  @Test
  void two_columns_meaning_one_field_make_the_file_ambiguous() throws IOException {
    ParsedExport p = utf8("日期,店铺体验分,体验分\n2026-05-01,4.71,4.70\n");
    assertFalse(p.accepted());
    assertTrue(p.report().message().contains("both mean 店铺体验分"), p.report().message());
  }
}
