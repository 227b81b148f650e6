package app.rebound.service;

import app.rebound.BadInputException;
import app.rebound.PlatformTime;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.store.AppealCase;
import app.rebound.store.CaseChange;
import app.rebound.store.CaseConflictException;
import app.rebound.store.CaseEvent;
import app.rebound.store.CaseNotFoundException;
import app.rebound.store.CaseStatus;
import app.rebound.store.ShopDatabase;
import app.rebound.store.ShopSummary;
import app.rebound.store.Workspaces;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Appeal cases: a submission group of the appeal workbench followed from its draft to the
 * platform's decision, with every change kept. Sales the platform gives back count again: the
 * change that records them drops the shop's stored analysis and a new one is started. Refusals are
 * thrown: bad input as {@link IllegalArgumentException}, an unknown case as {@link
 * CaseNotFoundException}, a change the case's state does not allow as {@link
 * CaseConflictException}. The shop must exist; callers check.
 */
public final class AppealCases {

  /** A note is a remark on the change, not a document. */
  static final int MAX_NOTE_CHARS = 2000;

  /**
   * A change as the merchant asks for it; null means not given.
   *
   * @param on the day it happened (default today)
   * @param restoredOrders for approved, the restored orders when not all; for partly_approved,
   *     required
   */
  public record Request(
      String status,
      LocalDate on,
      String note,
      LocalDate followUpOn,
      List<String> restoredOrders) {}

  /** A case and its history, its opening first. */
  public record CaseFile(AppealCase appealCase, List<CaseEvent> history) {}

  /** A case to look at again, and its shop. */
  public record Due(String shop, AppealCase appealCase) {}

  private final Workspaces workspaces;
  private final Analyses analyses;

  public AppealCases(Workspaces workspaces, Analyses analyses) {
    this.workspaces = workspaces;
    this.analyses = analyses;
  }

  /**
   * Opens a draft case for a group of the shop's current appeal workbench: refused when the
   * analysis of the current data is not finished, the group is unknown or its appeal window has
   * closed, or it already has an unfinished case.
   */
  public CaseFile open(String shop, String groupId) throws Exception {
    if (groupId == null || groupId.isBlank()) {
      throw new BadInputException(
          "group_id is required: the id of a group of the shop's appeal workbench");
    }
    AppealGroup group =
        currentGroups(shop).stream()
            .filter(g -> g.id().equals(groupId))
            .findFirst()
            .orElseThrow(
                () ->
                    new BadInputException(
                        "no appeal group '" + groupId + "' in the shop's current data"));
    LocalDateTime now = PlatformTime.now(workspaces.clock());
    if (group.closed(now)) {
      throw new CaseConflictException(
          "the appeal window of group " + groupId + " closed at " + group.deadline());
    }
    AppealCase opened =
        db(shop)
            .openCase(
                group.id(),
                group.batch(),
                group.productId(),
                group.reason(),
                group.orders(),
                now.toLocalDate(),
                now);
    return file(shop, opened.id());
  }

  /**
   * The groups of the finished analysis of the shop's current data; refused while there is none.
   */
  private List<AppealGroup> currentGroups(String shop) throws Exception {
    Analyses.Status status = analyses.status(shop, Analyses.APPEAL);
    if (status.state() == Analyses.State.FAILED) {
      throw new CaseConflictException(
          "the analysis of the shop's current data failed, so its appeal groups are"
              + " unknown: "
              + status.error());
    }
    return analyses
        .appeal(shop)
        .map(AppealReport::groups)
        .orElseThrow(
            () ->
                new CaseConflictException(
                    "the appeal groups of the shop's current data are not ready yet (its analysis is running); try again shortly"));
  }

  /** Every case of the shop, oldest first. */
  public List<AppealCase> list(String shop) throws SQLException {
    return db(shop).appealCases();
  }

  public CaseFile file(String shop, long id) throws SQLException {
    ShopDatabase db = db(shop);
    AppealCase found = db.appealCase(id).orElseThrow(() -> new CaseNotFoundException(id));
    return new CaseFile(found, db.caseHistory(id));
  }

  /**
   * Records a change of the case: checked against the case as stored when it is written, so nothing
   * is written unless all of it is allowed. A change of the restored orders starts a new analysis.
   */
  public CaseFile change(String shop, long id, Request request) throws SQLException {
    if (request.status() == null || request.status().isBlank()) {
      throw new BadInputException(
          "status is required; one of " + CaseStatus.codes(List.of(CaseStatus.values())));
    }
    CaseStatus next;
    try {
      next = CaseStatus.of(request.status().trim());
    } catch (IllegalArgumentException unknown) {
      throw new BadInputException(unknown.getMessage());
    }
    LocalDateTime now = PlatformTime.now(workspaces.clock());
    LocalDate on = request.on() == null ? now.toLocalDate() : request.on();
    checkDates(next, on, request.followUpOn(), now.toLocalDate());
    String note = request.note() == null ? "" : request.note().strip();
    if (note.length() > MAX_NOTE_CHARS) {
      throw new BadInputException("note is longer than " + MAX_NOTE_CHARS + " characters");
    }
    db(shop).changeCase(id, current -> decide(current, next, on, note, request), now);
    // Does nothing when the stored analysis still holds; starts one when the change dropped it.
    analyses.submit(shop);
    return file(shop, id);
  }

  /** Unfinished cases of the shop whose next follow-up is on or before the day, earliest first. */
  public List<AppealCase> due(String shop, LocalDate on) throws SQLException {
    return list(shop).stream()
        .filter(
            c -> !c.status().finished() && c.followUpOn() != null && !c.followUpOn().isAfter(on))
        .sorted(Comparator.comparing(AppealCase::followUpOn).thenComparing(AppealCase::id))
        .toList();
  }

  /** The same over every shop, earliest follow-up first. */
  public List<Due> due(LocalDate on) throws SQLException {
    return due(on, shop -> true);
  }

  /** The same over the shops {@code visible} lets through; the others are not opened. */
  public List<Due> due(LocalDate on, Predicate<String> visible) throws SQLException {
    List<Due> out = new ArrayList<>();
    for (ShopSummary shop : workspaces.list()) {
      if (visible.test(shop.id())) {
        due(shop.id(), on).forEach(c -> out.add(new Due(shop.id(), c)));
      }
    }
    out.sort(
        Comparator.comparing((Due d) -> d.appealCase().followUpOn())
            .thenComparing(Due::shop)
            .thenComparing(d -> d.appealCase().id()));
    return out;
  }

  private static void checkDates(
      CaseStatus next, LocalDate on, LocalDate followUpOn, LocalDate today) {
    if (on.isAfter(today)) {
      throw new BadInputException("date " + on + " is in the future: give the day it happened");
    }
    if (followUpOn != null && followUpOn.isBefore(on)) {
      throw new BadInputException("follow_up_on " + followUpOn + " is before the date " + on);
    }
    if (followUpOn != null && next.finished()) {
      throw new BadInputException("a case that is " + next + " is final and has no follow-up");
    }
  }

  /** The change as it will be stored, decided on the case as it is stored now. */
  static CaseChange decide(
      AppealCase current, CaseStatus next, LocalDate on, String note, Request request) {
    if (!current.status().canBecome(next)) {
      throw new CaseConflictException(refusal(current, next));
    }
    // A draft's day is when it was opened here; the merchant may have appealed on the platform
    // before that.
    if (current.status() != CaseStatus.DRAFT && on.isBefore(current.statusOn())) {
      throw new BadInputException(
          "date "
              + on
              + " is before "
              + current.statusOn()
              + ", when case "
              + current.id()
              + " became "
              + current.status());
    }
    return new CaseChange(
        next, on, note, request.followUpOn(), restored(current, next, request.restoredOrders()));
  }

  static String refusal(AppealCase current, CaseStatus next) {
    List<CaseStatus> allowed = current.status().next();
    return "case "
        + current.id()
        + " is "
        + current.status()
        + " and cannot become "
        + next
        + ": "
        + (allowed.isEmpty()
            ? "a case that is " + current.status() + " is final"
            : "from "
                + current.status()
                + " it can become "
                + String.join(" or ", CaseStatus.codes(allowed)));
  }

  /**
   * The orders the platform gave back: all the case's orders when approved without a list, exactly
   * the listed ones (some of the case's orders) when partly approved, none otherwise.
   */
  static List<String> restored(AppealCase current, CaseStatus next, List<String> given) {
    if (!next.restores()) {
      if (given != null && !given.isEmpty()) {
        throw new BadInputException(
            "restored_orders go only with approved or partly_approved, not " + next);
      }
      return List.of();
    }
    if (given == null) {
      if (next == CaseStatus.PARTLY_APPROVED) {
        throw new BadInputException(
            "partly_approved needs restored_orders: which of the case's "
                + current.orders().size()
                + " orders the platform gave back");
      }
      return current.orders();
    }
    Set<String> ids =
        given.stream().map(String::trim).collect(Collectors.toCollection(LinkedHashSet::new));
    if (ids.isEmpty()) {
      throw new BadInputException(
          next
              + " needs at least one restored order; a decision that restores"
              + " none is rejected");
    }
    List<String> unknown = ids.stream().filter(o -> !current.orders().contains(o)).toList();
    if (!unknown.isEmpty()) {
      throw new BadInputException(
          "restored_orders must be orders of case "
              + current.id()
              + "; these are"
              + " not: "
              + unknown);
    }
    return List.copyOf(ids);
  }

  private ShopDatabase db(String shop) throws SQLException {
    return workspaces.database(shop);
  }
}
