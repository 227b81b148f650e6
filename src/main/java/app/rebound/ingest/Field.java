package app.rebound.ingest;

import java.util.List;

/**
 * One column of an export kind: its canonical name, how it is read, whether the kind needs it, and
 * the header names it goes by (the Douyin Chinese header first, then English names and older
 * variants).
 *
 * @param min smallest accepted number, or null
 * @param max largest accepted number, or null
 */
public record Field(
    String name, ValueType type, boolean required, Double min, Double max, List<String> aliases) {

  public static Field required(String name, ValueType type, String... aliases) {
    return new Field(name, type, true, defaultMin(type), null, List.of(aliases));
  }

  public static Field optional(String name, ValueType type, String... aliases) {
    return new Field(name, type, false, defaultMin(type), null, List.of(aliases));
  }

  /** Counts and money are never negative unless a field says so with {@link #signed()}. */
  private static Double defaultMin(ValueType type) {
    return type == ValueType.INTEGER || type == ValueType.MONEY ? 0.0 : null;
  }

  /** A money column that may legitimately be negative (price edits, adjustments). */
  public Field signed() {
    return new Field(name, type, required, null, max, aliases);
  }

  public Field between(double low, double high) {
    return new Field(name, type, required, low, high, aliases);
  }

  /** The header as Douyin exports it. */
  public String douyinHeader() {
    return aliases.get(0);
  }
}
