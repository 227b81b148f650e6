package app.rebound.advice.appeal;

import app.rebound.Json;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.OrderEvidence;
import app.rebound.analysis.ShopData;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The appeal workbench's content for one shop: every deleted order with its evidence and verdict,
 * and the submission groups. appeal.json is its JSON form; deadlines are absolute, time left is
 * counted at {@code now}.
 */
public record AppealReport(List<OrderEvidence> orders, List<AppealGroup> groups) {

  public AppealReport {
    orders = List.copyOf(orders);
    groups = List.copyOf(groups);
  }

  public static AppealReport of(ShopData shop, ImpactAnalysis.Result result, int windowDays) {
    return new AppealReport(
        result.evidence(), AppealGroups.of(shop, result.evidence(), result.causes(), windowDays));
  }

  /**
   * Where the groups are in appeal.json as stored (this record in {@link Json#MAPPER}'s form): the
   * overview's deadline needs them alone, not the orders that are most of its size.
   */
  public static final String GROUPS = "$.groups";

  private static final TypeReference<List<AppealGroup>> GROUP_LIST = new TypeReference<>() {};

  /** The groups from the JSON at {@link #GROUPS}. */
  public static List<AppealGroup> parseGroups(String groupsJson) throws IOException {
    return List.copyOf(Json.MAPPER.readValue(groupsJson, GROUP_LIST));
  }

  /**
   * Builds Jackson's readers of appeal.json before the first one is read, as {@code
   * ShopReport.prepareReaders}.
   */
  public static void prepareReaders() {
    Json.MAPPER.readerFor(AppealReport.class);
    Json.MAPPER.readerFor(GROUP_LIST);
  }

  public long count(String verdict) {
    return orders.stream().filter(o -> o.verdict().equals(verdict)).count();
  }

  /**
   * appeal.json: {@code orders[]} and {@code groups[]} with reasons in {@code lang}, time left at
   * {@code now}.
   */
  public ObjectNode toJson(String lang, LocalDateTime now) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("lang", lang);
    root.put("as_of", now.toString());
    ObjectNode totals = root.putObject("totals");
    totals.put("orders", orders.size());
    for (String v :
        List.of(
            OrderEvidence.APPEAL, OrderEvidence.APPEAL_AFTER_PROOF, OrderEvidence.DO_NOT_APPEAL)) {
      totals.put(v, count(v));
    }
    ArrayNode list = root.putArray("orders");
    for (OrderEvidence o : orders) {
      ObjectNode n = list.addObject();
      n.put("order_id", o.orderId());
      n.put("batch", o.batch());
      n.put("product_id", o.productId());
      n.put("product_name", o.productName());
      n.put("paid_at", o.paidAt() == null ? null : o.paidAt().toString());
      n.put("amount", o.amount());
      n.put("quantity", o.quantity());
      n.put("tracking_number", o.trackingNumber());
      n.put("carrier", o.carrier());
      n.put("score", o.score());
      n.put("verdict", o.verdict());
      n.put("reason", o.reason());
      n.set("missing", Json.MAPPER.valueToTree(o.missing()));
      n.set("flags", Json.MAPPER.valueToTree(o.flags()));
      n.set("reasons", Json.MAPPER.valueToTree(AppealText.reasons(o, lang)));
      ObjectNode checks = n.putObject("checks");
      o.checks().forEach(c -> checks.put(c.code(), c.state().name().toLowerCase(Locale.ROOT)));
    }
    ArrayNode groupList = root.putArray("groups");
    for (AppealGroup g : groups) {
      ObjectNode n = groupList.addObject();
      n.put("id", g.id());
      n.put("batch", g.batch());
      n.put("cause", g.cause());
      n.put("reason", g.reason());
      n.put("reason_text", AppealText.reason(g.reason(), lang));
      n.set("orders", Json.MAPPER.valueToTree(g.orders()));
      n.set("products", Json.MAPPER.valueToTree(List.of(g.productId())));
      n.put("product_name", g.productName());
      n.put("units", g.units());
      n.put("money", g.money());
      n.put("from", g.from() == null ? null : g.from().toString());
      n.put("to", g.to() == null ? null : g.to().toString());
      n.put("ready", g.ready());
      n.put("need_proof", g.needProof());
      n.set("missing", Json.MAPPER.valueToTree(g.missing()));
      n.set(
          "evidence_needed", Json.MAPPER.valueToTree(AppealText.evidenceNeeded(g.reason(), lang)));
      n.put("notice_at", g.noticeAt().toString());
      n.put("deadline", g.deadline().toString());
      n.put("deadline_estimated", g.deadlineEstimated());
      n.put("hours_left", Math.max(0, g.hoursLeft(now)));
      n.put("closed", g.closed(now));
      n.put("notices_in_90_days", g.noticesIn90Days());
      n.put("pack", g.closed(now) ? null : g.pack());
    }
    return root;
  }
}
