package app.rebound.ingest;

import app.rebound.Resources;
import java.time.LocalDate;
import java.util.Properties;

/**
 * The range a cell of an export can plausibly hold: dates from the platform's start to a day after
 * today, amounts, counts and other numbers within a magnitude. The bounds are named assumptions in
 * {@code plausible.properties} beside this class; "today" is given, so reading stays a function of
 * its inputs.
 *
 * @param earliest the first date a cell may hold
 * @param latest the last date a cell may hold (today plus the allowed days ahead)
 * @param maxMoney the largest amount in yuan, either sign
 * @param maxCount the largest count or quantity
 * @param maxNumber the largest magnitude of another number
 */
public record Plausible(
    LocalDate earliest, LocalDate latest, double maxMoney, double maxCount, double maxNumber) {

  static final String RESOURCE = "plausible.properties";
  private static final Properties DEFAULTS = load();

  /** The shipped bounds with {@code today} as the day the file is read. */
  public static Plausible asOf(LocalDate today) {
    return new Plausible(
        LocalDate.parse(value("date.earliest")),
        today.plusDays(Long.parseLong(value("date.future_days"))),
        Double.parseDouble(value("money.max_yuan")),
        Double.parseDouble(value("count.max")),
        Double.parseDouble(value("number.max")));
  }

  /** The shipped bounds as of the system clock's today. */
  public static Plausible today() {
    return asOf(LocalDate.now());
  }

  private static String value(String key) {
    String value = DEFAULTS.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("app/rebound/ingest/" + RESOURCE + " lacks " + key);
    }
    return value.strip();
  }

  private static Properties load() {
    return Resources.properties(Plausible.class, RESOURCE);
  }
}
