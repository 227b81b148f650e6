package app.rebound.web;

import java.util.List;

/**
 * rows.jte: one page of a drill-down list, every text and link made ready (the template only lays
 * them out).
 *
 * @param kind the list's id (orders, deleted, reviews, affiliates)
 * @param filters the search box's current values: q, product, notice (empty when unset)
 * @param prev the previous page's link, or null on the first
 * @param next the next page's link, or null on the last
 * @param download the .xlsx link of the whole filtered list
 */
public record RowListView(
    Chrome chrome,
    String shopId,
    String kind,
    String action,
    List<String> filters,
    boolean hasNotice,
    String searchLabel,
    List<Header> headers,
    List<List<Cell>> rows,
    long total,
    long page,
    long pages,
    String prev,
    String next,
    String download) {

  /** A column header: its label, the link that sorts by it, and its current sort (or empty). */
  public record Header(String label, String href, String sorted) {}

  /** A cell's text; ids are shown whole in monospace. */
  public record Cell(String text, boolean id) {}
}
