package app.rebound.service;

import app.rebound.Json;
import app.rebound.advice.Assumption;
import app.rebound.advice.Assumptions;
import app.rebound.advice.Plan;
import app.rebound.advice.PlanStep;
import app.rebound.advice.RankedAction;
import app.rebound.advice.RecoveryPlan;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.Reason;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * impact.json as written and served: the impact report's fields, then the recovery plan built from
 * it ({@code actions} in rank order, and {@code plan} with its date, week-by-week steps and
 * assumptions). The plan is derived from the report, so the two always agree.
 */
public record ShopReport(ImpactReport impact, Plan plan) {

  public static ShopReport of(
      ImpactAnalysis.Result result, String lang, Assumptions assumptions, LocalDate asOf) {
    ImpactReport impact = result.report(lang);
    return new ShopReport(impact, RecoveryPlan.of(impact, assumptions, asOf));
  }

  /** The JSON, each reason with its message in the report's language. */
  public JsonNode toJson() {
    ObjectNode node = Json.MAPPER.valueToTree(impact);
    Reason.addMessages(node, !"en".equals(impact.lang()));
    node.set("actions", Json.MAPPER.valueToTree(plan.actions()));
    ObjectNode planNode = node.putObject("plan");
    planNode.put("as_of", plan.asOf().toString());
    planNode.set("steps", Json.MAPPER.valueToTree(plan.steps()));
    planNode.set("assumptions", Json.MAPPER.valueToTree(plan.assumptions()));
    return node;
  }

  public String json() {
    try {
      return Json.MAPPER.writeValueAsString(toJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads impact.json back into the report and its plan. */
  public static ShopReport parse(String json) throws IOException {
    return new ShopReport(Json.MAPPER.readValue(json, ImpactReport.class), parsePlan(json));
  }

  /**
   * Reads only the plan from impact.json. The report's fields (most of the 2 MB of a large shop)
   * are skipped unbound: a page that shows the plan beside an already parsed report need not read
   * them twice.
   */
  public static Plan parsePlan(String json) throws IOException {
    PlanFields fields = Json.MAPPER.readValue(json, PlanFields.class);
    return new Plan(
        fields.lang(),
        fields.plan().asOf(),
        fields.actions(),
        fields.plan().steps(),
        fields.plan().assumptions());
  }

  /**
   * Builds Jackson's readers of impact.json before the first one is read: for these records that
   * takes a few tenths of a second on a cold JVM, which a starting server can spend on another
   * thread.
   */
  public static void prepareReaders() {
    Json.MAPPER.readerFor(ImpactReport.class);
    Json.MAPPER.readerFor(PlanFields.class);
  }

  /**
   * The fields of impact.json that hold the plan, as {@link #toJson} writes them. ignoreUnknown
   * skips the others as they are read: without it Jackson copies every unknown field of a record
   * aside first.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record PlanFields(String lang, List<RankedAction> actions, PlanNode plan) {}

  private record PlanNode(LocalDate asOf, List<PlanStep> steps, List<Assumption> assumptions) {}
}
