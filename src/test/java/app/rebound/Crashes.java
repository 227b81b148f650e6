package app.rebound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The crash tests' child JVMs: one is started on a main class of the test classpath, says {@code
 * REACHED …} once it is in the middle of its work, and is killed there with SIGKILL (no shutdown
 * hooks, no rollback by the JVM); after it, a shop's database must still be intact.
 */
public final class Crashes {

  private Crashes() {}

  /** Starts {@code main} with {@code args} in a JVM of its own on this classpath, stderr merged. */
  public static Process start(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /**
   * Reads the child's output to its first {@code REACHED} line, waits {@code afterMillis}, kills it
   * with SIGKILL and asserts it ended within 30 s; answers that line, or null when the child ended
   * without reaching it.
   */
  public static String killWhenReached(Process child, long afterMillis) throws Exception {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("REACHED")) {
        // skip start-up logging
      }
      if (line != null) {
        Thread.sleep(afterMillis);
      }
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
      return line;
    }
  }

  /** In the child: says it reached {@code step}, then waits two minutes to be killed. */
  public static void reached(String step) {
    System.out.println("REACHED " + step);
    System.out.flush();
    try {
      Thread.sleep(120_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asserts SQLite finds the database file {@code db} intact. */
  public static void assertIntact(Path db) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
      rs.next();
      assertEquals("ok", rs.getString(1));
    }
  }
}
