package app.rebound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

  @TempDir Path data;

  @Test
  void serving_beyond_this_machine_without_an_access_token_is_refused() {
    assertEquals(2, AnalyzeCommandTest.run("serve", "--host", "0.0.0.0", "--token", "", "--data", data.toString()));
  }

  @Test
  void only_loopback_addresses_count_as_this_machine() {
    assertTrue(ServeCommand.isLoopback("127.0.0.1"));
    assertTrue(ServeCommand.isLoopback("localhost"));
    assertTrue(ServeCommand.isLoopback("::1"));
    assertFalse(ServeCommand.isLoopback("0.0.0.0"));
    assertFalse(ServeCommand.isLoopback("192.168.1.5"));
  }
}
