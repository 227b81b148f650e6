package app.rebound.report;

import app.rebound.advice.ActionId;
import app.rebound.advice.Assumption;
import app.rebound.advice.Plan;
import app.rebound.advice.PlanStep;
import app.rebound.advice.RankedAction;
import java.time.LocalDate;
import java.util.List;

/** Hand-made plans for the writer tests, in Chinese and English. */
final class PlanFixtures {

  static final String CREAM = "3500000000003007928"; // 保湿面霜-01 in the sample exports
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

  private PlanFixtures() {}

  /** The appeal action both plans rank first: ¥12,345.6 expected, its gap and reason as given. */
  static RankedAction appeal(String gap, String reason) {
    return new RankedAction(
        ActionId.APPEAL,
        1,
        12345.6,
        9000,
        16000.5,
        0,
        "low",
        0.8,
        7,
        List.of(CREAM),
        gap,
        reason,
        0,
        RankedAction.BY_NET_VALUE);
  }

  static Plan zh() {
    return new Plan(
        "zh",
        AS_OF,
        List.of(
            // listed out of rank order on purpose: writers sort by rank
            new RankedAction(
                ActionId.LISTING,
                2,
                8200.4,
                5100,
                11800,
                1500,
                "medium",
                0.62,
                14,
                List.of(CREAM),
                "详情页转化率低于同类商品",
                "补充真实买家秀和成分说明，提升详情页转化率；这是一段较长的中文理由，用来检验中文在表格单元格里可以在任意字符之间换行而不会溢出边界。",
                0,
                RankedAction.BY_NET_VALUE),
            appeal("被删销量可申诉", "=HYPERLINK(\"http://evil.example\",\"点我\")"),
            new RankedAction(
                ActionId.MONITORING,
                3,
                0,
                0,
                0,
                200,
                "low",
                0.9,
                1,
                List.of(),
                "",
                "+1 每日检查删除记录",
                0,
                RankedAction.BY_NET_VALUE)),
        List.of(
            new PlanStep(AS_OF, AS_OF.plusDays(6), ActionId.APPEAL, "整理证据并提交申诉"),
            new PlanStep(AS_OF.plusDays(7), AS_OF.plusDays(13), ActionId.LISTING, "更新保湿面霜-01 的详情页"),
            new PlanStep(AS_OF.plusDays(7), AS_OF.plusDays(27), ActionId.MONITORING, "每天查看销量删除记录")),
        List.of(
            new Assumption("appeal_success_rate", 0.35, "比例", "申诉成功的订单比例", "行业经验"),
            new Assumption("days", 30, "天", "预期 GMV 的时间窗", "计划设定")));
  }

  static Plan en() {
    return new Plan(
        "en",
        AS_OF,
        List.of(
            appeal(
                "Deleted sales can be appealed",
                "Most deleted orders were real buyers; a complete evidence pack "
                    + "with logistics tracking and chat records restores the sales count and the ranking that followed it."),
            new RankedAction(
                ActionId.AFFILIATE,
                2,
                4000,
                1000,
                7000,
                2500,
                "high",
                0.4,
                21,
                List.of(),
                "-x",
                "@SUM(1) Rebuild affiliate partnerships that were cancelled",
                0,
                RankedAction.BY_NET_VALUE)),
        List.of(
            new PlanStep(
                AS_OF,
                AS_OF.plusDays(6),
                ActionId.APPEAL,
                "Collect the evidence and file the appeal"),
            new PlanStep(
                AS_OF.plusDays(14),
                AS_OF.plusDays(20),
                ActionId.AFFILIATE,
                "Contact the cancelled affiliates")),
        List.of(
            new Assumption(
                "appeal_success_rate",
                0.35,
                "share",
                "Share of appealed orders restored",
                "industry experience")));
  }
}
