package app.rebound.cli;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a moment in Beijing time as a merchant writes it: {@code 2026-07-13} (the start of that
 * day), {@code 2026-07-13T09:30}, {@code 2026-07-13 09:30:15}. A value that is not one gets a
 * sentence saying what is accepted, not a parser's stack of words.
 */
final class MomentConverter implements ITypeConverter<LocalDateTime> {

  static final String FORMS = "YYYY-MM-DD, YYYY-MM-DDTHH:MM or YYYY-MM-DDTHH:MM:SS (Beijing time)";

  @Override
  public LocalDateTime convert(String value) {
    String text = value.strip().replace(' ', 'T');
    try {
      return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a moment: write " + FORMS);
    }
  }
}
