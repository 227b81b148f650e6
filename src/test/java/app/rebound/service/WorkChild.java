package app.rebound.service;

import app.rebound.PlatformTime;
import app.rebound.store.Workspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A separate process for crash tests: runs an analysis, or changes an appeal case over and over,
 * says "REACHED" once it is in the middle of that work, and keeps going until it is killed.
 *
 * <p>Arguments: data folder, shop, mode ({@code analysis} or {@code cases}), the clock's instant,
 * case id.
 */
public final class WorkChild {

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    String shop = args[1];
    Clock clock = Clock.fixed(Instant.parse(args[3]), ZoneOffset.UTC);
    try (Workspaces ws = new Workspaces(data, clock)) {
      Analyses analyses = new Analyses(ws, clock, 1);
      if (args[2].equals("analysis")) {
        analyses.submit(shop);
        while (!String.valueOf(analyses.status(shop, "zh").progress()).startsWith("measuring")) {
          Thread.sleep(5);
        }
        say("REACHED analysis");
        Thread.sleep(120_000);
      } else {
        AppealCases cases = new AppealCases(ws, analyses);
        long id = Long.parseLong(args[4]);
        LocalDate today = PlatformTime.now(clock).toLocalDate();
        for (int i = 0; ; i++) {
          String status =
              cases.file(shop, id).appealCase().status().code().equals("submitted")
                  ? "more_info_requested"
                  : "submitted";
          cases.change(shop, id, new AppealCases.Request(status, today, "change " + i, null, null));
          if (i == 20) {
            say("REACHED cases");
          }
        }
      }
    }
  }

  private static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
