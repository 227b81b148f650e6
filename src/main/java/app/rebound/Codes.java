package app.rebound;

import java.util.Optional;
import java.util.function.Function;

/**
 * Enums that are written outside the code by a code of their own (an action, a chart, a file kind,
 * a row view, a case status): the one way to find a constant by its code.
 */
public final class Codes {

  private Codes() {}

  /** The constant whose code is exactly {@code text}; empty for any other text (and null). */
  public static <E extends Enum<E>> Optional<E> find(
      E[] values, Function<E, String> code, String text) {
    for (E value : values) {
      if (code.apply(value).equals(text)) {
        return Optional.of(value);
      }
    }
    return Optional.empty();
  }
}
