package app.rebound.cli;

import app.rebound.advice.ActionId;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.BatchCause;
import app.rebound.sim.Cause;
import app.rebound.sim.GroundTruth;
import app.rebound.sim.Scenario;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The demo shop, simulated afresh relative to today so that every feature can be seen without
 * uploading anything: the exports end yesterday (as if downloaded this morning), the newest
 * deletion notice is two days old (its appeal window open), and older batches have weeks of data
 * after them for the loss and for the effect of an action started after the first one.
 */
final class DemoShop {

  /**
   * A seed whose newest batch is a malicious report (22 orders): the workbench has work to show.
   */
  static final long SEED = 20260506;

  static final int PRODUCTS = 24;
  static final int DAYS = 120;

  /** The newest notice is this many days before the window's last day (yesterday): two days old. */
  static final int NEWEST_NOTICE_BEFORE_END = 1;

  /** The action the demo merchant started, a few days after the oldest batch. */
  static final ActionId ACTION = ActionId.LISTING; // refresh the product cards

  // The effect of an action is measured from 14 days of data after the deletion before it.
  static final int ACTION_AFTER_NOTICE_DAYS = 14;

  private DemoShop() {}

  /** The simulator's settings for a demo whose last exported day is {@code today - 1}. */
  static SimConfig config(LocalDate today) {
    return SimConfig.defaults()
        .withSeed(SEED)
        .withProducts(PRODUCTS)
        .withDays(DAYS)
        .withScenario(Scenario.MIXED)
        .withStart(today.minusDays(DAYS))
        .withLastNoticeDaysBeforeEnd(NEWEST_NOTICE_BEFORE_END);
  }

  /**
   * Writes the demo's exports into {@code dir}, the platform's own downloads among them (结算账单,
   * 售后列表, 精选联盟 commission orders, the 罗盘 成交分析 and 流量来源 workbooks), so every page has its figures;
   * the truth says what was simulated.
   */
  static GroundTruth write(Path dir, LocalDate today) throws IOException {
    return ShopSimulator.writeWithPlatformExports(config(today), dir);
  }

  /** The action the demo merchant started. */
  record StartedAction(ActionId action, LocalDate startedOn, List<String> products) {}

  /** On the products of the oldest batch a merchant would act on (not a violation), after it. */
  static StartedAction startedAction(GroundTruth truth) {
    GroundTruth.Batch first =
        truth.batches().stream()
            .filter(b -> b.cause() != Cause.VIOLATION)
            .findFirst()
            .orElse(truth.batches().get(0));
    return new StartedAction(
        ACTION, first.date().plusDays(ACTION_AFTER_NOTICE_DAYS), first.products());
  }

  /** The demo's case: the open group with the most orders, if any window is open at {@code now}. */
  static Optional<AppealGroup> groupToSubmit(AppealReport appeal, LocalDateTime now) {
    return appeal.groups().stream()
        .filter(g -> !g.closed(now) && !g.cause().equals(BatchCause.VIOLATION))
        .filter(g -> !g.reason().equals(AppealGroup.NOT_SHIPPED)) // a case is opened once shipped
        .max(Comparator.comparingInt(g -> g.orders().size()));
  }
}
