package app.rebound.ingest;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The export moment some file names carry, e.g. {@code 1791430000_订单明细.csv} (a leading Unix
 * timestamp, as the back office names downloads) or {@code 订单明细_20260922105410.csv} (a
 * YYYYMMDDHHMMSS stamp, read as Beijing time). It only breaks ties: of two rows of one key whose
 * own times are equal, the one from the later export is newer.
 */
public final class ExportStamp {

  /** Stamps count from here, so one fits 31 bits until 2084 (see store/Merge's recency). */
  public static final long EPOCH = LocalDateTime.of(2016, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

  private static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Shanghai");

  /** Ten digits at the start of the name, then a separator: Unix seconds. */
  private static final Pattern UNIX_PREFIX = Pattern.compile("^(\\d{10})(?:[_\\-. ]|$)");

  /** Fourteen digits standing alone: yyyyMMddHHmmss. */
  private static final Pattern COMPACT = Pattern.compile("(?<!\\d)(\\d{14})(?!\\d)");

  private ExportStamp() {}

  /**
   * Seconds from {@link #EPOCH} to the export moment in the name of the file (the last part of an
   * archive member's path, without a sheet's {@code [sheet]}), or empty when it names none or one
   * before 2016 or past 2084.
   */
  public static OptionalLong of(String reportedName) {
    String name = baseName(reportedName);
    Matcher unix = UNIX_PREFIX.matcher(name);
    if (unix.find()) {
      return sinceEpoch(Long.parseLong(unix.group(1)));
    }
    Matcher compact = COMPACT.matcher(name);
    if (compact.find()) {
      String d = compact.group(1);
      try {
        LocalDateTime at =
            LocalDateTime.of(
                Integer.parseInt(d.substring(0, 4)),
                Integer.parseInt(d.substring(4, 6)),
                Integer.parseInt(d.substring(6, 8)),
                Integer.parseInt(d.substring(8, 10)),
                Integer.parseInt(d.substring(10, 12)),
                Integer.parseInt(d.substring(12, 14)));
        return sinceEpoch(at.atZone(SHOP_ZONE).toEpochSecond());
      } catch (DateTimeException e) {
        return OptionalLong.empty(); // 14 digits that are no moment: an id, not a stamp
      }
    }
    return OptionalLong.empty();
  }

  private static OptionalLong sinceEpoch(long unixSeconds) {
    long since = unixSeconds - EPOCH;
    return since > 0 && since < (1L << 31) ? OptionalLong.of(since) : OptionalLong.empty();
  }

  private static String baseName(String reportedName) {
    String name = reportedName;
    int sheet = name.lastIndexOf(" [");
    if (sheet > 0 && name.endsWith("]")) {
      name = name.substring(0, sheet);
    }
    return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  }
}
