package app.rebound.cli;

import app.rebound.web.Lang;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code zh} or {@code en} (any case) as the one {@link Lang} the pages and files use. */
final class LangConverter implements ITypeConverter<Lang> {

  @Override
  public Lang convert(String value) {
    return Lang.byCode(value)
        .orElseThrow(
            () -> new TypeConversionException("'" + value + "' is not a language: write zh or en"));
  }
}
