package app.rebound.web;

import app.rebound.advice.appeal.AppealReport;
import app.rebound.report.ChartRenderer;
import app.rebound.service.ShopReport;
import app.rebound.store.ShopDatabase;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads what the first dashboard page needs whatever the shop, on a background thread while the
 * server starts: SQLite and its native library, Jackson's readers of the stored analysis, the
 * pages' texts, the chart font and JFreeChart. On a cold JVM these take about a second, which the
 * first request would otherwise wait for, while Javalin's start keeps only one core busy. No shop
 * is read: nothing is computed or kept that a request would not have made itself.
 */
final class Warmup {

  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);

  /** Once per JVM: all of it is loaded for good, and tests create many apps. */
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private Warmup() {}

  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(Warmup::run, "warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      // In the order the overview needs them.
      ShopDatabase.prepare();
      ShopReport.prepareReaders();
      Messages.of(Lang.DEFAULT);
      AppealReport.prepareReaders();
      ChartRenderer.prepare();
    } catch (Exception | LinkageError e) {
      // Nothing is lost: whatever failed here is loaded by the request that needs it, which reports
      // the error.
      LOG.warn("warming up failed; the first page will load what it needs itself", e);
    }
  }
}
