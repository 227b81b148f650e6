package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import org.junit.jupiter.api.Test;

class ChartIdTest {

  @Test
  void a_code_reads_as_written_and_nothing_else() {
    assertEquals(ChartId.VISITORS_CUMULATIVE, ChartId.byCode("visitors_cumulative").orElseThrow());
    assertTrue(ChartId.byCode("VISITORS_CUMULATIVE").isEmpty(), "the code, not the name");
    assertTrue(ChartId.byCode("pie").isEmpty());
    assertTrue(ChartId.byCode(null).isEmpty());
  }

  @Test
  void json_writes_the_code() throws Exception {
    assertEquals(
        "\"deletions_timeline\"", Json.MAPPER.writeValueAsString(ChartId.DELETIONS_TIMELINE));
  }
}
