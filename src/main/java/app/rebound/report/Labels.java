package app.rebound.report;

import app.rebound.Words;
import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The words and number formats of the charts in one language ("zh", anything else is English): the
 * words from the message bundles by their {@link Label}; dates as the bundle's {@code
 * chart.date_pattern} writes them (zh "6月7日", en "Jun 7"); money in ¥ with thousands separators in
 * both.
 */
record Labels(String lang) {

  /** Chart x values are the first millisecond of a date in UTC, so every date axis reads UTC. */
  static final TimeZone ZONE = TimeZone.getTimeZone("UTC");

  Labels {
    lang = "en".equals(lang) ? "en" : "zh";
  }

  static Labels of(String lang) {
    return new Labels(lang);
  }

  boolean zh() {
    return lang.equals("zh");
  }

  String text(Label label) {
    return label.text(zh());
  }

  /** A label whose words hold a name, such as the product of a product chart. */
  String text(Label label, String arg) {
    return label.text(zh(), arg);
  }

  Locale locale() {
    return zh() ? Locale.SIMPLIFIED_CHINESE : Locale.US;
  }

  private String datePattern() {
    // A date format, not a MessageFormat pattern: read as written.
    return Words.get("chart.date_pattern", zh(), "yyyy-MM-dd");
  }

  /** The date axis' tick format. */
  DateFormat dateFormat() {
    SimpleDateFormat format = new SimpleDateFormat(datePattern(), locale());
    format.setTimeZone(ZONE);
    return format;
  }

  String date(LocalDate date) {
    return DateTimeFormatter.ofPattern(datePattern(), locale()).format(date);
  }

  /** ¥12,345 */
  NumberFormat money() {
    return new DecimalFormat("¥#,##0", DecimalFormatSymbols.getInstance(Locale.US));
  }

  /** 12,345 or 4.5 */
  NumberFormat count() {
    return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
  }

  /** 12.5% */
  NumberFormat percent() {
    return new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.US));
  }
}
