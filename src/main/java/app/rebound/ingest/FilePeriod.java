package app.rebound.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a 罗盘 export states only in its file name ({@code 商品卡列表数据_2026_05_01~2026_05_31.xlsx}),
 * added to its rows as columns: a one-day file gets a 日期 column and joins the daily product
 * traffic; a longer one gets 周期开始 and 周期结束 and is kept apart as a period total, so overlapping
 * periods never add up to more than one day's count. A file that has a date column of its own is
 * left as it is.
 */
final class FilePeriod implements RowSource {

  static final String DAY_HEADER = "日期";
  static final String START_HEADER = "周期开始";
  static final String END_HEADER = "周期结束";

  private static final Pattern PERIOD =
      Pattern.compile(
          "(\\d{4})[_\\-]?(\\d{2})[_\\-]?(\\d{2})\\s*[~～至\\-]\\s*(\\d{4})[_\\-]?(\\d{2})[_\\-]?(\\d{2})");

  /** Headers that already give a row its day. */
  private static final Set<String> DATE_HEADERS = Set.of("日期", "统计日期", "date");

  /** Headers only a 罗盘 product-card export has: such a file without a period cannot be placed. */
  private static final Set<String> CARD_HEADERS = Set.of("商品卡曝光人数", "商品卡点击人数");

  /**
   * The header only a 罗盘 traffic-source export has: a snapshot over its period, given 周期开始 and 周期结束
   * even for one day, since it has no product to join the daily series with.
   */
  private static final String SOURCE_HEADER = "一级渠道";

  /** From, to (inclusive). */
  record Period(LocalDate from, LocalDate to) {
    boolean oneDay() {
      return from.equals(to);
    }
  }

  private final RowSource rows;
  private final Optional<Period> period;
  private String[] added;
  private Problem lacksPeriod;

  private FilePeriod(RowSource rows, Optional<Period> period) {
    this.rows = rows;
    this.period = period;
  }

  static FilePeriod around(String fileName, RowSource rows) {
    return new FilePeriod(rows, periodIn(fileName));
  }

  /** The period written in a file name, if it holds one that is a real span of days. */
  static Optional<Period> periodIn(String fileName) {
    Matcher m = PERIOD.matcher(fileName == null ? "" : fileName);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      LocalDate from = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
      LocalDate to = LocalDate.of(num(m, 4), num(m, 5), num(m, 6));
      return to.isBefore(from) ? Optional.empty() : Optional.of(new Period(from, to));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Why the file cannot be placed in time: the header is a 罗盘 product-card or traffic-source
   * export's with no date column and the name has no period; null otherwise.
   */
  Problem lacksPeriod() {
    return lacksPeriod;
  }

  @Override
  public String[] next() {
    String[] row = rows.next();
    if (row == null) {
      return null;
    }
    return added == null || isBlank(row) ? row : concat(row, added);
  }

  /** The row with the period's column names after it, where its rows would get them. */
  @Override
  public String[] asHeader(String[] row) {
    String[] values = periodValues(row);
    if (values == null) {
      return rows.asHeader(row);
    }
    return concat(
        rows.asHeader(row),
        values.length == 1 ? new String[] {DAY_HEADER} : new String[] {START_HEADER, END_HEADER});
  }

  @Override
  public void useHeader(String[] row) {
    rows.useHeader(row);
    added = periodValues(row);
  }

  /**
   * The period's values each row under this header gets, or null when it gets none. Any row tried
   * as the header that looks like a product card's without a period is remembered: it says why no
   * header fitted.
   */
  private String[] periodValues(String[] header) {
    boolean dated = false;
    boolean card = false;
    boolean sources = false;
    for (String cell : header) {
      String name = HeaderMatch.normalize(cell);
      dated |= DATE_HEADERS.contains(name);
      card |= CARD_HEADERS.contains(name);
      sources |= SOURCE_HEADER.equals(name);
    }
    if (dated) {
      return null;
    }
    if (period.isEmpty()) {
      if (lacksPeriod == null) {
        lacksPeriod =
            sources ? Problem.FILE_NO_SOURCES_PERIOD : card ? Problem.FILE_NO_PERIOD : null;
      }
      return null;
    }
    Period p = period.get();
    return p.oneDay() && !sources
        ? new String[] {p.from().toString()}
        : new String[] {p.from().toString(), p.to().toString()};
  }

  private static boolean isBlank(String[] row) {
    for (String cell : row) {
      if (!cell.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static String[] concat(String[] row, String[] more) {
    String[] out = Arrays.copyOf(row, row.length + more.length);
    System.arraycopy(more, 0, out, row.length, more.length);
    return out;
  }

  @Override
  public long line() {
    return rows.line();
  }

  @Override
  public long position() {
    return rows.position();
  }

  @Override
  public long undecodableLine() {
    return rows.undecodableLine();
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }
}
