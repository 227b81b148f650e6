package app.rebound.analysis;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The impact pipeline from a shop's tables to its report: each stage takes tables and returns results;
 * the report is then written in any language from the same results.
 */
public final class ImpactAnalysis {

  private ImpactAnalysis() {}

  /** The stages' results, before they are put into words. */
  public record Result(List<BatchCause> causes, DeletionSummary.Result deleted, TrafficImpact.Result traffic,
      TrustResult trust, PartnershipResult partnerships, List<OrderEvidence> evidence) {

    /** The report in "zh" or "en". */
    public ImpactReport report(String lang) {
      return ImpactReport.of(lang, causes, deleted, traffic, trust, partnerships);
    }
  }

  public static Result run(ShopData shop) {
    Table deleted = DeletedOrders.of(shop);
    ShopBaseline base = new ShopBaseline(shop, deleted);
    List<BatchCause> causes = BatchCauses.of(deleted, base);
    return new Result(causes, DeletionSummary.of(deleted, shop.orders()), TrafficImpact.of(shop, deleted),
        TrustImpact.of(shop, deleted), PartnershipImpact.of(shop, deleted), AppealEvidence.of(deleted, causes, base));
  }

  public static ImpactReport run(ShopData shop, String lang) {
    return run(shop).report(lang);
  }
}
