package app.rebound.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.advice.Plan;
import app.rebound.advice.RankedAction;
import app.rebound.analysis.ImpactReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanMarkdownTest {

  @Test
  void the_markdown_holds_the_action_table_in_rank_order() {
    ImpactReport report = ImpactReports.sample("zh");
    String md = PlanWriters.markdown(PlanFixtures.zh(), report, "玉肌小铺");
    String keep = System.getProperty("plan.pdf.dir"); // to look at the file: -Dplan.pdf.dir=/tmp
    if (keep != null) {
      try {
        Files.writeString(Path.of(keep, "plan-zh.md"), md);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertTrue(md.startsWith("# 玉肌小铺 销量恢复计划\n"), md);
    assertTrue(md.contains("| \\# | 行动 |"), md); // renders as #
    int appeal = md.indexOf("| 1 | 申诉恢复销量 |");
    int listing = md.indexOf("| 2 | 优化商品详情 |");
    int monitoring = md.indexOf("| 3 | 监控预警 |");
    assertTrue(appeal > 0 && appeal < listing && listing < monitoring, md);
    assertTrue(md.contains("¥12,346<br>¥9,000–¥16,001"), md);
    assertTrue(md.contains("保湿面霜-01"), "product ids read as names");
    assertTrue(md.contains("## 主要损失") && md.contains("## 逐周安排") && md.contains("## 所用假设"), md);
    assertTrue(md.contains("| 第 2 周 |"), md);
  }

  @Test
  void tables_keep_their_delimiter_row_and_a_product_loss_has_one_bracket() {
    ImpactReport report = ImpactReports.sample("zh");
    String md = PlanWriters.markdown(PlanFixtures.zh(), report, "玉肌小铺");
    assertTrue(
        md.contains("\n| --- | --- | --- |\n"), "the delimiter row is Markdown, not text: " + md);
    assertFalse(md.contains("\\---"), "never escaped");
    assertFalse(md.contains("）（"), "interval and period share one bracket: " + md);
    ImpactReport.ProductRow product =
        report.products().stream().filter(p -> p.gmv().measured()).findFirst().orElseThrow();
    assertTrue(
        md.contains("（删除后 " + report.daysSince(product.deletedSince()) + " 天）")
            || md.contains("，删除后 " + report.daysSince(product.deletedSince()) + " 天）"),
        md);
  }

  /**
   * The English plan with its first action alone, that action's gap and reason replaced, as
   * Markdown.
   */
  private static String markdownOfFirstAction(String gap, String reason) {
    var plan = PlanFixtures.en();
    var a = plan.actions().get(0);
    var changed =
        new RankedAction(
            a.id(),
            a.rank(),
            a.expectedGmv(),
            a.expectedGmvLow(),
            a.expectedGmvHigh(),
            a.cost(),
            a.effort(),
            a.confidence(),
            a.daysToEffect(),
            a.products(),
            gap,
            reason,
            0,
            RankedAction.BY_NET_VALUE);
    return PlanWriters.markdown(
        new Plan("en", plan.asOf(), List.of(changed), plan.steps(), plan.assumptions()),
        null,
        "Shop");
  }

  @Test
  void a_pipe_in_a_text_does_not_break_the_table() {
    String gap = PlanFixtures.en().actions().get(0).gap();
    String md = markdownOfFirstAction(gap, "left | right");
    assertTrue(md.contains("left \\| right"), md);
  }

  @Test
  void html_links_and_headings_in_shop_text_stay_literal_text() {
    String hostile =
        "<img src=x onerror=alert(1)> [x](javascript:alert(1)) **bold** `code`\n# Fake heading\n- item";
    String md = markdownOfFirstAction(hostile, hostile);
    assertFalse(md.contains("<img"), md);
    assertTrue(md.contains("&lt;img src=x onerror=alert(1)&gt;"), md);
    assertFalse(md.contains("[x](javascript:"), "no link: " + md);
    assertTrue(md.contains("\\[x\\](javascript:alert(1))"), md);
    assertTrue(md.contains("\\*\\*bold\\*\\* \\`code\\`"), md);
    assertFalse(md.contains("\n# Fake"), "no heading of its own: " + md);
    assertFalse(md.contains("\n- item"), "no list of its own: " + md);
    assertTrue(md.contains("\\# Fake heading"), md);
  }
}
