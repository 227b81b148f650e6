package app.rebound.analysis;

import app.rebound.PlatformTime;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * The penalties the platform's rule on fake transactions attaches to a batch: expected, not
 * measured.
 */
final class Consequences {

  // Named by its title and revision month alone, so it reads the same in both languages.
  static final String SOURCE = "《抖音电商虚假交易实施细则》（2026-08）";
  static final int APPEAL_DAYS = 7;
  static final double PENALTY_RATE = 0.01;
  static final int PENALTY_MAX = 20_000;

  private Consequences() {}

  static List<Consequence> of(String cause, LocalDate date, double money) {
    double penalty = PENALTY_RATE * money;
    String amountZh = String.format(Locale.ROOT, "本批金额 ¥%,.2f 的 1%% 是 ¥%,.2f", money, penalty);
    String amountEn =
        String.format(Locale.ROOT, "1%% of this batch's ¥%,.2f is ¥%,.2f", money, penalty);
    List<Consequence> penalties =
        List.of(
            new Consequence(
                "警告，并删除这些订单的销量、成交金额和评价（已发生）",
                "a warning, and the orders' sales, amount and reviews removed (already done)",
                SOURCE),
            new Consequence(
                "店铺体验分一次性扣 15 分（成长期店铺从 70 分降到 60 分）；分数低会挡住千川投放、营销活动和精选联盟",
                "shop experience score −15 once (a growth-stage shop drops from 70 to 60); a low score blocks 千川 ads,"
                    + " marketing events and 精选联盟",
                SOURCE),
            new Consequence(
                "3 到 90 天不能加入精选联盟", "barred from joining 精选联盟 for 3 to 90 days", SOURCE),
            new Consequence(
                "90 天内再次违规：7 天或 14 天不能参加营销活动，商品可能被下架",
                "with repeat violations within 90 days: no marketing events for 7 or 14 days, products may be delisted",
                SOURCE),
            new Consequence(
                "90 天内再次违规：罚款为虚假交易金额的 1%（最低 ¥1,000 或 ¥2,000，最高 ¥20,000）；"
                    + amountZh
                    + (penalty < 1000 ? "，所以按最低额计" : penalty > PENALTY_MAX ? "，所以按最高额计" : "")
                    + "；屡犯者被清退",
                "with repeat violations within 90 days: a penalty of 1% of the fake amount (at least ¥1,000 or ¥2,000, at"
                    + " most ¥20,000); "
                    + amountEn
                    + (penalty < 1000
                        ? ", so the minimum applies"
                        : penalty > PENALTY_MAX ? ", so the maximum applies" : "")
                    + "; repeat offenders are removed",
                SOURCE));
    if (cause.equals(BatchCause.VIOLATION)) {
      return penalties;
    }
    // From the notice day's start: the notice's own time may be later, never earlier.
    LocalDateTime deadline = PlatformTime.appealDeadline(date.atStartOfDay(), APPEAL_DAYS);
    return List.of(
        new Consequence(
            "如果申诉不成功，平台按虚假交易处理，下面的处罚同样适用",
            "if the appeal is not won, the platform treats the batch as a violation and the penalties below follow",
            SOURCE),
        new Consequence(
            "申诉期限是违规通知后 "
                + APPEAL_DAYS
                + " 天：按删除日期算，须在 "
                + PlatformTime.deadline(deadline, true)
                + "提交，过期不能再申诉；结果 1–5 个工作日",
            "the appeal window is "
                + APPEAL_DAYS
                + " days from the notice: counting from the deletion date, appeal "
                + PlatformTime.deadline(deadline, false)
                + "; none after it; the answer takes 1–5 working days",
            SOURCE),
        penalties.get(1),
        penalties.get(2),
        penalties.get(3),
        penalties.get(4));
  }
}
