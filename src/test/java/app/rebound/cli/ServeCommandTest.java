package app.rebound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.App;
import app.rebound.web.WebConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  @TempDir Path data;

  /** The command with its options parsed, not run. */
  private static ServeCommand parsed(String... args) {
    ServeCommand serve = new ServeCommand();
    new CommandLine(serve).parseArgs(args);
    return serve;
  }

  /** Runs serve (only refusals return) and gives what it printed on stderr. */
  private static String refusal(String... args) {
    CommandLine cli = new CommandLine(new App());
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    assertEquals(2, cli.execute(args));
    return err.toString();
  }

  @Test
  void serving_beyond_this_machine_without_an_access_token_is_refused() throws Exception {
    String message =
        refusal("serve", "--host", "0.0.0.0", "--token", "", "--data", data.toString());
    assertTrue(
        message.contains("without an access token") && message.contains("--shop-token"), message);
    try (var files = Files.list(data)) {
      assertEquals(0, files.count(), "nothing was created in the data folder");
    }
  }

  @Test
  void a_shop_token_alone_is_enough_to_serve_beyond_this_machine() {
    WebConfig config =
        parsed("--host", "0.0.0.0", "--token", "", "--shop-token", "k3y=alpha,beta")
            .webConfig(null);
    assertEquals(null, config.accessToken());
    assertEquals(Map.of("k3y", Set.of("alpha", "beta")), config.shopTokens());
  }

  @Test
  void shop_tokens_come_from_the_option_and_the_environment_split_at_the_last_equals_sign() {
    WebConfig config =
        parsed("--token", "all", "--shop-token", "YWJj==alpha", "--shop-token", "two=beta, gamma")
            .webConfig("env1=delta;env2=alpha,delta;");
    assertEquals("all", config.accessToken());
    assertEquals(
        Map.of(
            "YWJj=",
            Set.of("alpha"),
            "two",
            Set.of("beta", "gamma"),
            "env1",
            Set.of("delta"),
            "env2",
            Set.of("alpha", "delta")),
        config.shopTokens());
  }

  @Test
  void malformed_shop_tokens_are_refused_with_the_reason() {
    for (String bad :
        new String[] {"k3y", "k3y=", "=alpha", "k3y=../etc", "has space=alpha", "all=alpha"}) {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () -> parsed("--token", "all", "--shop-token", bad).webConfig(null),
              bad);
      assertFalse(e.getMessage().isBlank(), bad);
    }
    assertThrows(
        IllegalArgumentException.class,
        () -> parsed("--shop-token", "k=alpha").webConfig("k=beta"),
        "the same token twice");
    assertTrue(
        refusal("serve", "--shop-token", "k3y=", "--data", data.toString()).contains("TOKEN=SHOP"));
  }

  @Test
  void limits_have_their_defaults_and_each_must_be_at_least_one() {
    WebConfig defaults = parsed().webConfig(null);
    assertEquals(512L * 1024 * 1024, defaults.maxUploadBytes());
    assertEquals(Duration.ofSeconds(60), defaults.requestTimeout());
    assertEquals(20_000_000L, parsed().maxRows);
    assertEquals(1, parsed().analysisThreads);
    assertEquals(
        Duration.ofSeconds(7), parsed("--request-timeout-s", "7").webConfig(null).requestTimeout());
    for (String option :
        new String[] {
          "--max-upload-mb", "--max-rows", "--request-timeout-s", "--analysis-threads"
        }) {
      String message = refusal("serve", option, "0", "--data", data.toString());
      assertTrue(message.contains("at least 1"), option + ": " + message);
    }
  }

  @Test
  void only_loopback_addresses_count_as_this_machine() {
    assertTrue(ServeCommand.isLoopback("127.0.0.1"));
    assertTrue(ServeCommand.isLoopback("localhost"));
    assertTrue(ServeCommand.isLoopback("::1"));
    assertFalse(ServeCommand.isLoopback("0.0.0.0"));
    assertFalse(ServeCommand.isLoopback("192.168.1.5"));
    assertTrue(ServeCommand.isLoopback("127.0.0.2"));
    assertTrue(ServeCommand.isLoopback("[::1]"));
    assertFalse(ServeCommand.isLoopback("127.example.com"), "a name is not loopback by prefix");
    assertFalse(ServeCommand.isLoopback("127.0.0.1.nip.io"));
    assertFalse(ServeCommand.isLoopback("localhost.example.com"));
  }

  @Test
  void a_second_server_on_the_same_data_folder_is_refused_with_the_reason() throws Exception {
    try (var held = ServeCommand.lockDataFolder(data)) {
      String message = refusal("serve", "--port", "0", "--data", data.toString());
      assertTrue(
          message.contains("another Rebound server is already serving")
              && message.contains(data.toAbsolutePath().toString()),
          message);
    }
    ServeCommand.lockDataFolder(data).release(); // free again once the first has gone
  }

  @Test
  void the_hosts_a_request_may_name_are_loopback_and_the_address_served_on() {
    WebConfig config = parsed("--host", "rebound.lan", "--token", "t0k").webConfig(null);
    assertTrue(config.allowedHosts().containsAll(Set.of("localhost", "127.0.0.1", "::1")));
    assertTrue(config.allowedHosts().contains("rebound.lan"));
    assertFalse(config.allowedHosts().contains("evil.example"));
  }
}
