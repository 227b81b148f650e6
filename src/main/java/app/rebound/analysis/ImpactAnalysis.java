package app.rebound.analysis;

import app.rebound.ingest.FileKind;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * The impact pipeline from a shop's tables to its report: each stage takes tables and returns
 * results; the report is then written in any language from the same results.
 */
public final class ImpactAnalysis {

  private ImpactAnalysis() {}

  /** The stages' results, before they are put into words. */
  public record Result(
      List<BatchCause> causes,
      DeletionSummary.Result deleted,
      TrafficImpact.Result traffic,
      MeasuredEffects trust,
      MeasuredEffects partnerships,
      List<OrderEvidence> evidence,
      Map<String, LocalDateTime> noticeTimes,
      ChannelImpact.Result channels,
      Funnel.Result funnel,
      CompassExports.Result compass,
      Settlements.Result settlement) {

    /** The report in "zh" or "en". */
    public ImpactReport report(String lang) {
      return ImpactReport.of(
          lang,
          causes,
          deleted,
          traffic,
          trust,
          partnerships,
          noticeTimes,
          channels,
          funnel,
          compass,
          settlement);
    }
  }

  public static Result run(ShopData shop) {
    return run(shop, (stage, since) -> System.nanoTime());
  }

  /**
   * Told when each stage ends and when it began (System.nanoTime); answers the time the next one
   * begins.
   */
  @FunctionalInterface
  public interface StageClock {
    long done(String stage, long since);
  }

  /** The pipeline with each stage's end reported, for the benchmark's per-stage figures. */
  public static Result run(ShopData shop, StageClock clock) {
    long t = System.nanoTime();
    Table deleted = DeletedOrders.of(shop);
    t = clock.done("deleted orders", t);
    ShopBaseline base = new ShopBaseline(shop, deleted);
    List<BatchCause> causes = BatchCauses.of(deleted, base);
    t = clock.done("baseline and causes", t);
    DeletionSummary.Result summary = DeletionSummary.of(deleted, shop.orders());
    t = clock.done("deletion summary", t);
    // Before the GMV: which deleted orders look fake decides which leave the sales series.
    List<OrderEvidence> evidence = AppealEvidence.of(deleted, causes, base);
    t = clock.done("appeal evidence", t);
    Set<String> fake = TrafficImpact.fakeOrders(evidence);
    TrafficImpact.Result traffic = TrafficImpact.of(shop, deleted, fake);
    t = clock.done("traffic, conversion, GMV", t);
    ChannelImpact.Result channels = ChannelImpact.of(shop, deleted, fake);
    t = clock.done("channels", t);
    Funnel.Result funnel = Funnel.of(shop, deleted, fake);
    t = clock.done("funnel", t);
    // Split at the shop's first deletion, as the channels are.
    CompassExports.Result compass = CompassExports.of(shop, channels.split());
    t = clock.done("罗盘 exports", t);
    MeasuredEffects trust = TrustImpact.of(shop, deleted);
    t = clock.done("trust", t);
    MeasuredEffects partnerships = PartnershipImpact.of(shop, deleted);
    t = clock.done("partnerships", t);
    Settlements.Result settlement = Settlements.of(shop, deleted);
    clock.done("settlements", t);
    return new Result(
        causes,
        summary,
        traffic,
        trust,
        partnerships,
        evidence,
        DeletedOrders.noticeTimes(shop.table(FileKind.DELETIONS)),
        channels,
        funnel,
        compass,
        settlement);
  }

  public static ImpactReport run(ShopData shop, String lang) {
    return run(shop).report(lang);
  }
}
