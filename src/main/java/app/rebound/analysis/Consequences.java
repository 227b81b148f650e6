package app.rebound.analysis;

import app.rebound.PlatformTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The penalties the platform's rule on fake transactions attaches to a batch: expected, not
 * measured.
 */
final class Consequences {

  // Named by its title and revision month alone, so it reads the same in both languages.
  static final String SOURCE = "《抖音电商虚假交易实施细则》（2026-08）";
  static final int APPEAL_DAYS = 7;
  static final double PENALTY_RATE = 0.01;
  static final int PENALTY_MAX = 20_000;

  private Consequences() {}

  static List<Consequence> of(String cause, LocalDate date, double money) {
    double penalty = PENALTY_RATE * money;
    Object limit =
        penalty < 1000
            ? Phrase.of("penalty_minimum_applies")
            : penalty > PENALTY_MAX ? Phrase.of("penalty_maximum_applies") : "";
    List<Consequence> penalties =
        List.of(
            penalty("penalty_warning"),
            penalty("penalty_experience_score"),
            penalty("penalty_affiliate_ban"),
            penalty("penalty_repeat_no_events"),
            penalty("penalty_repeat_fine", yuan(money), yuan(penalty), limit));
    if (cause.equals(BatchCause.VIOLATION)) {
      return penalties;
    }
    // From the notice day's start: the notice's own time may be later, never earlier.
    LocalDateTime deadline = PlatformTime.appealDeadline(date.atStartOfDay(), APPEAL_DAYS);
    return List.of(
        penalty("penalty_if_appeal_lost"),
        // The deadline as every page states it, one argument per language.
        penalty(
            "penalty_appeal_window",
            APPEAL_DAYS,
            PlatformTime.deadline(deadline, true),
            PlatformTime.deadline(deadline, false)),
        penalties.get(1),
        penalties.get(2),
        penalties.get(3),
        penalties.get(4));
  }

  private static Consequence penalty(String code, Object... args) {
    return new Consequence(Phrase.of(code, args), SOURCE);
  }

  /** Yuan as the penalties print them: 1,234.50. */
  private static String yuan(double amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }
}
