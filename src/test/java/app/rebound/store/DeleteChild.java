package app.rebound.store;

import app.rebound.Crashes;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A separate process for crash tests: deletes one upload of shop1 and, on reaching the named step,
 * says so and waits to be killed.
 */
public final class DeleteChild {
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    long upload = Long.parseLong(args[1]);
    String stopAt = args[2];
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      ws.deleteUpload(
          "shop1",
          upload,
          step -> {
            if (step.equals(stopAt)) {
              Crashes.reached(step);
            }
          });
    }
  }
}
