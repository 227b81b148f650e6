package app.rebound.advice.appeal;

import app.rebound.PlatformTime;
import app.rebound.analysis.BatchCause;
import app.rebound.analysis.DeletedOrders;
import app.rebound.analysis.OrderEvidence;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileKind;
import app.rebound.ingest.OrderStates;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Submission groups as the platform asks for them: by violation notice, product and appeal reason,
 * with the orders worth appealing (never those that look fake), the time range they span and the
 * deadline.
 */
public final class AppealGroups {

  /** The platform counts repeat violations over this many days when it sets the next penalty. */
  public static final int REPEAT_WINDOW_DAYS = 90;

  private AppealGroups() {}

  /** Groups most urgent first (earliest deadline), then by batch, product and reason. */
  public static List<AppealGroup> of(
      ShopData shop, List<OrderEvidence> evidence, List<BatchCause> causes, int windowDays) {
    Map<String, BatchCause> batches = new HashMap<>();
    causes.forEach(c -> batches.put(c.id(), c));
    Map<String, LocalDateTime> noticeTimes =
        DeletedOrders.noticeTimes(shop.table(FileKind.DELETIONS));
    Map<List<String>, List<OrderEvidence>> byKey =
        new TreeMap<>(
            Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1))
                .thenComparing(k -> k.get(2)));
    for (OrderEvidence order : evidence) {
      if (order.verdict().equals(OrderEvidence.DO_NOT_APPEAL)) {
        continue;
      }
      BatchCause batch = batches.get(order.batch());
      String reason =
          batch != null && BatchCause.MALICIOUS_REPORT.equals(batch.likelyCause())
              ? AppealGroup.ATTACK
              : order.reason().equals(OrderEvidence.REFUNDED)
                  ? AppealGroup.REFUNDED
                  : notShipped(order) ? AppealGroup.NOT_SHIPPED : AppealGroup.SHIPPED;
      byKey
          .computeIfAbsent(
              List.of(order.batch(), order.productId(), reason), k -> new ArrayList<>())
          .add(order);
    }
    List<AppealGroup> out = new ArrayList<>();
    byKey.forEach(
        (key, orders) -> {
          BatchCause batch = batches.get(key.get(0));
          LocalDate date = batch == null ? null : batch.date();
          LocalDateTime noticeAt = noticeTimes.get(key.get(0));
          boolean estimated = noticeAt == null;
          if (estimated) {
            noticeAt = date == null ? LocalDateTime.MIN : date.atStartOfDay();
          }
          out.add(
              group(
                  key,
                  orders,
                  batch,
                  noticeAt,
                  estimated,
                  windowDays,
                  noticesIn90Days(causes, date)));
        });
    out.sort(Comparator.comparing(AppealGroup::deadline).thenComparing(AppealGroup::id));
    return out;
  }

  private static AppealGroup group(
      List<String> key,
      List<OrderEvidence> orders,
      BatchCause batch,
      LocalDateTime noticeAt,
      boolean estimated,
      int windowDays,
      int notices) {
    List<OrderEvidence> sorted = new ArrayList<>(orders);
    sorted.sort(
        Comparator.comparing(OrderEvidence::paidAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(OrderEvidence::orderId));
    long units = 0;
    double money = 0;
    int ready = 0;
    Map<String, Integer> missing = new LinkedHashMap<>();
    LocalDateTime from = null;
    LocalDateTime to = null;
    String name = "";
    for (OrderEvidence o : sorted) {
      units += o.quantity();
      money += o.amount();
      if (o.verdict().equals(OrderEvidence.APPEAL)) {
        ready++;
      }
      o.missing().forEach(code -> missing.merge(code, 1, Integer::sum));
      if (o.paidAt() != null) {
        from = from == null || o.paidAt().isBefore(from) ? o.paidAt() : from;
        to = to == null || o.paidAt().isAfter(to) ? o.paidAt() : to;
      }
      if (name.isEmpty()) {
        name = o.productName();
      }
    }
    String id = safeId(key.get(0) + "_" + key.get(1) + "_" + key.get(2));
    return new AppealGroup(
        id,
        key.get(0),
        batch == null ? "" : batch.likelyCause(),
        key.get(1),
        name,
        key.get(2),
        sorted.stream().map(OrderEvidence::orderId).toList(),
        units,
        Math.round(money * 100) / 100.0,
        from,
        to,
        ready,
        sorted.size() - ready,
        missing,
        noticeAt,
        PlatformTime.appealDeadline(noticeAt, windowDays),
        estimated,
        notices,
        "appeal_" + id + ".zip");
  }

  /** An order the exports show neither shipped nor delivered, and with no tracking number. */
  static boolean notShipped(OrderEvidence order) {
    return order.shippedAt() == null
        && order.completedAt() == null
        && order.trackingNumber().isEmpty()
        && !OrderStates.completed(order.status())
        && !"已发货".equals(order.status());
  }

  /** Notices dated within the repeat window up to {@code date}, the one of that date included. */
  static int noticesIn90Days(List<BatchCause> causes, LocalDate date) {
    if (date == null) {
      return 1;
    }
    LocalDate first = date.minusDays(REPEAT_WINDOW_DAYS - 1);
    return (int)
        causes.stream().filter(c -> !c.date().isBefore(first) && !c.date().isAfter(date)).count();
  }

  /** Letters, digits, '-' and '_' only: the id names a file inside and outside the pack. */
  static String safeId(String raw) {
    String safe = raw.replaceAll("[^A-Za-z0-9_-]", "-");
    return safe.length() > 120 ? safe.substring(0, 120) : safe;
  }
}
