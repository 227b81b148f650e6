package app.rebound.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A table as a page shows it, described as data: a name and a header row in the page's language,
 * and rows of typed cells, one per column. {@link XlsxTables} writes it as a workbook, so the
 * spreadsheet keeps what the page shows with ids as text and amounts as numbers.
 */
public record Table(String name, List<String> header, List<List<Cell>> rows) {

  public Table {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<Cell> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "table \"" + name + "\": a row of " + row.size() + " cells under " + header);
      }
    }
  }

  /** What a cell holds, which decides how a spreadsheet stores and shows it. */
  public enum Kind {
    /** Text, never read as a formula or a number. */
    TEXT,
    /** An id (子订单编号, 商品ID, notice, waybill): text, so no digit is lost to a float. */
    ID,
    /** A count, shown whole with digit grouping. */
    COUNT,
    /** Yuan, shown whole with ¥ and digit grouping as the page shows it. */
    MONEY,
    /** A share 0–1, shown as a percentage with one decimal. */
    PERCENT,
    /** Stars or a score, two decimals. */
    DECIMAL,
    /** Any other measured level, one decimal. */
    NUMBER,
    /** A coefficient as written, every digit shown. */
    PLAIN,
    DATE,
    DATE_TIME
  }

  /** One cell: its kind and its value (a String, Number, LocalDate or LocalDateTime; or null). */
  public record Cell(Kind kind, Object value) {

    public static final Cell EMPTY = new Cell(Kind.TEXT, null);

    public Cell {
      Class<?> expected =
          switch (kind) {
            case TEXT, ID -> String.class;
            case DATE -> LocalDate.class;
            case DATE_TIME -> LocalDateTime.class;
            default -> Number.class;
          };
      if (value != null && !expected.isInstance(value)) {
        throw new IllegalArgumentException(kind + " cell holding a " + value.getClass());
      }
    }

    public static Cell text(String text) {
      return new Cell(Kind.TEXT, text == null || text.isEmpty() ? null : text);
    }

    public static Cell id(String id) {
      return new Cell(Kind.ID, id == null || id.isEmpty() ? null : id);
    }

    public static Cell count(Number n) {
      return new Cell(Kind.COUNT, n);
    }

    public static Cell money(Double yuan) {
      return new Cell(Kind.MONEY, yuan);
    }

    public static Cell percent(Double share) {
      return new Cell(Kind.PERCENT, share);
    }

    public static Cell decimal(Double value) {
      return new Cell(Kind.DECIMAL, value);
    }

    public static Cell number(Double value) {
      return new Cell(Kind.NUMBER, value);
    }

    public static Cell plain(Double value) {
      return new Cell(Kind.PLAIN, value);
    }

    public static Cell date(LocalDate date) {
      return new Cell(Kind.DATE, date);
    }

    public static Cell dateTime(LocalDateTime at) {
      return new Cell(Kind.DATE_TIME, at);
    }
  }
}
