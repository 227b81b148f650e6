package app.rebound.sim;

import java.time.LocalDate;

/**
 * Times in the simulator are seconds since midnight of the window's first day (local shop time, no
 * zone). This formats them fast, the way exports write them: 2026-05-01 04:50:49, dates 2026-05-01
 * or 2026/05/01.
 */
final class TimeText {

  static final int DAY = 86_400;
  private static final int BEFORE = 40;
  private final String[] dates;
  private final String[] slashDates;

  TimeText(LocalDate start, int days) {
    int n = BEFORE + days + 120;
    dates = new String[n];
    slashDates = new String[n];
    for (int i = 0; i < n; i++) {
      LocalDate d = start.plusDays(i - BEFORE);
      dates[i] = d.toString();
      slashDates[i] = dates[i].replace('-', '/');
    }
  }

  String date(int day) {
    return dates[day + BEFORE];
  }

  String slashDate(int day) {
    return slashDates[day + BEFORE];
  }

  void dateTime(StringBuilder b, long second) {
    int day = (int) Math.floorDiv(second, DAY);
    int s = (int) (second - (long) day * DAY);
    b.append(dates[day + BEFORE]).append(' ');
    two(b, s / 3600);
    b.append(':');
    two(b, s / 60 % 60);
    b.append(':');
    two(b, s % 60);
  }

  private static void two(StringBuilder b, int v) {
    if (v < 10) {
      b.append('0');
    }
    b.append(v);
  }
}
