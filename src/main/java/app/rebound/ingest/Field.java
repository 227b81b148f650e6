package app.rebound.ingest;

import java.util.List;

/**
 * One column of an export kind: its canonical name, how it is read, whether the kind needs it, and
 * the header names it goes by (the Douyin Chinese header first, then English names and older
 * variants).
 *
 * @param min smallest accepted number, or null
 * @param max largest accepted number, or null
 * @param fallback the field whose value stands in when a file lacks this column (a required field
 *     so backed is missing only when both columns are), or null
 * @param whenAbsent the warning a file without this column is accepted with, naming the measurement
 *     it costs, or null when its absence costs nothing worth saying
 */
public record Field(
    String name,
    ValueType type,
    boolean required,
    Double min,
    Double max,
    List<String> aliases,
    String fallback,
    Problem whenAbsent) {

  public static Field required(String name, ValueType type, String... aliases) {
    return new Field(name, type, true, defaultMin(type), null, List.of(aliases), null, null);
  }

  public static Field optional(String name, ValueType type, String... aliases) {
    return new Field(name, type, false, defaultMin(type), null, List.of(aliases), null, null);
  }

  /** Counts and money are never negative unless a field says so with {@link #signed()}. */
  private static Double defaultMin(ValueType type) {
    return type == ValueType.INTEGER || type == ValueType.MONEY ? 0.0 : null;
  }

  /** A money column that may legitimately be negative (price edits, adjustments). */
  public Field signed() {
    return new Field(name, type, required, null, max, aliases, fallback, whenAbsent);
  }

  public Field between(double low, double high) {
    return new Field(name, type, required, low, high, aliases, fallback, whenAbsent);
  }

  /** Read from {@code field}'s column when the file lacks this one. */
  public Field orElse(String field) {
    return new Field(name, type, required, min, max, aliases, field, whenAbsent);
  }

  /** A file without this column is accepted with {@code warning}, which says what it costs. */
  public Field costs(Problem warning) {
    return new Field(name, type, required, min, max, aliases, fallback, warning);
  }

  /** The header as Douyin exports it. */
  public String douyinHeader() {
    return aliases.get(0);
  }
}
