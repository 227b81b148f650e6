package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.analysis.ImpactReport;
import app.rebound.service.Analyses;
import app.rebound.service.ShopReport;
import app.rebound.store.Workspaces;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {

  @TempDir Path data;

  @Test
  void the_sample_shops_cached_analysis_reads_back_into_a_report_and_plan_that_write_the_same_json() throws Exception {
    try (Workspaces workspaces = new Workspaces(data, Clock.systemDefaultZone());
        Analyses analyses = new Analyses(workspaces, Clock.systemDefaultZone(), 1)) {
      SampleShop.upload(workspaces, "s");
      for (String lang : Analyses.LANGS) {
        String json = SampleShop.awaitReady(analyses, "s", lang).json();
        ImpactReport report = ReportCache.parse(json);
        assertEquals(lang, report.lang());
        // compared as parsed text: a tree built from records holds longs where parsed text holds ints
        assertEquals(Json.MAPPER.readTree(json), Json.MAPPER.readTree(ShopReport.parse(json).json()),
            "impact.json with its plan round-trips");
        assertTrue(ShopReport.parse(json).plan().actions().size() > 0);
        assertTrue(report.deletions().orders() > 0);
        assertTrue(report.trust().shop().size() > 0);
      }
    }
  }

  @Test
  void a_report_is_parsed_once_per_version_of_the_analysis() throws Exception {
    try (Workspaces workspaces = new Workspaces(data, Clock.systemDefaultZone());
        Analyses analyses = new Analyses(workspaces, Clock.systemDefaultZone(), 1)) {
      SampleShop.upload(workspaces, "s");
      SampleShop.awaitReady(analyses, "s", "zh");
      ReportCache cache = new ReportCache(analyses::status);
      ReportCache.Analysis first = cache.get("s", "zh");
      ReportCache.Analysis again = cache.get("s", "zh");
      assertEquals(Analyses.State.READY, first.state());
      assertSame(first.report(), again.report(), "the second view reads the parsed report from the cache");
    }
  }
}
