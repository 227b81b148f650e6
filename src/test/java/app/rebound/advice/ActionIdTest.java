package app.rebound.advice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.BadInputException;
import app.rebound.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActionIdTest {

  @Test
  void the_codes_are_the_catalogues_in_its_order() {
    assertEquals(
        List.of(
            "appeal",
            "listing",
            "promotion",
            "interaction",
            "customer_service",
            "affiliate",
            "monitoring",
            "compliance"),
        ActionId.codes());
  }

  @Test
  void a_code_outside_the_catalogue_is_refused_naming_every_allowed_one() {
    BadInputException e = assertThrows(BadInputException.class, () -> ActionId.parse("prayer"));
    assertEquals(
        "unknown action 'prayer'; one of [appeal, listing, promotion, interaction,"
            + " customer_service, affiliate, monitoring, compliance]",
        e.getMessage());
    assertThrows(BadInputException.class, () -> ActionId.parse("APPEAL"), "the code, not the name");
    assertTrue(ActionId.byCode(null).isEmpty());
    assertEquals(ActionId.CUSTOMER_SERVICE, ActionId.parse("customer_service"));
  }

  @Test
  void json_writes_and_reads_the_code() throws Exception {
    assertEquals("\"customer_service\"", Json.MAPPER.writeValueAsString(ActionId.CUSTOMER_SERVICE));
    assertEquals(
        ActionId.CUSTOMER_SERVICE, Json.MAPPER.readValue("\"customer_service\"", ActionId.class));
  }
}
