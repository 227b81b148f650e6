package app.rebound.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * What the deletion did to the shop's affiliates (达人): who stayed active, who cancelled, the GMV
 * they brought. Placed in impact.json under {@code partnerships}. Fields as in {@link TrustResult}.
 */
public record PartnershipResult(
    LocalDate firstDeletion,
    int affectedProducts,
    int unaffectedProducts,
    List<Measure> shop,
    List<ProductImpact> products,
    List<Series> series) {}
