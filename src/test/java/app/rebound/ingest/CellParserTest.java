package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

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
    for (String empty : new String[] {"", "-", "--", "  ", "\t"}) {
      assertNull(CellParser.parse(MONEY, empty));
    }
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
}
