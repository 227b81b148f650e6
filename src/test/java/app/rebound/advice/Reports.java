package app.rebound.advice;

import app.rebound.analysis.ExportFolders;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.ImpactReport.BatchRow;
import app.rebound.analysis.ImpactReport.Loss;
import app.rebound.analysis.Measure;
import app.rebound.analysis.MeasuredEffects;
import app.rebound.analysis.Reason;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-made impact reports for the ranking rules, and the real sample report. */
final class Reports {

  static final Path SAMPLES = Path.of("src/test/resources/samples/douyin-export-small");
  static final LocalDate DAY = LocalDate.of(2026, 9, 10);

  private Reports() {}

  static Loss loss(String unit, double loss, double low, double high, double expected) {
    return new Loss(
        true, null, "x.csv", unit, loss, low, high, low > 0 || high < 0, expected, null, null);
  }

  static Loss missing(String unit, String needs) {
    return new Loss(
        false, Reason.of("upload", needs), needs, unit, 0, 0, 0, false, null, null, null);
  }

  static BatchRow batch(String id, LocalDate date, int orders, double money, String cause) {
    return new BatchRow(
        id,
        date,
        null,
        orders,
        orders,
        money,
        List.of("p1"),
        cause,
        0.8,
        false,
        List.of(),
        List.of(),
        List.of(),
        Map.of(cause, 0.8),
        false,
        null,
        List.of());
  }

  /** A measure whose effect has the given interval; measured. */
  static Measure measure(String id, double estimate, double low, double high) {
    Measure.Arm arm = new Measure.Arm(100, 100, null, null, 0.1, 0.1 + estimate, estimate);
    return new Measure(
        id,
        "affected_products",
        "share",
        "x.csv",
        true,
        null,
        arm,
        arm,
        new Measure.Effect(estimate, low, high, "test"));
  }

  static Measure unmeasured(String id) {
    return new Measure(
        id,
        "affected_products",
        "share",
        "x.csv",
        false,
        Reason.of("upload", "x.csv"),
        null,
        null,
        null);
  }

  /**
   * Builder of a report: a measured shop with traffic, conversion and GMV losses, trust held, no
   * affiliates.
   */
  static final class Builder {
    String lang = "en";
    List<BatchRow> batches =
        new ArrayList<>(List.of(batch("N1", DAY, 20, 2000, "malicious_report")));
    Loss visitors = loss("visitors", 3000, 1500, 4500, 20000);
    Loss impressions = loss("impressions", 30000, 15000, 45000, 200000);
    Loss buyers = loss("buyers", 150, 80, 220, 1000);
    Loss gmv = loss("yuan", 15000, 8000, 22000, 100000);
    List<Measure> trust =
        new ArrayList<>(
            List.of(
                measure("doubtful_review_share", 0.0, -0.02, 0.02),
                measure("average_rating", 0.0, -0.1, 0.1),
                measure("refund_rate", 0.0, -0.01, 0.01)));
    List<ImpactReport.ProductRow> products = new ArrayList<>();
    List<Measure> partners =
        new ArrayList<>(
            List.of(unmeasured("affiliate_gmv"), unmeasured("affiliate_cancellations")));

    Builder lang(String l) {
      lang = l;
      return this;
    }

    ImpactReport build() {
      long orders = batches.stream().mapToLong(BatchRow::orders).sum();
      double money = batches.stream().mapToDouble(BatchRow::money).sum();
      return new ImpactReport(
          lang,
          new ImpactReport.Deletions(orders, orders, money, batches, List.of()),
          new ImpactReport.Traffic(visitors, impressions),
          buyers,
          gmv,
          new MeasuredEffects(DAY, 1, 3, trust, List.of(), List.of()),
          new MeasuredEffects(DAY, 1, 3, partners, List.of(), List.of()),
          products,
          null,
          null,
          null,
          null,
          null);
    }
  }

  /** An affected product with its own GMV and visitor losses since {@code since}. */
  static ImpactReport.ProductRow product(String id, LocalDate since, Loss gmv, Loss visitors) {
    return new ImpactReport.ProductRow(
        id, id, since, 10, 10, 1000, 0.5, visitors, null, null, gmv, null, null);
  }

  /** The sample exports (the GBK copy left out) analysed in the given language. */
  static ImpactReport sample(String lang) {
    return ImpactAnalysis.run(ExportFolders.read(ExportFolders.SAMPLE), lang);
  }
}
