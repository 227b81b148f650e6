package app.rebound.service;

import app.rebound.Json;
import app.rebound.advice.Assumptions;
import app.rebound.advice.Plan;
import app.rebound.advice.RecoveryPlan;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ImpactReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;

/**
 * impact.json as written and served: the impact report's fields, then the recovery plan built from it
 * ({@code actions} in rank order, and {@code plan} with its date, week-by-week steps and assumptions).
 * The plan is derived from the report, so the two always agree.
 */
public record ShopReport(ImpactReport impact, Plan plan) {

  public static ShopReport of(ImpactAnalysis.Result result, String lang, Assumptions assumptions, LocalDate asOf) {
    ImpactReport impact = result.report(lang);
    return new ShopReport(impact, RecoveryPlan.of(impact, assumptions, asOf));
  }

  public JsonNode toJson() {
    ObjectNode node = Json.MAPPER.valueToTree(impact);
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
  public static ShopReport parse(String json) throws java.io.IOException {
    JsonNode node = Json.MAPPER.readTree(json);
    ImpactReport impact = Json.MAPPER.treeToValue(node, ImpactReport.class);
    JsonNode plan = node.path("plan");
    Plan parsed = new Plan(impact.lang(), LocalDate.parse(plan.path("as_of").asText()),
        Json.MAPPER.readerForListOf(app.rebound.advice.RankedAction.class).readValue(node.path("actions")),
        Json.MAPPER.readerForListOf(app.rebound.advice.PlanStep.class).readValue(plan.path("steps")),
        Json.MAPPER.readerForListOf(app.rebound.advice.Assumption.class).readValue(plan.path("assumptions")));
    return new ShopReport(impact, parsed);
  }
}
