package app.rebound.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The canonical Tablesaw schema of each export kind, and typed appends into it. */
public final class KindTable {

  /**
   * Extra (unknown) columns are kept under this prefix so they never clash with canonical names.
   */
  public static final String EXTRA_PREFIX = "extra:";

  private KindTable() {}

  public static ColumnType columnType(ValueType type) {
    return switch (type) {
      case ID, TEXT -> ColumnType.STRING;
      case INTEGER -> ColumnType.INTEGER;
      case MONEY, DECIMAL -> ColumnType.DOUBLE;
      case DATETIME -> ColumnType.LOCAL_DATE_TIME;
      case DATE -> ColumnType.LOCAL_DATE;
      case FLAG -> ColumnType.BOOLEAN;
    };
  }

  /** An empty table with one column per field of the kind, in the kind's order. */
  public static Table empty(FileKind kind) {
    Table table = Table.create(kind.id());
    for (Field field : kind.fields()) {
      table.addColumns(columnType(field.type()).create(field.name()));
    }
    return table;
  }

  /** Appends a value (already parsed for the field's type) or a missing value when null. */
  public static void append(Column<?> column, Object value) {
    if (value == null) {
      column.appendMissing();
      return;
    }
    if (column instanceof StringColumn c) {
      c.append((String) value);
    } else if (column instanceof IntColumn c) {
      c.append((Integer) value);
    } else if (column instanceof DoubleColumn c) {
      c.append((Double) value);
    } else if (column instanceof DateTimeColumn c) {
      c.append((LocalDateTime) value);
    } else if (column instanceof DateColumn c) {
      c.append((LocalDate) value);
    } else if (column instanceof BooleanColumn c) {
      c.append((Boolean) value);
    } else {
      throw new IllegalArgumentException("unsupported column " + column.name());
    }
  }
}
