package app.rebound.cli;

import app.rebound.web.Lang;
import java.time.LocalDateTime;
import picocli.CommandLine.Option;

/** The options of a shop's reports, the same for {@code analyze} and {@code analyze-many}. */
final class ReportOptions {

  @Option(
      names = "--lang",
      defaultValue = "zh",
      paramLabel = "zh|en",
      converter = LangConverter.class,
      description = "Language of the written reports (default: ${DEFAULT-VALUE}).")
  Lang lang;

  @Option(
      names = "--now",
      paramLabel = "YYYY-MM-DD[THH:MM[:SS]]",
      converter = MomentConverter.class,
      description =
          "The moment the reports are made at, Beijing time; a date alone is the start of that day:"
              + " appeal windows and the plan are counted from it (default: now).")
  LocalDateTime now;

  @Option(
      names = "--max-rows",
      defaultValue = "20000000",
      paramLabel = "N",
      description =
          "Data rows one file may hold; a file over it is refused whole (default: ${DEFAULT-VALUE}).")
  long maxRows;

  /** The per-shop run these options describe. */
  ShopRun shopRun() {
    return new ShopRun(lang, now, maxRows);
  }
}
