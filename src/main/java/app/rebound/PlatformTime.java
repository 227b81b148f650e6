package app.rebound;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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

  /** The platform's rule: an appeal can be submitted for 7 days (windowDays) from the notice. */
  public static LocalDateTime appealDeadline(LocalDateTime noticeAt, int windowDays) {
    return noticeAt.plusDays(windowDays);
  }

  private static final DateTimeFormatter BY_ZH =
      DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.ROOT);
  private static final DateTimeFormatter BY_EN =
      DateTimeFormatter.ofPattern("HH:mm 'on' d MMM yyyy", Locale.ENGLISH);

  /**
   * An appeal deadline as every page and file states it: the last minute still inside the window
   * (the window ends at {@code deadline}, e.g. 00:00 of the eighth day), in Beijing time, e.g.
   * "2026年7月17日 23:59 前（北京时间）" / "by 23:59 on 17 Jul 2026 (Beijing time)".
   */
  public static String deadline(LocalDateTime deadline, boolean zh) {
    return zh
        ? lastMinute(deadline, true) + " 前（北京时间）"
        : "by " + lastMinute(deadline, false) + " (Beijing time)";
  }

  /**
   * A window's last minute as a deadline states it, "2026年7月17日 23:59" / "23:59 on 17 Jul 2026".
   */
  public static String lastMinute(LocalDateTime deadline, boolean zh) {
    return (zh ? BY_ZH : BY_EN).format(deadline.minusMinutes(1));
  }
}
