package app.rebound;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The platform's clock. Douyin's exports, notices and appeal deadlines are all in Beijing time, so
 * "now" is read there whatever zone the machine running Rebound is set to.
 */
public final class PlatformTime {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private PlatformTime() {}

  public static LocalDateTime now(Clock clock) {
    return LocalDateTime.now(clock.withZone(ZONE));
  }
}
