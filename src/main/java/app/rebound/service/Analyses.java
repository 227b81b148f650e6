package app.rebound.service;

import app.rebound.Json;
import app.rebound.advice.Assumptions;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ShopData;
import app.rebound.store.DataVersion;
import app.rebound.store.RowsInHand;
import app.rebound.store.ShopDatabase;
import app.rebound.store.Workspaces;
import java.lang.ref.SoftReference;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the impact pipeline in the background once per change of a shop's data and keeps the result
 * in the shop's database, so pages and the API read a finished analysis instead of computing one
 * per view. A shop's analysis is identified by the upload it was computed from; readers get it
 * whole or not at all.
 */
public final class Analyses implements AutoCloseable {

  /** The languages every analysis is written in. */
  public static final List<String> LANGS = List.of("zh", "en");

  /**
   * The key of the appeal workbench's content (an {@link AppealReport}, the same in every
   * language).
   */
  public static final String APPEAL = "appeal";

  /**
   * Everything one analysis stores; an analysis missing any of them (an older version's) is run
   * again.
   */
  static final List<String> PARTS = List.of("zh", "en", APPEAL);

  private static final Logger LOG = LoggerFactory.getLogger(Analyses.class);

  public enum State {
    READY,
    RUNNING,
    FAILED,
    NO_DATA
  }

  /**
   * Where a shop's analysis stands. json is the report when READY; progress says which stage runs;
   * error says why the last attempt failed.
   */
  public record Status(State state, String json, String progress, String error) {}

  private final Workspaces workspaces;
  private final Clock clock;
  private final ExecutorService executor;
  private final Map<String, String> progress = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();

  /** Per shop: the rows its last upload kept in hand, until its analysis takes them. */
  private final Map<String, SoftReference<RowsInHand>> handed = new ConcurrentHashMap<>();

  /** The last stored analysis read per shop and part, with the data version it was read at. */
  private final Map<String, Stored> stored = new ConcurrentHashMap<>();

  private record Stored(DataVersion version, String json) {}

  private final Assumptions assumptions = Assumptions.defaults();

  /** Told when an analysis is stored or fails; never slows or stops the analysis. */
  public interface Listener {
    void saved(String shop, ImpactAnalysis.Result result, AppealReport appeal);

    void failed(String shop, long version, String error);

    Listener NONE =
        new Listener() {
          @Override
          public void saved(String shop, ImpactAnalysis.Result result, AppealReport appeal) {}

          @Override
          public void failed(String shop, long version, String error) {}
        };
  }

  private volatile Listener listener = Listener.NONE;

  /**
   * @param threads analyses that may run at once (each holds a shop's tables in memory)
   */
  public Analyses(Workspaces workspaces, Clock clock, int threads) {
    this.workspaces = workspaces;
    this.clock = clock;
    this.executor =
        Executors.newFixedThreadPool(
            threads,
            runnable -> {
              Thread t = new Thread(runnable, "analysis");
              t.setDaemon(true);
              return t;
            });
  }

  /** Who hears of each stored or failed analysis from now on (the alerts). */
  public void listen(Listener value) {
    listener = value;
  }

  /**
   * As {@link #submit(String)}, after an upload that kept its rows in hand: the analysis of the
   * data that upload made reads them instead of the store. Held softly, so a server short of memory
   * lets them go and reads the store, as it does when a later change came first.
   */
  public void submit(String shop, RowsInHand rows) {
    handed.put(shop, new SoftReference<>(rows));
    submit(shop);
  }

  /** Schedules an analysis of the shop's current data unless one is finished or already running. */
  public void submit(String shop) {
    if (progress.putIfAbsent(shop, "waiting") != null) {
      return;
    }
    executor.submit(() -> run(shop));
  }

  /** Schedules every shop whose data changed since its last analysis (e.g. after a restart). */
  public void submitStale() throws Exception {
    for (var summary : workspaces.list()) {
      ShopDatabase db = workspaces.database(summary.id());
      Optional<DataVersion> latest = db.dataVersion();
      if (latest.isPresent() && !complete(db, latest.get().upload())) {
        submit(summary.id());
      }
    }
  }

  /** The shop's analysis in a language; schedules one when the data has none yet. */
  public Status status(String shop, String lang) throws Exception {
    return status(shop, lang, null);
  }

  /**
   * As {@link #status(String, String)}, with only the part of the analysis at a JSON path (e.g.
   * "$.groups") as its json, which SQLite reads out of the stored analysis: a page that needs a
   * small part of a large analysis neither reads nor keeps the rest. A null path is the whole
   * analysis.
   */
  public Status status(String shop, String lang, String path) throws Exception {
    ShopDatabase db = workspaces.database(shop);
    Optional<DataVersion> data = db.dataVersion();
    if (data.isEmpty()) {
      return new Status(State.NO_DATA, null, null, null);
    }
    long upload = data.get().upload();
    // A stored analysis is a few MB: read it once per data version, then answer from memory while
    // the data version holds and the analysis is still stored (a restored appeal drops it with the
    // version bump).
    String key = shop + "\n" + lang + (path == null ? "" : "\n" + path);
    Stored cached = stored.get(key);
    // An analysis missing a part (stored by an older Rebound, before the plan or the appeal
    // existed) or stored in another format is not served: its pages would fail or read in old
    // words; it is run again like one never made.
    boolean complete = complete(db, upload);
    if (complete && cached != null && cached.version().equals(data.get())) {
      return new Status(State.READY, cached.json(), null, null);
    }
    Optional<String> json =
        !complete
            ? Optional.empty()
            : path == null ? db.analysis(upload, lang) : db.analysisPart(upload, lang, path);
    if (json.isPresent()) {
      if (db.dataVersion().equals(data)) {
        stored.put(key, new Stored(data.get(), json.get()));
      }
      return new Status(State.READY, json.get(), null, null);
    }
    String running = progress.get(shop);
    if (running != null) {
      return new Status(State.RUNNING, null, running, null);
    }
    String failed = failures.get(shop + "@" + upload);
    if (failed != null) {
      return new Status(State.FAILED, null, null, failed);
    }
    submit(shop);
    return new Status(State.RUNNING, null, "waiting", null);
  }

  private void run(String shop) {
    long version = -1;
    try {
      // Loop: an upload or a restored appeal may land while the pipeline runs; the result must
      // match the data
      // it is stored for.
      while (true) {
        if (!workspaces.exists(shop)) {
          return; // deleted meanwhile: opening it would make it again, empty
        }
        ShopDatabase db = workspaces.database(shop);
        Optional<DataVersion> latest = db.dataVersion();
        if (latest.isEmpty() || complete(db, latest.get().upload())) {
          return;
        }
        version = latest.get().upload();
        progress.put(shop, "loading the shop's data");
        RowsInHand rows = handedOver(shop, version);
        ShopData data =
            rows == null ? StoredShop.load(db) : StoredShop.loadKeepingSnapshots(db, rows);
        progress.put(shop, "measuring the impact");
        ImpactAnalysis.Result result = ImpactAnalysis.run(data);
        progress.put(shop, "planning the recovery");
        Map<String, String> json = new LinkedHashMap<>();
        for (String lang : LANGS) {
          json.put(lang, ShopReport.of(result, lang, assumptions, LocalDate.now(clock)).json());
        }
        progress.put(shop, "preparing the appeals");
        AppealReport appeal =
            AppealReport.of(data, result, (int) assumptions.get("appeal.window_days"));
        json.put(APPEAL, Json.MAPPER.writeValueAsString(appeal));
        progress.put(shop, "saving");
        if (db.saveAnalysis(latest.get(), LocalDateTime.now(clock), json)) {
          listener.saved(shop, result, appeal);
          return;
        }
      }
    } catch (Exception | OutOfMemoryError e) {
      LOG.error("analysis of shop {} failed", shop, e);
      String error = e.getClass().getSimpleName() + ": " + e.getMessage();
      failures.put(shop + "@" + version, error);
      listener.failed(shop, version, error);
    } finally {
      progress.remove(shop);
    }
  }

  /**
   * The rows the shop's last upload handed over, when that upload made the data version being
   * analysed (no upload or delete since); taken, so they are read once and then let go.
   */
  private RowsInHand handedOver(String shop, long version) {
    SoftReference<RowsInHand> ref = handed.remove(shop);
    RowsInHand rows = ref == null ? null : ref.get();
    return rows != null && rows.upload() == version ? rows : null;
  }

  /**
   * Forgets what is kept in memory of a deleted shop, so a new shop of the same id never gets its
   * analyses (its data versions start again from 1).
   */
  public void forget(String shop) {
    String prefix = shop + "\n";
    stored.keySet().removeIf(key -> key.startsWith(prefix));
    handed.remove(shop);
    failures.keySet().removeIf(key -> key.startsWith(shop + "@"));
  }

  /** The appeal workbench's content of the shop's current data, when its analysis is finished. */
  public Optional<AppealReport> appeal(String shop) throws Exception {
    Status status = status(shop, APPEAL);
    return status.state() == State.READY
        ? Optional.of(Json.MAPPER.readValue(status.json(), AppealReport.class))
        : Optional.empty();
  }

  private static boolean complete(ShopDatabase db, long version) throws SQLException {
    for (String part : PARTS) {
      if (!db.hasAnalysis(version, part)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
