package app.rebound.web;

import app.rebound.PlatformTime;
import app.rebound.Words;
import app.rebound.advice.ActionId;
import app.rebound.analysis.Counterfactual;
import app.rebound.analysis.Reason;
import app.rebound.ingest.FileKind;
import app.rebound.report.ChartId;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every string the pages show, one bundle per {@link Lang}: {@code messages_zh.properties} and
 * {@code messages_en.properties} beside this class (UTF-8). Templates ask for a key, never hold
 * text.
 */
public final class Messages {

  private static final Map<Lang, Messages> BUNDLES = new EnumMap<>(Lang.class);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DATE_ZH =
      DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.SIMPLIFIED_CHINESE);
  private static final DateTimeFormatter DATE_EN =
      DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

  static {
    for (Lang lang : Lang.values()) {
      BUNDLES.put(lang, new Messages(lang, load(lang)));
    }
  }

  private final Lang lang;
  private final Properties texts;

  private Messages(Lang lang, Properties texts) {
    this.lang = lang;
    this.texts = texts;
  }

  public static Messages of(Lang lang) {
    return BUNDLES.get(lang);
  }

  public Lang lang() {
    return lang;
  }

  /** The text for a key; a missing key shows as {@code ??key??} so it is seen, never thrown. */
  public String get(String key) {
    String text = texts.getProperty(key);
    return text == null ? "??" + key + "??" : text;
  }

  /**
   * The text for a key built at run time (a measure's or chart's id), or the fallback when there is
   * none.
   */
  public String getOr(String key, String fallback) {
    return texts.getProperty(key, fallback == null ? "" : fallback);
  }

  /** An action's name ("申诉恢复销量"), as every page and table names it. */
  public String action(ActionId id) {
    return getOr("action." + id.code(), id.code());
  }

  /** A chart's caption ("访客：实际与预期（95% 区间）"), as its slot on every page names it. */
  public String chart(ChartId id) {
    return getOr("chart." + id.code(), id.code());
  }

  /**
   * A running analysis's stage ("measuring the impact") in this language; unknown stages as
   * written.
   */
  public String progress(String stage) {
    if (stage == null) {
      return getOr("progress.waiting", "waiting");
    }
    return getOr("progress." + stage.replaceAll("[^A-Za-z]+", "_").toLowerCase(Locale.ROOT), stage);
  }

  /**
   * A running upload's step in this language: "reading NAME", "reading NAME: N rows", "storing
   * NAME", "committing", "receiving" (the steps {@code Workspaces.upload} reports); anything else
   * as it is.
   */
  public String uploadProgress(String step) {
    Matcher rows = Pattern.compile("reading (.+): (\\d+) rows").matcher(step);
    if (rows.matches()) {
      return format("progress.upload.rows", rows.group(1), number(Long.parseLong(rows.group(2))));
    }
    if (step.startsWith("reading ")) {
      return format("progress.upload.reading", step.substring("reading ".length()));
    }
    if (step.startsWith("storing ")) {
      return format("progress.upload.storing", step.substring("storing ".length()));
    }
    return getOr("progress.upload." + step, step);
  }

  /** The text for a key with its {0}, {1}… filled in ({@link MessageFormat}). */
  public String format(String key, Object... args) {
    return new MessageFormat(get(key), locale()).format(args);
  }

  /**
   * A file kind's name in this language, from its id ("orders"); the "unknown kind" text for null.
   */
  public String kind(String kindId) {
    if (kindId == null) {
      return get("kind.unknown");
    }
    return FileKind.byId(kindId).map(k -> lang == Lang.ZH ? k.zhName() : k.enName()).orElse(kindId);
  }

  /**
   * A refusal reason from an ingest report in this language: the bundle's "problem.{code}" pattern
   * with the report's arguments, or the report's English text when the code is unknown (older
   * reports).
   */
  public String problem(String code, List<String> args, String english) {
    String pattern = code == null ? null : texts.getProperty("problem." + code);
    if (pattern == null) {
      return english == null ? "" : english;
    }
    return new MessageFormat(pattern, locale())
        .format(args == null ? new Object[0] : args.toArray());
  }

  /** An appeal deadline, stated as everywhere else: its last minute, Beijing time. */
  public String deadline(LocalDateTime deadline) {
    return deadline == null ? "" : PlatformTime.deadline(deadline, lang == Lang.ZH);
  }

  public String dateTime(LocalDateTime at) {
    return at == null ? "" : DATE_TIME.format(at);
  }

  /** Time left to a deadline: days and hours, or hours alone under two days. */
  public String hoursLeft(long hours) {
    if (hours < 48) {
      return format("appeal.hours_left", hours);
    }
    return format("appeal.days_left", hours / 24, hours % 24);
  }

  /** A count with digit grouping, e.g. 1,000,000. */
  public String number(long n) {
    return String.format(locale(), "%,d", n);
  }

  /** Whole yuan with digit grouping: ¥12,300; a negative amount as -¥1,200. */
  public String money(double yuan) {
    long whole = Math.round(yuan);
    return (whole < 0 ? "-" : "") + "¥" + String.format(Locale.ENGLISH, "%,d", Math.abs(whole));
  }

  /** A count from a measured (fractional) total, rounded, with digit grouping. */
  public String count(double n) {
    return String.format(Locale.ENGLISH, "%,d", Math.round(n));
  }

  /** A share 0–1 as a percentage with one decimal: 12.3%. */
  public String percent(double share) {
    return String.format(Locale.ENGLISH, "%.1f%%", share * 100);
  }

  /**
   * A probability the model gives (a batch's cause): as {@link #percent}, but never "0.0%" or
   * "100.0%", which would claim a certainty no diagnosis from exports has.
   */
  public String probability(double p) {
    if (p >= 0.9995) {
      return ">99.9%";
    }
    if (p < 0.0005) {
      return "<0.1%";
    }
    return percent(p);
  }

  /** A date: 2026年6月7日 in Chinese, Jun 7, 2026 in English. */
  public String date(LocalDate date) {
    return date == null ? "" : (lang == Lang.ZH ? DATE_ZH : DATE_EN).format(date);
  }

  /**
   * A loss in its unit (money for yuan, else a count); "no measurable loss" when its 95% range
   * holds zero and "above expected by …" when the range lies below zero; empty when not measured.
   */
  public String loss(Dashboards.LossView loss) {
    if (loss == null || loss.loss() == null) {
      return "";
    }
    if (loss.noMeasurableLoss()) {
      return get("loss.none");
    }
    if (loss.aboveExpected()) {
      return format("loss.above", inUnit(loss.unit(), -loss.loss()));
    }
    return inUnit(loss.unit(), loss.loss());
  }

  /** How well the pre-period was fitted and how the method held on the shop's own history. */
  public String fit(Counterfactual.Fit fit) {
    if (fit == null) {
      return "";
    }
    String text =
        format(
            "loss.fit",
            number(fit.preDays()),
            number(fit.controls()),
            String.format(Locale.ENGLISH, "%.2f", fit.rSquared()),
            fit.mape() == null ? "—" : percent(fit.mape()));
    String separator = lang == Lang.ZH ? "；" : "; ";
    return (fit.weak() ? get("loss.weak") + separator : "")
        + text
        + separator
        + fit.calibration().sentence(lang == Lang.ZH);
  }

  /** The 95% range of a loss in brackets, "(¥8,100–¥16,500)"; empty when not measured. */
  public String lossRange(Dashboards.LossView loss) {
    if (loss == null || loss.low() == null) {
      return "";
    }
    return "(" + inUnit(loss.unit(), loss.low()) + "–" + inUnit(loss.unit(), loss.high()) + ")";
  }

  private String inUnit(String unit, double value) {
    return "yuan".equals(unit) ? money(value) : count(value);
  }

  /**
   * A measure's level in its unit: a share as a percentage, stars with two decimals, yuan as money.
   */
  public String level(String unit, Double value) {
    if (value == null) {
      return "—";
    }
    return switch (unit == null ? "" : unit) {
      case "share" -> percent(value);
      case "stars", "score" -> String.format(Locale.ENGLISH, "%.2f", value);
      case "yuan_per_day", "yuan" -> money(value);
      default -> String.format(Locale.ENGLISH, "%,.1f", value);
    };
  }

  /** A change in a measure's unit, signed: +4.1 pp (个百分点) for shares, -0.32 stars, +¥120. */
  public String change(String unit, Double value) {
    if (value == null) {
      return "—";
    }
    String sign = value > 0 ? "+" : value < 0 ? "-" : "±";
    double v = Math.abs(value);
    return switch (unit == null ? "" : unit) {
      case "share" -> sign + String.format(Locale.ENGLISH, "%.1f", v * 100) + get("unit.pp");
      case "stars" -> sign + String.format(Locale.ENGLISH, "%.2f", v) + get("unit.stars");
      case "score" -> sign + String.format(Locale.ENGLISH, "%.2f", v);
      case "yuan_per_day", "yuan" -> sign + money(v);
      default -> sign + String.format(Locale.ENGLISH, "%,.1f", v);
    };
  }

  /** The 95% interval of a change, "(+1.2 pp – +7.0 pp)"; empty without one. */
  public String changeRange(String unit, Double low, Double high) {
    return low == null || high == null
        ? ""
        : "(" + change(unit, low) + " – " + change(unit, high) + ")";
  }

  /** Why something was not measured, in this language: the reason's words from its code. */
  public String reason(Reason reason) {
    return Reason.text(reason, lang == Lang.ZH);
  }

  public Set<String> keys() {
    return texts.stringPropertyNames();
  }

  private Locale locale() {
    return lang == Lang.ZH ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
  }

  private static Properties load(Lang lang) {
    return Words.bundle(lang == Lang.ZH);
  }

  /**
   * A tile's 环比: the observed total over its period, the same over the period before, and the
   * change between them; says so when the period before lies outside the data.
   */
  public String periodChange(PeriodFigures.Change c) {
    if (c == null) {
      return get("period.change.none");
    }
    return format(
        "period.change",
        c.relative() == null ? "—" : (c.relative() >= 0 ? "+" : "") + percent(c.relative()),
        inUnit(c.unit(), c.current()),
        inUnit(c.unit(), c.previous()),
        c.previousFrom().toString(),
        c.previousTo().toString());
  }
}
