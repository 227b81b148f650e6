package app.rebound.store;

import app.rebound.Crashes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A separate process for crash tests: uploads one file into a data folder and, on reaching the
 * named stage, says so and waits to be killed.
 */
public final class UploadChild {
  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    Path file = Path.of(args[1]);
    String stopAt = args[2];
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone())) {
      ws.upload(
          "shop1",
          List.of(new UploadFile(file.getFileName().toString(), () -> Files.newInputStream(file))),
          stage -> {
            if (stage.startsWith(stopAt)) {
              Crashes.reached(stage);
            }
          });
    }
  }
}
