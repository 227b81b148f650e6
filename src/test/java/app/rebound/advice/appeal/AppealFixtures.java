package app.rebound.advice.appeal;

import app.rebound.analysis.OrderEvidence;
import app.rebound.analysis.OrderEvidence.Check;
import app.rebound.analysis.OrderEvidence.Check.State;
import app.rebound.analysis.OrderEvidence.Proof;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made evidence and groups for the letter and pack tests: a shop with one group to appeal and
 * others.
 */
public final class AppealFixtures {

  public static final LocalDateTime NOTICE = LocalDateTime.of(2026, 5, 30, 10, 0);
  public static final String PRODUCT = "3500000000000000001";
  public static final String NAME = "保湿面霜-01";

  private AppealFixtures() {}

  /** A shipped, delivered order with every proof held but those given in {@code states}. */
  public static OrderEvidence order(
      String id,
      String batch,
      String product,
      String name,
      LocalDateTime paid,
      Map<Proof, State> states) {
    List<Check> checks = new ArrayList<>();
    for (Proof p : Proof.values()) {
      checks.add(
          new Check(
              p.code,
              states.getOrDefault(p, State.PRESENT),
              p != Proof.NO_REFUND && p != Proof.SOURCE && p != Proof.REVIEW,
              p.source));
    }
    boolean shipped = states.getOrDefault(Proof.LOGISTICS, State.PRESENT) == State.PRESENT;
    String waybill = shipped ? "SF" + id.substring(id.length() - 6) : "";
    return new OrderEvidence(
        id,
        batch,
        product,
        name,
        paid,
        59.9,
        1,
        "已完成",
        "",
        waybill,
        shipped ? "顺丰速运" : "",
        paid.plusDays(1),
        paid.plusDays(4),
        checks,
        List.of(),
        0.9,
        OrderEvidence.APPEAL,
        OrderEvidence.SHIPPED);
  }

  public static OrderEvidence order(String id, LocalDateTime paid, Map<Proof, State> states) {
    return order(id, "WG1", PRODUCT, NAME, paid, states);
  }

  /**
   * The group of {@code orders} (batch, product and name of the first), as AppealGroups would make
   * it.
   */
  public static AppealGroup group(List<OrderEvidence> orders, int noticesIn90Days) {
    OrderEvidence first = orders.get(0);
    Map<String, Integer> missing = new LinkedHashMap<>();
    orders.forEach(o -> o.missing().forEach(code -> missing.merge(code, 1, Integer::sum)));
    LocalDateTime from =
        orders.stream().map(OrderEvidence::paidAt).min(LocalDateTime::compareTo).orElseThrow();
    LocalDateTime to =
        orders.stream().map(OrderEvidence::paidAt).max(LocalDateTime::compareTo).orElseThrow();
    String id = first.batch() + "_" + first.productId() + "_shipped";
    return new AppealGroup(
        id,
        first.batch(),
        "system_error",
        first.productId(),
        first.productName(),
        AppealGroup.SHIPPED,
        orders.stream().map(OrderEvidence::orderId).toList(),
        orders.size(),
        59.9 * orders.size(),
        from,
        to,
        orders.size(),
        0,
        missing,
        NOTICE,
        NOTICE.plusDays(7),
        false,
        noticesIn90Days,
        "appeal_" + id + ".zip");
  }

  /** Three orders of the group, paid 1–3 May, chats and reviews as given for all of them. */
  public static List<OrderEvidence> groupOrders(State chat, State review) {
    Map<Proof, State> states = new HashMap<>();
    states.put(Proof.CHAT, chat);
    states.put(Proof.REVIEW, review);
    return List.of(
        order("6920000000000000101", LocalDateTime.of(2026, 5, 1, 21, 2, 41), states),
        order("6920000000000000102", LocalDateTime.of(2026, 5, 2, 9, 30, 0), states),
        order("6920000000000000103", LocalDateTime.of(2026, 5, 3, 18, 45, 12), states));
  }

  /** Orders of the shop outside the group: another product of the notice, another notice. */
  public static List<OrderEvidence> otherOrders() {
    return List.of(
        order(
            "6920000000000000201",
            "WG1",
            "3500000000000000002",
            "手机壳-05",
            LocalDateTime.of(2026, 5, 2, 8, 0),
            Map.of()),
        order(
            "6920000000000000301",
            "WG2",
            PRODUCT,
            NAME,
            LocalDateTime.of(2026, 5, 20, 8, 0),
            Map.of()));
  }

  /** The shop's report: the group's orders, the others, and the one group. */
  public static AppealReport report(List<OrderEvidence> groupOrders, AppealGroup group) {
    List<OrderEvidence> all = new ArrayList<>(groupOrders);
    all.addAll(otherOrders());
    return new AppealReport(all, List.of(group));
  }
}
