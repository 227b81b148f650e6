package app.rebound.report;

import app.rebound.Codes;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The charts {@link ImpactCharts} draws, shop charts and product charts alike, in the order a page
 * would show them. Outside the code a chart is its {@link #code()} ("visitors_cumulative"): in the
 * JSON, the download URLs, the pages' element ids and the message keys {@code chart.<code>}; the
 * name of a constant is never written anywhere.
 */
public enum ChartId {
  VISITORS("visitors"),
  IMPRESSIONS("impressions"),
  GMV("gmv"),
  BUYERS("buyers"),
  VISITORS_CUMULATIVE("visitors_cumulative"),
  GMV_CUMULATIVE("gmv_cumulative"),
  PRODUCT_VISITORS("product_visitors"),
  PRODUCT_GMV("product_gmv"),
  TRUST_RATING("trust_rating"),
  TRUST_DOUBTFUL("trust_doubtful"),
  TRUST_REFUND("trust_refund"),
  SHOP_SCORE("shop_score"),
  COMPLAINTS("complaints"),
  PARTNERS_ACTIVE("partners_active"),
  PARTNERS_CANCELLED("partners_cancelled"),
  AFFILIATE_GMV("affiliate_gmv"),
  DELETIONS_TIMELINE("deletions_timeline");

  private static final List<String> CODES = Arrays.stream(values()).map(ChartId::code).toList();

  private final String code;

  ChartId(String code) {
    this.code = code;
  }

  /** The id as the JSON, the URLs and the message keys write it. */
  @JsonValue
  public String code() {
    return code;
  }

  /** Every chart's code, in the order a page would show them. */
  public static List<String> codes() {
    return CODES;
  }

  /** The chart with this code, exactly as written; empty for any other text (and null). */
  public static Optional<ChartId> byCode(String code) {
    return Codes.find(values(), ChartId::code, code);
  }
}
