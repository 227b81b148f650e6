package app.rebound.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * The measures of one affected product, compared with the unaffected products split at its own
 * date.
 */
public record ProductImpact(
    String productId, String productName, LocalDate deletedOn, List<Measure> measures) {}
