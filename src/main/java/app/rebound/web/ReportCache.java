package app.rebound.web;

import app.rebound.Json;
import app.rebound.advice.Plan;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.ImpactReport;
import app.rebound.report.ChartTable;
import app.rebound.service.Analyses;
import app.rebound.service.ShopReport;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The shops' finished analyses, parsed once: one entry per shop and language, kept while the
 * analysis JSON it was parsed from is still the current one (a new upload gives new JSON, and the
 * entry is replaced). Rendered charts are kept beside the report they were drawn from.
 */
final class ReportCache {

  /**
   * Where a shop's analysis stands, as {@link Analyses#status(String, String, String)}: the whole
   * analysis when path is null, else its part at that JSON path. A seam so tests can hold it
   * RUNNING.
   */
  @FunctionalInterface
  interface StatusSource {
    Analyses.Status status(String shop, String lang, String path) throws Exception;
  }

  /** A shop's analysis: the parsed report when READY, else the progress or the error. */
  record Analysis(
      Analyses.State state, ImpactReport report, String progress, String error, Entry entry) {

    boolean ready() {
      return state == Analyses.State.READY;
    }
  }

  /** One parsed report and the charts drawn from it so far (key: chart id, product, lang). */
  static final class Entry {
    private final String json;
    private final ImpactReport report;
    private volatile Plan plan;
    private final Map<String, Optional<String>> svgs = new ConcurrentHashMap<>();
    private final Map<String, Optional<ChartTable>> tables = new ConcurrentHashMap<>();
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();

    private Entry(String json, ImpactReport report) {
      this.json = json;
      this.report = report;
    }

    /** The recovery plan impact.json carries beside the report, parsed on first use. */
    Plan plan() {
      if (plan == null) {
        try {
          plan = ShopReport.parsePlan(json);
        } catch (IOException e) {
          throw new UncheckedIOException("impact.json has no readable plan", e);
        }
      }
      return plan;
    }

    Optional<String> svg(String key, Supplier<Optional<String>> draw) {
      return svgs.computeIfAbsent(key, k -> draw.get());
    }

    Optional<ChartTable> table(String key, Supplier<Optional<ChartTable>> build) {
      return tables.computeIfAbsent(key, k -> build.get());
    }

    /**
     * A document rendered from this version of the analysis (plan.pdf, plan.md …), rendered once:
     * requests for it meanwhile wait for that render instead of starting their own.
     */
    byte[] document(String file, Supplier<byte[]> render) {
      return documents.computeIfAbsent(file, k -> render.get());
    }
  }

  private final StatusSource source;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Per shop: the appeal JSON and the workbench parsed from it. */
  private final Map<String, Map.Entry<String, AppealReport>> appeals = new ConcurrentHashMap<>();

  /** Per shop: the JSON of the appeal groups alone and the groups parsed from it. */
  private final Map<String, Map.Entry<String, List<AppealGroup>>> appealGroups =
      new ConcurrentHashMap<>();

  ReportCache(StatusSource source) {
    this.source = source;
  }

  Analysis get(String shop, String lang) throws Exception {
    Analyses.Status status = source.status(shop, lang, null);
    if (status.state() != Analyses.State.READY) {
      return new Analysis(status.state(), null, status.progress(), status.error(), null);
    }
    String key = shop + "\n" + lang;
    String json = status.json();
    // The JSON is compared, not re-parsed: equal text means the same version of the analysis.
    // Atomically, so requests arriving together share one entry (one parse, one render of each
    // document) instead of each making its own.
    Entry entry =
        entries.compute(
            key,
            (k, old) -> old != null && old.json.equals(json) ? old : new Entry(json, parse(json)));
    return new Analysis(Analyses.State.READY, entry.report, null, null, entry);
  }

  /** The appeal workbench of the shop's current analysis; empty while it runs. */
  Optional<AppealReport> appeal(String shop) throws Exception {
    return appealPart(shop, null, appeals, json -> Json.MAPPER.readValue(json, AppealReport.class));
  }

  /**
   * Only the submission groups of the shop's current appeal workbench, read without its orders (the
   * overview's deadline); empty while it runs.
   */
  Optional<List<AppealGroup>> appealGroups(String shop) throws Exception {
    return appealPart(shop, AppealReport.GROUPS, appealGroups, AppealReport::parseGroups);
  }

  /** A JSON parser that may fail. */
  private interface Parser<T> {
    T parse(String json) throws IOException;
  }

  /** The appeal part at a path (null: all of it), parsed once per version of its JSON. */
  private <T> Optional<T> appealPart(
      String shop, String path, Map<String, Map.Entry<String, T>> cache, Parser<T> parser)
      throws Exception {
    Analyses.Status status = source.status(shop, Analyses.APPEAL, path);
    if (status.state() != Analyses.State.READY) {
      return Optional.empty();
    }
    Map.Entry<String, T> cached = cache.get(shop);
    if (cached == null || !cached.getKey().equals(status.json())) {
      cached = Map.entry(status.json(), parser.parse(status.json()));
      cache.put(shop, cached);
    }
    return Optional.of(cached.getValue());
  }

  static ImpactReport parse(String json) {
    try {
      return Json.MAPPER.readValue(json, ImpactReport.class);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(
          "impact.json does not read back into ImpactReport: " + e.getOriginalMessage(), e);
    }
  }
}
