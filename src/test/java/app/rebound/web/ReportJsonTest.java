package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.ImpactReport;
import app.rebound.service.Analyses;
import app.rebound.service.ShopReport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ReportJsonTest {

  @RegisterExtension final DataFolder data = DataFolder.now();

  @Test
  void the_sample_shops_cached_analysis_reads_back_into_a_report_and_plan_that_write_the_same_json()
      throws Exception {
    SampleShop.upload(data.workspaces(), "s");
    for (String lang : Analyses.LANGS) {
      String json = SampleShop.awaitReady(data.analyses(), "s", lang).json();
      ImpactReport report = ReportCache.parse(json);
      assertEquals(lang, report.lang());
      // compared as parsed text: a tree built from records holds longs where parsed text holds
      // ints
      assertEquals(
          Json.MAPPER.readTree(json),
          Json.MAPPER.readTree(ShopReport.parse(json).json()),
          "impact.json with its plan round-trips");
      assertTrue(ShopReport.parse(json).plan().actions().size() > 0);
      assertEquals(
          ShopReport.parse(json).plan(),
          ShopReport.parsePlan(json),
          "the plan alone reads the same");
      assertTrue(report.deletions().orders() > 0);
      assertTrue(report.trust().shop().size() > 0);
    }
  }

  @Test
  void the_appeal_groups_read_alone_are_those_of_the_whole_workbench() throws Exception {
    SampleShop.upload(data.workspaces(), "s");
    SampleShop.awaitReady(data.analyses(), "s", "zh");
    String json = data.analyses().status("s", Analyses.APPEAL).json();
    List<AppealGroup> groups =
        AppealReport.parseGroups(
            data.analyses().status("s", Analyses.APPEAL, AppealReport.GROUPS).json());
    assertFalse(groups.isEmpty());
    assertEquals(
        Json.MAPPER.readValue(json, AppealReport.class).groups(),
        groups,
        "SQLite's copy reads the same");
    ReportCache cache = new ReportCache(data.analyses()::status);
    assertEquals(groups, cache.appealGroups("s").orElseThrow());
    assertEquals(
        groups, cache.appeal("s").orElseThrow().groups(), "the whole workbench after its groups");
  }

  @Test
  void a_report_is_parsed_once_per_version_of_the_analysis() throws Exception {
    SampleShop.upload(data.workspaces(), "s");
    SampleShop.awaitReady(data.analyses(), "s", "zh");
    ReportCache cache = new ReportCache(data.analyses()::status);
    ReportCache.Analysis first = cache.get("s", "zh");
    ReportCache.Analysis again = cache.get("s", "zh");
    assertEquals(Analyses.State.READY, first.state());
    assertSame(
        first.report(), again.report(), "the second view reads the parsed report from the cache");
  }
}
