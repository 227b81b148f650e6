package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** A deletion notice pasted from 违规管理, read as strictly as a deletions file. */
class PastedNoticeTest {

  private static final Plausible NOV_2026 = Plausible.asOf(LocalDate.of(2026, 11, 27));
  private static final String A = "6920000000030017097";
  private static final String B = "6920000000030015953";
  private static final String C = "6920000000030013481";

  private static PastedNotice read(String ids) throws NoticeRefusedException {
    return PastedNotice.read(
        new PastedNotice.Input("WG3B1", "2026-07-10 08:00:00", "疑似虚假交易", ids), NOV_2026);
  }

  private static List<NoticeProblem> refused(PastedNotice.Input input) {
    return assertThrows(NoticeRefusedException.class, () -> PastedNotice.read(input, NOV_2026))
        .problems();
  }

  private static List<NoticeProblem> refusedIds(String ids) {
    return refused(new PastedNotice.Input("WG3B1", "2026-07-10 08:00:00", "", ids));
  }

  @Test
  void ids_are_read_whatever_separates_them() throws Exception {
    for (String pasted :
        List.of(
            A + "\n" + B + "\n" + C,
            A + "\r\n" + B + "\r\n" + C + "\r\n",
            A + "," + B + "," + C,
            A + ", " + B + " ," + C,
            A + "、" + B + "、" + C,
            A + "；" + B + ";" + C,
            A + "\t" + B + "\t" + C,
            A + " " + B + "  " + C,
            A + "，" + B + "。" + C, // full-width comma and full stop
            A + "\u3000" + B + "\u00a0" + C, // ideographic and no-break spaces
            "[" + A + "] (" + B + ") 【" + C + "】",
            "“" + A + "”“" + B + "” |" + C + "|",
            A + "\u200b" + B + "\ufeff" + C, // zero-width space and BOM copied from a page
            "\n\n  " + A + " ,, " + B + "\n\n" + C + "\n")) {
      assertEquals(List.of(A, B, C), read(pasted).orderIds(), pasted);
    }
  }

  @Test
  void ids_in_their_protected_forms_are_unwrapped() throws Exception {
    String pasted =
        "\t" + A + "\n" + B + "\t\n'" + C + "\n=\"6920000000030000001\"\n\"6920000000030000002\"";
    assertEquals(
        List.of(A, B, C, "6920000000030000001", "6920000000030000002"), read(pasted).orderIds());
    // Full-width digits and an ="…" of full-width signs read as the ASCII id.
    assertEquals(List.of(A), read("＝＂６９２００００００００３００１７０９７＂").orderIds());
  }

  @Test
  void a_repeated_id_is_kept_once_and_said() throws Exception {
    PastedNotice notice = read(A + "\n" + B + "\n" + A + "\n'" + A);
    assertEquals(List.of(A, B), notice.orderIds());
    assertEquals(List.of(A), notice.repeated());
    IngestWarning warning = notice.warnings(Map.of()).get(0);
    assertEquals("notice_repeated_id", warning.code());
    assertEquals(1, warning.count());
    assertEquals(List.of(A), warning.examples());
  }

  @Test
  void a_token_that_is_no_order_id_is_named_with_its_place() {
    List<NoticeProblem> problems = refusedIds(A + "\n订单号 " + B + "\n12345");
    assertEquals(2, problems.size(), problems.toString());
    NoticeProblem label = problems.get(0);
    assertEquals("order_ids", label.field());
    assertEquals(2, label.position());
    assertEquals("订单号", label.value());
    assertEquals("notice_not_order_id", label.code());
    assertEquals(
        "order id 2 of the paste, \"订单号\", is not an order id: order ids are numbers of 16 to 20"
            + " digits (Douyin's have 19)",
        label.message());
    assertEquals(4, problems.get(1).position());
    assertEquals("12345", problems.get(1).value());
  }

  @Test
  void an_id_a_spreadsheet_turned_into_scientific_notation_says_so() {
    NoticeProblem problem = refusedIds(A + "," + "6.92E+18").get(0);
    assertEquals("notice_scientific_id", problem.code());
    assertEquals(2, problem.position());
    assertEquals("6.92E+18", problem.value());
  }

  @Test
  void many_bad_tokens_are_listed_up_to_a_limit_and_the_rest_counted() {
    String pasted = IntStream.range(0, 25).mapToObj(i -> "x" + i).collect(Collectors.joining(" "));
    List<NoticeProblem> problems = refusedIds(pasted);
    assertEquals(PastedNotice.MAX_BAD_IDS_LISTED + 1, problems.size());
    NoticeProblem more = problems.get(problems.size() - 1);
    assertEquals("notice_more_bad_ids", more.code());
    assertEquals(List.of("5", "20"), more.args());
  }

  @Test
  void missing_fields_and_a_bad_time_each_name_their_field() {
    List<NoticeProblem> problems = refused(new PastedNotice.Input(" ", "", null, " ,、\n"));
    assertEquals(
        List.of(
            "notice_id:notice_no_id", "processed_at:notice_no_time", "order_ids:notice_no_orders"),
        problems.stream().map(p -> p.field() + ":" + p.code()).toList());

    NoticeProblem time =
        refused(new PastedNotice.Input("WG1", "2026-13-45 99:99:99", null, A)).get(0);
    assertEquals("processed_at", time.field());
    assertEquals("impossible_datetime", time.code());
    assertEquals("2026-13-45 99:99:99", time.value());
    assertEquals(
        "not_datetime", refused(new PastedNotice.Input("WG1", "7月10日", null, A)).get(0).code());
    assertEquals(
        "date_in_future",
        refused(new PastedNotice.Input("WG1", "2027-07-10 08:00", null, A)).get(0).code());
    assertEquals(
        "not_id",
        refused(new PastedNotice.Input("WG 1", "2026-07-10 08:00", null, A)).get(0).code());
  }

  @Test
  void the_time_takes_the_forms_a_file_takes() throws Exception {
    for (String time : List.of("2026-07-10 08:00:00", "2026/7/10 8:00", "2026-07-10T08:00")) {
      PastedNotice notice = PastedNotice.read(new PastedNotice.Input("WG1", time, "", A), NOV_2026);
      assertEquals(LocalDateTime.of(2026, 7, 10, 8, 0), notice.processedAt(), time);
      assertNull(notice.reason(), "an empty reason is none");
    }
  }

  @Test
  void more_ids_than_a_notice_may_hold_are_refused() {
    String pasted =
        IntStream.rangeClosed(1, PastedNotice.MAX_IDS + 1)
            .mapToObj(i -> String.valueOf(6920000000000000000L + i))
            .collect(Collectors.joining("\n"));
    NoticeProblem problem = refusedIds(pasted).get(0);
    assertEquals("notice_too_many_ids", problem.code());
    assertEquals(List.of("100,000"), problem.args());
    assertEquals(
        "notice_too_long", refusedIds("1".repeat(PastedNotice.MAX_TEXT_CHARS + 1)).get(0).code());
  }

  @Test
  void the_notice_is_a_deletions_export_with_main_orders_read_as_their_sub_orders()
      throws Exception {
    String main = "6920000000099990000";
    String sub1 = "6920000000099990001";
    String sub2 = "6920000000099990002";
    PastedNotice notice = read(A + "\n" + main + "\n" + sub1);
    Map<String, List<String>> mains = Map.of(main, List.of(sub1, sub2));
    String csv = notice.deletionsCsv(mains);

    ParsedExport parsed =
        ExportReader.read(
            notice.uploadName(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    assertEquals("deletions", parsed.report().kind(), parsed.report().toString());
    assertEquals(0, parsed.report().rowsRejected());
    Table rows = parsed.table();
    assertEquals(List.of(A, sub1, sub2), rows.stringColumn("sub_order_id").asList());
    assertEquals(List.of("", main, main), rows.stringColumn("order_id").asList());
    assertEquals(List.of("WG3B1"), rows.stringColumn("notice_id").unique().asList());
    assertEquals(List.of("疑似虚假交易"), rows.stringColumn("reason").unique().asList());
    assertEquals(LocalDateTime.of(2026, 7, 10, 8, 0), rows.dateTimeColumn("processed_at").get(0));
    assertEquals("违规通知 WG3B1", notice.uploadName());

    IngestWarning expanded = notice.warnings(mains).get(0);
    assertEquals("notice_main_order", expanded.code());
    assertEquals(1, expanded.count());
    assertEquals(List.of("1", "2"), expanded.args());
    assertEquals(List.of(main + " (2)"), expanded.examples());
    assertTrue(expanded.message().contains("主订单编号"), expanded.message());
  }
}
