package app.rebound.store;

/**
 * Which rows of a view to read: the filters (each null or blank for none), the sort, and the slice.
 *
 * @param search a 子订单编号 (or, for affiliates, an affiliate id): exact or its start
 * @param product a product id, or a part of its name where the view has names
 * @param notice a notice id (违规单号)
 * @param sort a column of the view
 */
public record RowQuery(
    RowView view,
    String search,
    String product,
    String notice,
    RowView.Column sort,
    boolean descending,
    long offset,
    int limit) {}
