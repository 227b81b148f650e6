package app.rebound.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

/**
 * The big sale days (618, 双11, 双12, 年货节, 38节 …), named in {@code sale-days.properties} beside this
 * class: the counterfactual's calendar regressor.
 */
final class SaleDays {

  private static final Set<MonthDay> EVERY_YEAR = new HashSet<>();
  private static final Set<LocalDate> DATED = new HashSet<>();

  static {
    Properties p = new Properties();
    try (InputStream in = SaleDays.class.getResourceAsStream("sale-days.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "missing resource app/rebound/analysis/sale-days.properties");
      }
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (String key : p.stringPropertyNames()) {
      for (String day : p.getProperty(key).split(",")) {
        String d = day.trim();
        if (d.length() == 5) {
          EVERY_YEAR.add(MonthDay.parse("--" + d));
        } else {
          DATED.add(LocalDate.parse(d));
        }
      }
    }
  }

  private SaleDays() {}

  static boolean isSaleDay(LocalDate day) {
    return DATED.contains(day) || EVERY_YEAR.contains(MonthDay.from(day));
  }
}
