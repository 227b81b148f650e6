package app.rebound.analysis;

import java.util.List;
import tech.tablesaw.api.Table;

/** The impact pipeline from a shop's tables to its report: each stage takes tables and returns results. */
public final class ImpactAnalysis {

  private ImpactAnalysis() {}

  public static ImpactReport run(ShopData shop, String lang) {
    Table deleted = DeletedOrders.of(shop);
    List<BatchCause> causes = BatchCauses.of(shop, deleted);
    DeletionSummary.Result summary = DeletionSummary.of(deleted, shop.orders());
    TrafficImpact.Result traffic = TrafficImpact.of(shop, deleted);
    TrustResult trust = TrustImpact.of(shop, deleted);
    PartnershipResult partnerships = PartnershipImpact.of(shop, deleted);
    return ImpactReport.of(lang, causes, summary, traffic, trust, partnerships);
  }
}
