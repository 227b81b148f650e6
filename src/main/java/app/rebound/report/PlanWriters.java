package app.rebound.report;

import app.rebound.advice.Assumption;
import app.rebound.advice.Plan;
import app.rebound.advice.PlanStep;
import app.rebound.advice.RankedAction;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.ImpactReport.Loss;
import app.rebound.analysis.ImpactReport.ProductRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jfree.chart.JFreeChart;

/**
 * The plan downloads: a PDF (A4, the bundled CJK font embedded as a subset, key charts as PNG), the
 * same content as Markdown, and actions.csv. The content is built once as a list of blocks
 * (headings, paragraphs, tables, charts) in the plan's language, then written by each format.
 */
public final class PlanWriters {

  /**
   * actions.csv columns, in order: the RankedAction fields, with the action's name after its id.
   * Each header is the bundle's {@code plan.file.csv.<field>}: the words a Chinese merchant reads;
   * English plans keep the field names docs/formats.md documents.
   */
  enum Column {
    id,
    name,
    rank,
    expected_gmv,
    expected_gmv_low,
    expected_gmv_high,
    cost,
    effort,
    confidence,
    days_to_effect,
    products,
    gap,
    rationale,
    net_value,
    units_restored,
    rank_rule
  }

  /** Charts in the PDF, in order; those the report cannot draw are left out. */
  static final List<ChartId> CHARTS =
      List.of(ChartId.GMV, ChartId.VISITORS, ChartId.DELETIONS_TIMELINE);

  private static final int TOP_PRODUCTS = 10;

  private PlanWriters() {}

  private sealed interface Block permits Heading, Para, Table, Chart {}

  private record Heading(String text, int level) implements Block {}

  private record Para(String text) implements Block {}

  /** widths are the PDF's column shares; they add up to 1. */
  private record Table(double[] widths, List<String> header, List<List<String>> rows)
      implements Block {}

  private record Chart(ChartId id, JFreeChart chart) implements Block {}

  public static byte[] pdf(Plan plan, ImpactReport report, String shopName) {
    try (PdfLayout page = new PdfLayout()) {
      for (Block block : blocks(plan, report, shopName, true)) {
        if (block instanceof Heading h) {
          page.heading(h.text(), h.level() == 1 ? 18 : 13);
        } else if (block instanceof Para p) {
          page.paragraph(p.text(), PdfLayout.BODY + 1);
        } else if (block instanceof Table t) {
          float[] widths = new float[t.widths().length];
          for (int i = 0; i < widths.length; i++) {
            widths[i] = (float) (t.widths()[i] * page.width());
          }
          page.table(widths, t.header(), t.rows(), PdfLayout.BODY);
        } else if (block instanceof Chart c) {
          page.image(ChartRenderer.png(c.chart(), 900, 450), c.id().code());
        }
      }
      return page.save();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the plan PDF", e);
    }
  }

  public static String markdown(Plan plan, ImpactReport report, String shopName) {
    StringBuilder md = new StringBuilder();
    for (Block block : blocks(plan, report, shopName, false)) {
      if (block instanceof Heading h) {
        md.append("#".repeat(h.level()))
            .append(' ')
            .append(MarkdownText.escape(h.text()))
            .append("\n\n");
      } else if (block instanceof Para p) {
        md.append(MarkdownText.escape(p.text())).append("\n\n");
      } else if (block instanceof Table t) {
        md.append(mdRow(t.header()));
        // The delimiter row is Markdown's own syntax, so it is written as is, never escaped.
        md.append(
            t.header().stream().map(x -> "---").collect(Collectors.joining(" | ", "| ", " |\n")));
        t.rows().forEach(row -> md.append(mdRow(row)));
        md.append('\n');
      }
    }
    return md.toString();
  }

  /**
   * actions.csv: UTF-8 with a BOM, CRLF, one row per action. Text cells go through {@link
   * SpreadsheetSafe#cell}; numbers are written as plain Locale.ROOT numbers (a negative number
   * stays a number), a number that is not finite as an empty cell. Products are joined with ';'.
   */
  public static byte[] csv(Plan plan) {
    PlanText text = PlanText.of(plan.lang());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    String[] header =
        Arrays.stream(Column.values())
            .map(c -> text.w("plan.file.csv." + c.name()))
            .toArray(String[]::new);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header).get();
    try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, format)) {
      for (RankedAction a : plan.actions()) {
        printer.printRecord(
            SpreadsheetSafe.cell(a.id().code()),
            SpreadsheetSafe.cell(text.action(a.id())),
            number(a.rank()),
            number(a.expectedGmv()),
            number(a.expectedGmvLow()),
            number(a.expectedGmvHigh()),
            number(a.cost()),
            SpreadsheetSafe.cell(text.effort(a.effort())),
            number(a.confidence()),
            number(a.daysToEffect()),
            SpreadsheetSafe.id(a.products() == null ? "" : String.join(";", a.products())),
            SpreadsheetSafe.cell(a.gap()),
            SpreadsheetSafe.cell(a.rationale()),
            number(Math.round(a.net() * 100) / 100.0),
            number(a.unitsRestored()),
            SpreadsheetSafe.cell(text.rule(a.rankRule())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write actions.csv", e);
    }
    return bytes.toByteArray();
  }

  /** A number as plain digits in Locale.ROOT: 1234.5, -12, 0.7; never exponent notation. */
  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    return plain.equals("-0") ? "0" : plain;
  }

  // ---- the content, once for every format ----

  private static List<Block> blocks(
      Plan plan, ImpactReport report, String shopName, boolean charts) {
    PlanText t = PlanText.of(plan.lang());
    List<Block> out = new ArrayList<>();
    String shop = shopName == null || shopName.isBlank() ? t.w("plan.file.shop") : shopName;
    out.add(new Heading(t.w("plan.file.title", shop), 1));
    out.add(new Para(t.w("plan.file.as_of", String.valueOf(plan.asOf()))));

    if (report != null) {
      out.add(new Heading(t.w("plan.file.losses"), 2));
      out.add(
          new Table(
              new double[] {0.34, 0.26, 0.40},
              List.of(t.w("plan.file.measure"), t.w("plan.value"), t.w("loss.col.range")),
              losses(report, t)));
      List<ProductRow> products =
          report.products().stream()
              .sorted(Comparator.comparingDouble(ProductRow::deletedMoney).reversed())
              .limit(TOP_PRODUCTS)
              .toList();
      if (!products.isEmpty()) {
        out.add(new Heading(t.w("plan.file.products"), 2));
        out.add(
            new Table(
                new double[] {0.34, 0.14, 0.18, 0.34},
                List.of(
                    t.w("products.col.name"),
                    t.w("plan.file.deleted_orders"),
                    t.w("plan.file.deleted_sales"),
                    t.w("plan.file.gmv_lost_range")),
                products.stream()
                    .map(
                        p ->
                            List.of(
                                p.name(),
                                t.count(p.deletedOrders()),
                                t.money(p.deletedMoney()),
                                lossText(p.gmv(), t, true, days(report, p.deletedSince(), t))))
                    .toList()));
      }
    }

    Map<String, String> names = productNames(report);
    out.add(new Heading(t.w("plan.actions"), 2));
    out.add(
        new Table(
            new double[] {0.04, 0.14, 0.19, 0.09, 0.08, 0.11, 0.35},
            List.of(
                "#",
                t.w("plan.action"),
                t.w("plan.file.expected", String.valueOf(plan.horizonDays())),
                t.w("plan.cost"),
                t.w("plan.effort"),
                t.w("plan.confidence"),
                t.w("plan.file.rationale")),
            plan.actions().stream()
                .sorted(Comparator.comparingInt(RankedAction::rank))
                .map(
                    a ->
                        List.of(
                            String.valueOf(a.rank()),
                            t.action(a.id()),
                            t.money(a.expectedGmv())
                                + "\n"
                                + t.moneyRange(a.expectedGmvLow(), a.expectedGmvHigh())
                                + "\n"
                                + t.w("plan.file.net", t.money(a.net())),
                            t.money(a.cost()),
                            t.effort(a.effort()),
                            t.percent(a.confidence()),
                            reasons(a, names, t)))
                .toList()));

    out.add(new Heading(t.w("plan.file.steps"), 2));
    out.add(
        new Table(
            new double[] {0.10, 0.22, 0.18, 0.50},
            List.of(
                t.w("plan.file.week"),
                t.w("plan.file.dates"),
                t.w("plan.action"),
                t.w("plan.step")),
            plan.steps().stream()
                .sorted(Comparator.comparing(PlanStep::start))
                .map(
                    s ->
                        List.of(
                            t.w("plan.file.week_n", String.valueOf(week(plan.asOf(), s.start()))),
                            s.start().equals(s.end())
                                ? s.start().toString()
                                : s.start() + " – " + s.end(),
                            t.action(s.actionId()),
                            nz(s.text())))
                .toList()));

    out.add(new Heading(t.w("plan.assumptions"), 2));
    out.add(
        new Table(
            new double[] {0.20, 0.10, 0.10, 0.35, 0.25},
            List.of(
                t.w("plan.key"),
                t.w("plan.value"),
                t.w("plan.file.unit"),
                t.w("plan.file.description"),
                t.w("plan.source")),
            plan.assumptions().stream()
                .map(
                    (Assumption a) ->
                        List.of(
                            nz(a.key()),
                            number(a.value()),
                            nz(a.unit()),
                            nz(a.description()),
                            nz(a.source())))
                .toList()));

    if (charts && report != null) {
      List<Block> drawn = new ArrayList<>();
      for (ChartId id : CHARTS) {
        Optional<JFreeChart> chart = ImpactCharts.byId(id, report, null, t.zh() ? "zh" : "en");
        chart.ifPresent(c -> drawn.add(new Chart(id, c)));
      }
      if (!drawn.isEmpty()) {
        out.add(new Heading(t.w("plan.file.charts"), 2));
        out.addAll(drawn);
      }
    }
    return out;
  }

  private static List<List<String>> losses(ImpactReport report, PlanText t) {
    ImpactReport.Deletions d = report.deletions();
    return List.of(
        List.of(t.w("plan.file.loss.deleted_orders"), t.count(d.orders()), ""),
        List.of(t.w("plan.file.loss.deleted_units"), t.count(d.units()), ""),
        List.of(t.w("plan.file.loss.deleted_sales"), t.money(d.money()), ""),
        lossRow(
            since(t.w("plan.file.loss.visitors"), report, report.firstDeletion(), t),
            report.traffic().visitors(),
            t,
            false),
        lossRow(
            since(t.w("plan.file.loss.gmv"), report, report.firstDeletion(), t),
            report.gmv(),
            t,
            true));
  }

  /** A loss's name with the period it spans, as the pages name it: "GMV 损失（删除后 16 天）". */
  private static String since(String name, ImpactReport report, LocalDate from, PlanText t) {
    String days = days(report, from, t);
    return days.isEmpty() ? name : t.w("plan.file.bracketed", name, days);
  }

  /** The period without brackets, "删除后 16 天"; empty when unknown. */
  private static String days(ImpactReport report, LocalDate from, PlanText t) {
    long days = report.daysSince(from);
    return days <= 0 ? "" : t.w("plan.file.days_since", String.valueOf(days));
  }

  private static List<String> lossRow(String label, Loss loss, PlanText t, boolean money) {
    if (loss == null || !loss.measured()) {
      String needs =
          loss == null || loss.needs() == null ? "" : t.w("plan.file.needs", loss.needs());
      return List.of(label, t.w("plan.file.not_measured"), needs);
    }
    Function<Double, String> f = money ? t::money : t::count;
    String range = f.apply(loss.lossLow()) + "–" + f.apply(loss.lossHigh());
    // As the pages say it: a range holding zero is no measurable loss, not the point as damage.
    String value =
        switch (loss.verdict()) {
          case Loss.NO_MEASURABLE_LOSS -> t.w("loss.none");
          case Loss.ABOVE_EXPECTED -> t.w("loss.above", f.apply(-loss.loss()));
          default -> f.apply(loss.loss());
        };
    return List.of(label, value, range);
  }

  /** A loss with its interval and period in one bracket: "¥4,619（-¥1,285–¥10,523，删除后 16 天）". */
  private static String lossText(Loss loss, PlanText t, boolean money, String period) {
    List<String> row = lossRow("", loss, t, money);
    String within =
        Stream.of(row.get(2), loss != null && loss.measured() ? period : "")
            .filter(x -> !x.isEmpty())
            .collect(Collectors.joining(t.w("plan.file.clause_separator")));
    return within.isEmpty() ? row.get(1) : t.w("plan.file.bracketed", row.get(1), within);
  }

  private static String reasons(RankedAction a, Map<String, String> names, PlanText t) {
    StringBuilder s = new StringBuilder(t.w("plan.file.ranked_by", t.rule(a.rankRule())));
    s.append('\n').append(nz(a.rationale()));
    if (a.unitsRestored() > 0) {
      s.append('\n').append(t.w("plan.file.units_restored", t.count(a.unitsRestored())));
    }
    if (a.gap() != null && !a.gap().isBlank()) {
      s.append('\n').append(t.w("plan.file.gap", a.gap()));
    }
    if (a.products() != null && !a.products().isEmpty()) {
      String separator = t.w("plan.step.product_separator");
      s.append('\n')
          .append(
              t.w(
                  "plan.file.products_of",
                  a.products().stream()
                      .map(p -> names.getOrDefault(p, p))
                      .collect(Collectors.joining(separator))));
    }
    s.append('\n').append(t.w("plan.file.effect_in", a.daysToEffect()));
    return s.toString();
  }

  /** Product ids to names from the report, so an action's products read as names. */
  private static Map<String, String> productNames(ImpactReport report) {
    if (report == null) {
      return Map.of();
    }
    return report.products().stream()
        .filter(p -> p.name() != null)
        .collect(Collectors.toMap(ProductRow::productId, ProductRow::name, (x, y) -> x));
  }

  private static long week(LocalDate asOf, LocalDate start) {
    return asOf == null || start == null
        ? 1
        : Math.max(0, ChronoUnit.DAYS.between(asOf, start)) / 7 + 1;
  }

  private static String mdRow(List<String> cells) {
    return cells.stream()
        // A cell's own line breaks stay visible as <br>, the one tag plan.md writes itself.
        .map(c -> nz(c).lines().map(MarkdownText::escape).collect(Collectors.joining("<br>")))
        .collect(Collectors.joining(" | ", "| ", " |\n"));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
