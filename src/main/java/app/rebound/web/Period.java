package app.rebound.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The days a dashboard's figures cover, chosen with {@code ?period=7d|30d|since|custom&from=&to=}:
 * the last 7 or 30 days of the data (ending at its last day, not today's date), since the first
 * deletion (the default), or a custom range inside the data.
 *
 * @param kind the period's {@link #PARAM} value
 * @param error the message key saying why the asked period was not taken (null when it was)
 */
public record Period(
    String kind, LocalDate from, LocalDate to, LocalDate first, LocalDate last, String error) {

  public static final String PARAM = "period";
  public static final String FROM = "from";
  public static final String TO = "to";
  public static final String LAST_7 = "7d";
  public static final String LAST_30 = "30d";
  public static final String SINCE = "since";
  public static final String CUSTOM = "custom";
  public static final String DEFAULT = SINCE;

  /** What the request asked for, unchecked (any part may be null). */
  record Query(String period, String from, String to) {}

  /**
   * The period asked for, checked against the data's days [first, last] and the first deletion; a
   * bad request falls back to the default with its error set. With no days at all there is no range
   * and the default stands.
   */
  static Period resolve(Query q, LocalDate first, LocalDate last, LocalDate deletion) {
    LocalDate since = deletion == null || first == null ? first : max(deletion, first);
    Period fallback = new Period(DEFAULT, since, last, first, last, null);
    String kind = q.period() == null || q.period().isBlank() ? DEFAULT : q.period().trim();
    if (first == null || last == null) {
      return kind.equals(DEFAULT) ? fallback : fallback.failed("period.error.no_data");
    }
    return switch (kind) {
      case SINCE -> fallback;
      case LAST_7 -> new Period(LAST_7, max(first, last.minusDays(6)), last, first, last, null);
      case LAST_30 -> new Period(LAST_30, max(first, last.minusDays(29)), last, first, last, null);
      case CUSTOM -> custom(q, first, last, fallback);
      default -> fallback.failed("period.error.unknown");
    };
  }

  private static Period custom(Query q, LocalDate first, LocalDate last, Period fallback) {
    LocalDate from;
    LocalDate to;
    try {
      from = LocalDate.parse(String.valueOf(q.from()).trim());
      to = LocalDate.parse(String.valueOf(q.to()).trim());
    } catch (DateTimeParseException e) {
      return fallback.failed("period.error.dates");
    }
    if (from.isAfter(to)) {
      return fallback.failed("period.error.order");
    }
    if (from.isBefore(first) || to.isAfter(last)) {
      return fallback.failed("period.error.outside");
    }
    return new Period(CUSTOM, from, to, first, last, null);
  }

  private Period failed(String key) {
    return new Period(kind, from, to, first, last, key);
  }

  public boolean isDefault() {
    return DEFAULT.equals(kind);
  }

  /** Days in the period, both ends counted; 0 without a range. */
  public long days() {
    return from == null || to == null ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The period of the same length just before this one (its 环比 base). */
  public Period previous() {
    long n = days();
    return new Period(kind, from.minusDays(n), from.minusDays(1), first, last, null);
  }

  /** Whether the whole period lies inside the data. */
  public boolean insideData() {
    return from != null && first != null && !from.isBefore(first) && !to.isAfter(last);
  }

  /** The query string selecting this period, for links and cache keys. */
  public String query() {
    return PARAM
        + "="
        + kind
        + (CUSTOM.equals(kind) ? "&" + FROM + "=" + from + "&" + TO + "=" + to : "");
  }

  /** The period in words with its days: "近 7 天（2026-07-20 至 07-26）". */
  public String label(Messages msg) {
    if (from == null) {
      return msg.get("period.name." + kind);
    }
    String end = to.getYear() == from.getYear() ? to.toString().substring(5) : to.toString();
    return msg.format("period.label", msg.get("period.name." + kind), from.toString(), end);
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
