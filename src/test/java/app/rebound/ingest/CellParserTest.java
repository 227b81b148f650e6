package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CellParserTest {

  private static final Field ID = Field.required("sub_order_id", ValueType.ID, "子订单编号");
  private static final Field MONEY = Field.optional("payable_amount", ValueType.MONEY, "订单应付金额");
  private static final Field TIME = Field.optional("paid_at", ValueType.DATETIME, "支付完成时间");
  private static final Field DAY = Field.optional("date", ValueType.DATE, "日期");
  private static final Field QUANTITY = Field.optional("quantity", ValueType.INTEGER, "商品数量");

  @Test
  void tab_prefixed_nineteen_digit_ids_stay_exact_strings() throws CellException {
    assertEquals("6920000000030013481", CellParser.parse(ID, "\t6920000000030013481"));
    assertEquals("6920000000030013481", CellParser.parse(ID, "=\"6920000000030013481\""));
  }

  @Test
  void ids_in_scientific_notation_are_refused_not_guessed() {
    CellException e = assertThrows(CellException.class, () -> CellParser.parse(ID, "6.92E+18"));
    assertTrue(e.getMessage().contains("scientific notation"));
  }

  @Test
  void money_reads_yuan_symbols_and_thousands_separators() throws CellException {
    assertEquals(29.90, CellParser.parse(MONEY, "29.90"));
    assertEquals(1299.00, CellParser.parse(MONEY, "¥1,299.00"));
    assertEquals(5.5, CellParser.parse(MONEY, "￥5.5"));
    assertThrows(CellException.class, () -> CellParser.parse(MONEY, "¥abc"));
    assertThrows(CellException.class, () -> CellParser.parse(MONEY, "1,29.00"));
    assertThrows(CellException.class, () -> CellParser.parse(MONEY, "-3.00"));
  }

  @Test
  void empty_markers_are_missing_values() throws CellException {
    for (String empty :
        new String[] {"", "-", "--", "  ", "\t", "—", "null", "NULL", " 数据将于第二天更新 "}) {
      assertNull(CellParser.parse(MONEY, empty), empty);
    }
    assertEquals("数据将于第二天更新了", CellParser.clean("数据将于第二天更新了"), "a longer text is text");
    assertThrows(CellException.class, () -> CellParser.parse(ID, "-"));
  }

  @Test
  void times_in_both_export_forms_and_bare_dates_are_read() throws CellException {
    assertEquals(
        LocalDateTime.of(2026, 9, 22, 0, 54, 10), CellParser.parse(TIME, "2026-09-22 00:54:10"));
    assertEquals(
        LocalDateTime.of(2026, 7, 22, 11, 0, 21), CellParser.parse(TIME, "2026/07/22 11:00:21"));
    assertEquals(LocalDateTime.of(2026, 5, 30, 0, 0), CellParser.parse(TIME, "2026/05/30"));
    assertEquals(LocalDate.of(2026, 9, 22), CellParser.parse(DAY, "2026/09/22"));
    assertEquals(LocalDate.of(2026, 9, 22), CellParser.parse(DAY, "2026-09-22"));
  }

  @Test
  void impossible_dates_and_times_are_refused() {
    assertThrows(CellException.class, () -> CellParser.parse(TIME, "2026-13-45 99:99:99"));
    assertThrows(CellException.class, () -> CellParser.parse(TIME, "2026-02-30 10:00:00"));
    assertThrows(CellException.class, () -> CellParser.parse(TIME, "yesterday"));
    assertThrows(CellException.class, () -> CellParser.parse(DAY, "22/09/2026"));
  }

  @Test
  void quantities_are_whole_non_negative_numbers() throws CellException {
    assertEquals(3, CellParser.parse(QUANTITY, "3"));
    assertThrows(CellException.class, () -> CellParser.parse(QUANTITY, "-3"));
    assertThrows(CellException.class, () -> CellParser.parse(QUANTITY, "1.5"));
    assertThrows(CellException.class, () -> CellParser.parse(QUANTITY, "99999999999"));
  }

  @Test
  void ratings_outside_one_to_five_are_refused() {
    Field rating = FileKind.REVIEWS.field("rating").orElseThrow();
    assertThrows(CellException.class, () -> CellParser.parse(rating, "6"));
    assertThrows(CellException.class, () -> CellParser.parse(rating, "0"));
  }

  @Test
  void times_as_excel_saves_them_again_are_read() throws CellException {
    // Excel re-saves 2026-09-10 08:00:00 as 2026/9/10 8:00: one-digit month, day and hour, no
    // seconds.
    assertEquals(LocalDateTime.of(2026, 9, 10, 8, 0), CellParser.parse(TIME, "2026/9/10 8:00"));
    assertEquals(LocalDateTime.of(2026, 9, 1, 8, 5), CellParser.parse(TIME, "2026/9/1 8:05"));
    assertEquals(
        LocalDateTime.of(2026, 9, 22, 11, 0, 21), CellParser.parse(TIME, "2026/09/22 11:00:21"));
    assertEquals(LocalDateTime.of(2026, 9, 22, 0, 0), CellParser.parse(TIME, "2026/09/22"));
    assertEquals(LocalDate.of(2026, 9, 10), CellParser.parse(DAY, "2026/9/10"));
    assertEquals(LocalDate.of(2026, 9, 10), CellParser.parse(DAY, "2026/9/10 8:00"));
    assertThrows(CellException.class, () -> CellParser.parse(TIME, "2026/9/10 8"));
    assertThrows(CellException.class, () -> CellParser.parse(TIME, "9/10/2026 8:00"));
  }

  /** Every id column of every kind, in the four forms spreadsheets protect ids with. */
  static Stream<Field> idFields() {
    return Arrays.stream(FileKind.values())
        .flatMap(kind -> kind.fields().stream())
        .filter(field -> field.type() == ValueType.ID);
  }

  @ParameterizedTest
  @MethodSource("idFields")
  void every_id_column_strips_the_four_protections_and_refuses_lost_ids(Field field)
      throws CellException {
    String id = "6920000000030013481";
    for (String protectedId :
        new String[] {"\t" + id, id + "\t", "'" + id, "=\"" + id + "\"", " \t" + id + "\t "}) {
      assertEquals(id, CellParser.parse(field, protectedId), field.name() + " " + protectedId);
    }
    CellException lost =
        assertThrows(CellException.class, () -> CellParser.parse(field, "6.92E+18"));
    assertEquals(Problem.SCIENTIFIC_ID, lost.problem().problem(), field.name());
    assertThrows(CellException.class, () -> CellParser.parse(field, "'6.92E+18"));
  }
}
