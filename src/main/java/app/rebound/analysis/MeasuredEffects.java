package app.rebound.analysis;

import java.time.LocalDate;
import java.util.List;

/**
 * What the deletion did to one side of the shop, measured against the unaffected products:
 * shoppers' trust (reviews, refunds, the shop experience score; impact.json's {@code trust}) or its
 * affiliates (达人 who stayed active, who cancelled, the GMV they brought; impact.json's {@code
 * partnerships}).
 *
 * @param firstDeletion the shop's first deletion date (the split for the unaffected products); null
 *     if none
 * @param affectedProducts products that lost sales
 * @param unaffectedProducts the shop's other products, the comparison
 * @param shop the affected products pooled against the unaffected ones, and the shop-level measures
 * @param products one entry per affected product
 * @param series daily and weekly series for the charts
 */
public record MeasuredEffects(
    LocalDate firstDeletion,
    int affectedProducts,
    int unaffectedProducts,
    List<Measure> shop,
    List<ProductImpact> products,
    List<Series> series) {}
