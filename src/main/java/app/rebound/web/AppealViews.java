package app.rebound.web;

import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealLetter;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.advice.appeal.AppealText;
import app.rebound.analysis.OrderEvidence;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The appeal workbench's records for pages and their /api twins: built from the stored {@link
 * AppealReport} and the moment of the request, since the time left changes while the data does not.
 */
public final class AppealViews {

  /** Rows of orders not to appeal listed on the workbench; the rest are counted. */
  static final int MAX_REFUSED_ROWS = 200;

  private AppealViews() {}

  /**
   * /appeal: the counts, the open groups most urgent first, the closed ones, and the orders not to
   * appeal.
   */
  public record Workbench(
      Totals totals,
      List<GroupRow> open,
      List<GroupRow> closed,
      List<OrderRow> doNotAppeal,
      int doNotAppealOmitted) {}

  public record Totals(int orders, long appeal, long appealAfterProof, long doNotAppeal) {}

  /**
   * One submission group as listed: its deadline and the time left at the request.
   *
   * @param hoursLeft whole hours until the deadline, 0 once closed
   */
  public record GroupRow(
      AppealGroup group,
      String reasonText,
      long hoursLeft,
      boolean urgent,
      boolean closed,
      boolean penaltyEscalates) {}

  /**
   * /appeal/{group}: the group, the evidence its reason needs, what is missing, and each order's
   * proofs.
   */
  /**
   * @param letter the appeal letter; null once the window has closed (nothing is offered then)
   */
  public record GroupDetail(
      GroupRow row,
      List<String> evidenceNeeded,
      List<MissingProof> missing,
      List<OrderRow> orders,
      AppealLetter letter) {}

  /** A proof some of the group's orders lack, and how to add it. */
  public record MissingProof(String code, String name, int orders, String howToAdd) {}

  /** One deleted order with its proofs and the reasons for its verdict, in the page's language. */
  public record OrderRow(OrderEvidence order, List<CheckRow> checks, List<String> reasons) {}

  public record CheckRow(String code, String name, String state, String source) {}

  /**
   * The overview's warning: open groups, how many close within 48 hours, and the nearest deadline.
   */
  public record Deadline(
      int open,
      int urgent,
      int closed,
      String nearestGroup,
      LocalDateTime nearest,
      long hoursLeft) {}

  static Workbench workbench(AppealReport report, LocalDateTime now, String lang) {
    List<GroupRow> open = new ArrayList<>();
    List<GroupRow> closed = new ArrayList<>();
    for (AppealGroup g : report.groups()) {
      GroupRow row = row(g, now, lang);
      (row.closed() ? closed : open).add(row);
    }
    List<OrderEvidence> refused =
        report.orders().stream()
            .filter(o -> o.verdict().equals(OrderEvidence.DO_NOT_APPEAL))
            .toList();
    List<OrderRow> shown =
        refused.stream().limit(MAX_REFUSED_ROWS).map(o -> orderRow(o, lang)).toList();
    return new Workbench(
        new Totals(
            report.orders().size(),
            report.count(OrderEvidence.APPEAL),
            report.count(OrderEvidence.APPEAL_AFTER_PROOF),
            report.count(OrderEvidence.DO_NOT_APPEAL)),
        open,
        closed,
        shown,
        refused.size() - shown.size());
  }

  static Optional<GroupDetail> group(
      AppealReport report, String groupId, LocalDateTime now, String lang) {
    return report.groups().stream()
        .filter(g -> g.id().equals(groupId))
        .findFirst()
        .map(
            g -> {
              Map<String, OrderEvidence> byId = new HashMap<>();
              report.orders().forEach(o -> byId.put(o.orderId(), o));
              List<OrderRow> orders =
                  g.orders().stream()
                      .map(byId::get)
                      .filter(Objects::nonNull)
                      .map(o -> orderRow(o, lang))
                      .toList();
              List<MissingProof> missing =
                  g.missing().entrySet().stream()
                      .map(
                          e ->
                              new MissingProof(
                                  e.getKey(),
                                  AppealText.proof(e.getKey(), lang),
                                  e.getValue(),
                                  AppealText.howToAdd(
                                      e.getKey(),
                                      AppealText.stateOf(
                                          AppealLetter.ordersOf(g, report.orders()), e.getKey()),
                                      lang)))
                      .toList();
              GroupRow row = row(g, now, lang);
              return new GroupDetail(
                  row,
                  AppealText.evidenceNeeded(g.reason(), lang),
                  missing,
                  orders,
                  row.closed() ? null : AppealLetter.of(g, report, lang));
            });
  }

  static Deadline deadline(List<AppealGroup> groups, LocalDateTime now) {
    int open = 0;
    int urgent = 0;
    int closed = 0;
    AppealGroup nearest = null;
    for (AppealGroup g : groups) {
      if (g.closed(now)) {
        closed++;
        continue;
      }
      open++;
      if (g.urgent(now)) {
        urgent++;
      }
      if (nearest == null || g.deadline().isBefore(nearest.deadline())) {
        nearest = g;
      }
    }
    return nearest == null
        ? new Deadline(0, 0, closed, null, null, 0)
        : new Deadline(
            open, urgent, closed, nearest.id(), nearest.deadline(), nearest.hoursLeft(now));
  }

  static GroupRow row(AppealGroup g, LocalDateTime now, String lang) {
    return new GroupRow(
        g,
        AppealText.reason(g.reason(), lang),
        Math.max(0, g.hoursLeft(now)),
        g.urgent(now),
        g.closed(now),
        g.penaltyEscalates());
  }

  static OrderRow orderRow(OrderEvidence o, String lang) {
    List<CheckRow> checks =
        o.checks().stream()
            .map(
                c ->
                    new CheckRow(
                        c.code(),
                        AppealText.proof(c.code(), lang),
                        c.state().name().toLowerCase(Locale.ROOT),
                        c.source(!"en".equals(lang))))
            .toList();
    return new OrderRow(o, checks, AppealText.reasons(o, lang));
  }
}
