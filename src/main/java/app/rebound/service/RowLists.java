package app.rebound.service;

import app.rebound.BadInputException;
import app.rebound.store.RowPage;
import app.rebound.store.RowQuery;
import app.rebound.store.RowView;
import app.rebound.store.ShopDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * The drill-down lists: a request's parameters checked and turned into a {@link RowQuery}, and the
 * page of rows it reads. A parameter that cannot be right is refused with {@link
 * IllegalArgumentException} (400) naming what would be; a page past the end is just empty.
 */
public final class RowLists {

  public static final int PAGE_SIZE = 50;

  /** The most rows one download holds: a spreadsheet, not a database dump. */
  public static final int MAX_DOWNLOAD_ROWS = 100_000;

  /** Longer than any id or product name: anything longer is not a search. */
  public static final int MAX_SEARCH_LENGTH = 100;

  private RowLists() {}

  /** The request's parameters as given (each null when absent). */
  public record Request(
      String kind,
      String search,
      String product,
      String notice,
      String sort,
      String dir,
      String page) {}

  /** A checked request: what to read, and the request's own values for links to other pages. */
  public record Checked(
      RowView view,
      String search,
      String product,
      String notice,
      RowView.Column sort,
      boolean descending,
      long page) {}

  /** One page of a list. */
  public record Page(Checked request, List<List<Object>> items, long total, long pages) {}

  public static Checked check(Request r) {
    RowView view =
        RowView.of(r.kind())
            .orElseThrow(
                () ->
                    new BadInputException(
                        "no row list \""
                            + r.kind()
                            + "\": use orders, deleted, reviews or affiliates"));
    String sortName = blank(r.sort()) ? view.defaultSort() : r.sort();
    RowView.Column sort =
        view.column(sortName)
            .orElseThrow(
                () ->
                    new BadInputException(
                        "cannot sort "
                            + view.id()
                            + " by \""
                            + sortName
                            + "\": use one of "
                            + view.columns().stream().map(RowView.Column::name).toList()));
    boolean descending;
    if (blank(r.dir())) {
      descending = blank(r.sort()); // the default sort is newest first
    } else if (r.dir().equals("asc") || r.dir().equals("desc")) {
      descending = r.dir().equals("desc");
    } else {
      throw new BadInputException("dir must be asc or desc, not \"" + r.dir() + "\"");
    }
    String notice = trimmed("notice", r.notice());
    if (notice != null && !view.hasNotice()) {
      throw new BadInputException(view.id() + " rows name no notice: drop notice=");
    }
    return new Checked(
        view,
        trimmed("q", r.search()),
        trimmed("product", r.product()),
        notice,
        sort,
        descending,
        page(r.page()));
  }

  public static Page read(ShopDatabase db, Checked c) throws SQLException {
    // A page far past the end stays a page past the end: the offset saturates, never overflows.
    long offset =
        c.page() > Long.MAX_VALUE / PAGE_SIZE ? Long.MAX_VALUE : (c.page() - 1) * PAGE_SIZE;
    RowPage rows = db.rows(query(c, offset, PAGE_SIZE));
    long pages = Math.max(1, (rows.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    return new Page(c, rows.rows(), rows.total(), pages);
  }

  /** Every matching row in the list's order, up to {@link #MAX_DOWNLOAD_ROWS}. */
  public static void eachRow(ShopDatabase db, Checked c, Consumer<List<Object>> sink)
      throws SQLException {
    db.eachRow(query(c, 0, MAX_DOWNLOAD_ROWS), sink);
  }

  private static RowQuery query(Checked c, long offset, int limit) {
    return new RowQuery(
        c.view(), c.search(), c.product(), c.notice(), c.sort(), c.descending(), offset, limit);
  }

  private static long page(String page) {
    if (blank(page)) {
      return 1;
    }
    if (!page.matches("[0-9]+")) {
      throw new BadInputException("page must be a whole number from 1, not \"" + page + "\"");
    }
    // More digits than a long holds is still just far past the end.
    long n = page.length() > 18 ? Long.MAX_VALUE : Long.parseLong(page);
    if (n < 1) {
      throw new BadInputException("page must be 1 or more, not " + page);
    }
    return n;
  }

  private static String trimmed(String name, String value) {
    if (blank(value)) {
      return null;
    }
    String v = value.strip();
    if (v.length() > MAX_SEARCH_LENGTH) {
      throw new BadInputException(
          name + " is " + v.length() + " characters: at most " + MAX_SEARCH_LENGTH);
    }
    return v;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
