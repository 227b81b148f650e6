package app.rebound.analysis;

import java.util.Arrays;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table over some columns of another, sharing them: Tablesaw's selectColumns copies each column
 * it selects, which for a million unique ids means rebuilding their dictionary (seconds) only to
 * drop the copy at the next where() or copy(). Stages that go on to where() or copy() start from a
 * view instead.
 */
final class Views {

  private Views() {}

  /**
   * The named columns of the table, shared, not copied: do not change their values through the
   * view.
   */
  static Table columns(Table table, String... names) {
    return Table.create(
        table.name(), Arrays.stream(names).map(table::column).toArray(Column<?>[]::new));
  }
}
