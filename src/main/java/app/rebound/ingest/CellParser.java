package app.rebound.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one cell of a Douyin export into a Java value. Pure and strict: a value that is not exactly
 * one of the documented forms is refused with a reason, never guessed.
 */
public final class CellParser {

  /** What exports write for "no value"; 流量体裁 also carries a placeholder until the next day. */
  private static final Set<String> EMPTY_MARKERS =
      Set.of("", "-", "--", "—", "null", "NULL", "数据将于第二天更新");

  /** A longer cell is no marker: not hashed to look it up (most cells are longer). */
  private static final int LONGEST_EMPTY_MARKER =
      EMPTY_MARKERS.stream().mapToInt(String::length).max().orElseThrow();

  private static final Pattern ID = Pattern.compile("[0-9A-Za-z_\\-]{1,64}");
  private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}(\\.0+)?");
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");
  // yyyy-MM-dd or yyyy/MM/dd (one- or two-digit month and day), optional time H:mm or H:mm:ss,
  // optional T.
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?)?");
  private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  /** Longer text is not a product name or a review but a broken file; refusing it bounds memory. */
  static final int MAX_TEXT = 10_000;

  private CellParser() {}

  /**
   * The cell with surrounding blanks and the Douyin leading tab removed; null when it holds no
   * value.
   */
  public static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String s = isTrimmed(raw) ? raw : raw.strip();
    // Excel-protected text: ="6920..." keeps the digits as text.
    if (s.length() >= 3 && s.startsWith("=\"") && s.endsWith("\"")) {
      s = s.substring(2, s.length() - 1).strip();
    }
    return s.length() <= LONGEST_EMPTY_MARKER && EMPTY_MARKERS.contains(s) ? null : s;
  }

  private static boolean isTrimmed(String s) {
    return s.isEmpty() || (s.charAt(0) > ' ' && s.charAt(s.length() - 1) > ' ');
  }

  /** As {@link #parse(Field, String, Plausible)} within the shipped bounds as of today. */
  public static Object parse(Field field, String raw) throws CellException {
    return parse(field, raw, Plausible.today());
  }

  /**
   * The cell's value, refused with the reason when it is not what the field holds or lies outside
   * {@code plausible}.
   */
  public static Object parse(Field field, String raw, Plausible plausible) throws CellException {
    String s = clean(raw);
    if (s == null) {
      if (field.required()) {
        throw new CellException(Problem.EMPTY_REQUIRED);
      }
      return null;
    }
    Object value =
        switch (field.type()) {
          case ID -> id(s);
          case TEXT -> text(s);
          case INTEGER -> integer(s);
          case MONEY -> money(s);
          case DECIMAL -> decimal(s);
          case DATETIME -> dateTime(s);
          case DATE -> date(s);
          case FLAG -> flag(s);
        };
    if (value instanceof Number n) {
      checkRange(field, n.doubleValue());
      checkPlausible(field.type(), n.doubleValue(), plausible);
    } else if (value instanceof LocalDateTime t) {
      checkPlausible(t.toLocalDate(), plausible);
    } else if (value instanceof LocalDate d) {
      checkPlausible(d, plausible);
    }
    return value;
  }

  private static void checkPlausible(ValueType type, double value, Plausible plausible)
      throws CellException {
    double max =
        switch (type) {
          case MONEY -> plausible.maxMoney();
          case INTEGER -> plausible.maxCount();
          default -> plausible.maxNumber();
        };
    if (!(Math.abs(value) <= max)) { // NaN and infinities too
      throw new CellException(Problem.IMPLAUSIBLE_NUMBER, plain(max));
    }
  }

  private static void checkPlausible(LocalDate day, Plausible plausible) throws CellException {
    if (day.isBefore(plausible.earliest())) {
      throw new CellException(Problem.DATE_TOO_EARLY, plausible.earliest());
    }
    if (day.isAfter(plausible.latest())) {
      throw new CellException(Problem.DATE_IN_FUTURE, plausible.latest());
    }
  }

  private static void checkRange(Field field, double value) throws CellException {
    if (field.min() != null && value < field.min()) {
      throw field.min() == 0
          ? new CellException(Problem.NEGATIVE)
          : new CellException(Problem.BELOW, plain(field.min()));
    }
    if (field.max() != null && value > field.max()) {
      throw new CellException(Problem.ABOVE, plain(field.max()));
    }
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  static String text(String s) throws CellException {
    if (s.length() > MAX_TEXT) {
      throw new CellException(Problem.TEXT_TOO_LONG, MAX_TEXT);
    }
    return s;
  }

  static String id(String s) throws CellException {
    if (s.startsWith("'")) {
      s = s.substring(1);
    }
    if (isIdText(s)) {
      return s;
    }
    if (SCIENTIFIC.matcher(s).matches()) {
      throw new CellException(Problem.SCIENTIFIC_ID);
    }
    throw new CellException(Problem.NOT_ID);
  }

  /**
   * The same test as the pattern [0-9A-Za-z_-]{1,64}, without a regex: ids are most cells of an
   * export.
   */
  private static boolean isIdText(String s) {
    if (s.isEmpty() || s.length() > 64) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Digits only, at most nine (fits an int), or -1. */
  private static int plainDigits(String s, int from, int to) {
    if (to <= from || to - from > 9) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static Integer integer(String s) throws CellException {
    int plain = plainDigits(s, 0, s.length());
    if (plain >= 0) {
      return plain;
    }
    String t = s.replace(",", "");
    if (!INTEGER.matcher(t).matches()) {
      throw new CellException(Problem.NOT_INTEGER);
    }
    return new BigDecimal(t).intValueExact();
  }

  /** Yuan as a double rounded to the fen; accepts ¥/￥, 元, thousands separators. */
  static Double money(String s) throws CellException {
    Double plain = plainDecimal(s);
    if (plain != null) {
      return Math.round(plain * 100) / 100.0;
    }
    String t = s.replace("¥", "").replace("￥", "").replace("元", "").replace("RMB", "").strip();
    if (!NUMBER.matcher(t).matches()) {
      throw new CellException(Problem.NOT_MONEY);
    }
    return new BigDecimal(t.replace(",", "")).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  /**
   * 29.90 or 29 (digits, an optional dot and up to two decimals): the common case, read without a
   * regex.
   */
  private static Double plainDecimal(String s) {
    int dot = s.indexOf('.');
    int end = s.length();
    if (dot < 0) {
      int whole = plainDigits(s, 0, end);
      return whole < 0 ? null : (double) whole;
    }
    int whole = plainDigits(s, 0, dot);
    int fraction = plainDigits(s, dot + 1, end);
    int decimals = end - dot - 1;
    if (whole < 0 || fraction < 0 || decimals > 2) {
      return null;
    }
    return whole + fraction / (decimals == 1 ? 10.0 : 100.0);
  }

  static Double decimal(String s) throws CellException {
    if (s.endsWith("%")) { // 联盟 writes rates as "32.00%"; 罗盘 as fractions (0.0258)
      return decimal(s.substring(0, s.length() - 1).strip()) / 100;
    }
    String t = s.replace(",", "");
    if (!NUMBER.matcher(t).matches()) {
      throw new CellException(Problem.NOT_NUMBER);
    }
    return Double.parseDouble(t);
  }

  static LocalDateTime dateTime(String s) throws CellException {
    if (s.length() == 19 && hasFixedLayout(s)) {
      try {
        return LocalDateTime.of(
            plainDigits(s, 0, 4),
            plainDigits(s, 5, 7),
            plainDigits(s, 8, 10),
            plainDigits(s, 11, 13),
            plainDigits(s, 14, 16),
            plainDigits(s, 17, 19));
      } catch (DateTimeException e) {
        throw new CellException(Problem.IMPOSSIBLE_DATETIME);
      }
    }
    Matcher m = DATE_TIME.matcher(s);
    if (!m.matches()) {
      throw new CellException(Problem.NOT_DATETIME);
    }
    try {
      LocalDate day = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
      if (m.group(4) == null) {
        return day.atStartOfDay();
      }
      int second = m.group(6) == null ? 0 : num(m, 6);
      return day.atTime(LocalTime.of(num(m, 4), num(m, 5), second));
    } catch (DateTimeException e) {
      throw new CellException(Problem.IMPOSSIBLE_DATETIME);
    }
  }

  /**
   * yyyy-MM-dd HH:mm:ss or yyyy/MM/dd HH:mm:ss, all digits where digits belong: the export's own
   * form.
   */
  private static boolean hasFixedLayout(String s) {
    char sep = s.charAt(4);
    if ((sep != '-' && sep != '/')
        || s.charAt(7) != sep
        || s.charAt(10) != ' '
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return false;
    }
    return plainDigits(s, 0, 4) >= 0
        && plainDigits(s, 5, 7) >= 0
        && plainDigits(s, 8, 10) >= 0
        && plainDigits(s, 11, 13) >= 0
        && plainDigits(s, 14, 16) >= 0
        && plainDigits(s, 17, 19) >= 0;
  }

  static LocalDate date(String s) throws CellException {
    Matcher compact = COMPACT_DATE.matcher(s);
    if (compact.matches()) {
      try {
        return LocalDate.of(num(compact, 1), num(compact, 2), num(compact, 3));
      } catch (DateTimeException e) {
        throw new CellException(Problem.IMPOSSIBLE_DATE);
      }
    }
    Matcher m = DATE_TIME.matcher(s);
    if (!m.matches()) {
      throw new CellException(Problem.NOT_DATE);
    }
    return dateTime(s).toLocalDate();
  }

  static Boolean flag(String s) throws CellException {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "是", "y", "yes", "true", "1", "已删除", "已扣除" -> true;
      case "否", "n", "no", "false", "0", "未删除", "未扣除" -> false;
      default -> throw new CellException(Problem.NOT_FLAG);
    };
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
