package app.rebound.ingest;

import java.util.List;

/**
 * One column of an export kind: its canonical name, how it is read, whether the kind needs it, and the
 * header names it goes by (the Douyin Chinese header first, then English names and older variants).
 */
public record Field(String name, ValueType type, boolean required, boolean nonNegative, List<String> aliases) {

  public static Field required(String name, ValueType type, String... aliases) {
    return new Field(name, type, true, type == ValueType.INTEGER || type == ValueType.MONEY, List.of(aliases));
  }

  public static Field optional(String name, ValueType type, String... aliases) {
    return new Field(name, type, false, type == ValueType.INTEGER || type == ValueType.MONEY, List.of(aliases));
  }

  /** A money or number column that may legitimately be negative (price edits, adjustments). */
  public Field signed() {
    return new Field(name, type, required, false, aliases);
  }

  /** The header as Douyin exports it. */
  public String douyinHeader() {
    return aliases.get(0);
  }
}
