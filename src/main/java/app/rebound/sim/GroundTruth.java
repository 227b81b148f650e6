package app.rebound.sim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * What the simulator really injected into a shop, written beside its files as truth.json
 * (snake_case). Losses are realised ones: the counterfactual draws of each product-day minus the
 * actual draws derived from them, summed over the post-deletion days (from the processing date to
 * the end of the window).
 *
 * @param seed the seed the shop was drawn from
 * @param scenario the scenario of its batches
 * @param effectSize the configured effect size (0 is injected for placebo shops whatever was asked)
 * @param start first day of the window
 * @param end last day of the window
 * @param products number of products
 * @param orders rows written to 订单明细.csv
 * @param deletedOrders rows written to 销量删除记录.csv
 * @param rampDays days an effect takes to reach full strength
 * @param promotion the shop-wide promotion (not damage), or null
 * @param batches the deletion batches in date order
 * @param affectedProducts per product hit by a batch: injected effects and realised losses
 * @param totals sums of the affected products' losses
 * @param controlProducts ids of the products no batch touched
 * @param substituteGain what the unaffected products gained from diverted buyers (spillover), or
 *     null in a world without spillover (then absent from truth.json)
 */
public record GroundTruth(
    long seed,
    Scenario scenario,
    double effectSize,
    LocalDate start,
    LocalDate end,
    int products,
    long orders,
    long deletedOrders,
    int rampDays,
    Promotion promotion,
    List<Batch> batches,
    List<AffectedProduct> affectedProducts,
    Totals totals,
    List<String> controlProducts,
    @JsonInclude(JsonInclude.Include.NON_NULL) SubstituteGain substituteGain) {

  /**
   * Actual minus counterfactual of the unaffected products over the whole window: the visitors and
   * paid GMV that moved to substitutes, so the shop-net change is the affected loss minus this.
   */
  public record SubstituteGain(long visitors, BigDecimal gmv) {}

  /** A shop-wide promotion lifting every product's traffic by {@code lift} from start to end. */
  public record Promotion(LocalDate start, LocalDate end, double lift) {}

  /**
   * One deletion notice.
   *
   * @param id the notice id (违规单号)
   * @param date the processing date; the post-deletion period starts on it
   * @param cause why the platform deleted the sales
   * @param products the product ids hit
   * @param subOrders how many sub-orders it deleted
   * @param fakeOrders of those, how many were fake orders added to the shop (violation only)
   * @param scoreDrop the fall injected into the shop experience score
   */
  public record Batch(
      String id,
      LocalDate date,
      Cause cause,
      List<String> products,
      int subOrders,
      int fakeOrders,
      double scoreDrop) {}

  /** Relative falls at full strength (0.25 = a quarter less than without the deletion). */
  public record Effects(double impressions, double visitors, double conversion) {}

  /** Counterfactual and actual counts of one post-deletion day. */
  public record Day(
      LocalDate date,
      long counterfactualImpressions,
      long impressions,
      long counterfactualVisitors,
      long visitors,
      long counterfactualBuyers,
      long buyers) {}

  /**
   * A product hit by a batch. Losses are counterfactual minus actual, summed over the post days.
   *
   * @param gmvLoss yuan lost: the amounts of the counterfactual orders that did not happen
   * @param affiliatesCancelled cooperations the deletion made affiliates cancel
   */
  public record AffectedProduct(
      String productId,
      String name,
      String batchId,
      Cause cause,
      LocalDate postStart,
      int postDays,
      Effects injected,
      long counterfactualImpressions,
      long actualImpressions,
      long impressionLoss,
      long counterfactualVisitors,
      long actualVisitors,
      long visitorLoss,
      long counterfactualBuyers,
      long actualBuyers,
      long buyerLoss,
      BigDecimal gmvLoss,
      int affiliatesCancelled,
      List<Day> daily) {}

  public record Totals(long impressionLoss, long visitorLoss, long buyerLoss, BigDecimal gmvLoss) {}

  /** The mapper truth.json is written and read with. */
  public static ObjectMapper json() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();
  }

  public void write(Path file) throws IOException {
    json().writeValue(file.toFile(), this);
  }

  public static GroundTruth read(Path file) throws IOException {
    return json().readValue(file.toFile(), GroundTruth.class);
  }
}
