package app.rebound.store;

import java.util.List;

/**
 * A slice of a view's rows and how many rows match in all.
 *
 * @param rows each row's values in the view's column order (String, Integer, Double, Boolean,
 *     LocalDate or LocalDateTime; null where empty)
 */
public record RowPage(List<List<Object>> rows, long total) {}
