package app.rebound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

  /** The JavaTimeModule alone: how dates were read before the direct ISO reader. */
  private static final ObjectMapper MODULE_ONLY =
      new ObjectMapper().registerModule(new JavaTimeModule());

  record Dated(LocalDate day) {}

  @Test
  void dates_read_as_the_java_time_module_reads_them() throws Exception {
    for (String text :
        List.of(
            "2026-06-07",
            "0001-01-01",
            "9999-12-31",
            "2024-02-29",
            " 2026-06-07 ",
            "2026-06-07T10:15:30")) {
      String json = "{\"day\":\"" + text + "\"}";
      assertEquals(
          MODULE_ONLY.readValue(json, Dated.class), Json.MAPPER.readValue(json, Dated.class), text);
    }
    assertEquals(new Dated(null), Json.MAPPER.readValue("{\"day\":null}", Dated.class));
    assertEquals(
        List.of(LocalDate.of(2026, 6, 7), LocalDate.of(2026, 6, 8)),
        List.of(Json.MAPPER.readValue("[\"2026-06-07\",\"2026-06-08\"]", LocalDate[].class)));
  }

  @Test
  void dates_that_do_not_exist_or_are_not_iso_are_refused_as_before() {
    for (String text :
        List.of(
            "2026-02-30",
            "2025-02-29",
            "2026-13-01",
            "2026-6-7",
            "2026/06/07",
            "20260607",
            "+2026-06-07")) {
      String json = "{\"day\":\"" + text + "\"}";
      Exception before =
          assertThrows(
              InvalidFormatException.class, () -> MODULE_ONLY.readValue(json, Dated.class));
      Exception now =
          assertThrows(
              InvalidFormatException.class, () -> Json.MAPPER.readValue(json, Dated.class));
      assertEquals(before.getMessage(), now.getMessage(), text);
    }
  }

  @Test
  void decimals_read_to_the_same_doubles() throws Exception {
    for (String text :
        List.of(
            "0.1",
            "1234.57",
            "-0.0049",
            "1.7976931348623157E308",
            "4.9E-324",
            "2.2250738585072012e-308",
            "123456789012345678901234567890.123456789")) {
      assertEquals(
          MODULE_ONLY.readValue(text, Double.class),
          Json.MAPPER.readValue(text, Double.class),
          text);
    }
  }
}
