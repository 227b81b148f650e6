package app.rebound.accuracy;

import app.rebound.analysis.DeletedOrders;
import app.rebound.analysis.ExportFolders;
import app.rebound.analysis.Reason;
import app.rebound.analysis.SeriesImpact;
import app.rebound.analysis.ShopData;
import app.rebound.analysis.TrafficImpact;
import java.nio.file.Path;
import java.util.Set;

/**
 * The one place the harness reads the estimator: the stage of the app's pipeline
 * (ImpactAnalysis.run) that gives impact.json its visitor and GMV losses, on the exports it reads,
 * so whatever estimator the pipeline uses is the one measured. The other stages (causes, trust,
 * partnerships) do not feed these figures and are left out to keep the benchmark fast.
 */
public final class PipelineEstimates {

  /** The exports the visitor and GMV estimates read. */
  static final Set<String> FILES = Set.of("订单明细.csv", "销量删除记录.csv", "商品流量.csv");

  private PipelineEstimates() {}

  /** The visitor and GMV loss estimates of a shop. */
  public record Figures(Estimate visitors, Estimate gmv) {}

  /** The estimates of the exports in a folder, read as an upload reads them. */
  public static Figures of(Path exports) {
    return of(ExportFolders.read(exports, FILES::contains));
  }

  public static Figures of(ShopData shop) {
    TrafficImpact.Result traffic = TrafficImpact.of(shop, DeletedOrders.of(shop));
    return new Figures(estimate(traffic.visitors()), estimate(traffic.gmv()));
  }

  private static Estimate estimate(SeriesImpact.MetricImpact m) {
    if (!m.measured()) {
      return Estimate.notMeasured(Reason.text(m.reason(), false));
    }
    return new Estimate(true, m.loss(), m.lossLow(), m.lossHigh(), Reason.text(m.reason(), false));
  }
}
