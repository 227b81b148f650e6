package app.rebound.report;

import app.rebound.PlatformTime;
import app.rebound.Words;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealLetter;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.advice.appeal.AppealText;
import app.rebound.analysis.OrderEvidence;
import app.rebound.analysis.OrderEvidence.Check;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One submission group's appeal pack, a ZIP: the letter as text (with the short form for the reason
 * field) and as PDF, the group's orders, the evidence index (each order's proofs and where each
 * comes from) and the screenshots the merchant still has to take. Chinese by default, English with
 * "en"; the words are the message bundles' (appeal.pack.* and the page's column names). Entry names
 * are fixed ASCII, so nothing from the data ever names a file.
 */
public final class AppealPackWriter {

  public static final String LETTER_TXT = "letter.txt";
  public static final String LETTER_PDF = "letter.pdf";
  public static final String ORDERS_CSV = AppealLetter.ORDERS_FILE;
  public static final String EVIDENCE_CSV = AppealLetter.EVIDENCE_FILE;
  public static final String CHECKLIST_TXT = "screenshots_checklist.txt";

  /** The entries in the order they are written. */
  public static final List<String> ENTRIES =
      List.of(LETTER_TXT, LETTER_PDF, ORDERS_CSV, EVIDENCE_CSV, CHECKLIST_TXT);

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** Text files end lines the Windows way: merchants open them in Notepad. */
  private static final String NL = "\r\n";

  /**
   * orders.csv columns, as bundle keys; the Chinese names are the orders export's own where it has
   * one.
   */
  private static final List<String> ORDER_COLUMNS =
      List.of(
          "appeal.pack.orders.order_id",
          "appeal.product_id",
          "appeal.pack.orders.product_name",
          "appeal.pack.orders.paid_at",
          "appeal.pack.orders.amount",
          "rows.col.quantity",
          "appeal.pack.orders.status",
          "appeal.pack.orders.after_sale",
          "appeal.tracking",
          "appeal.pack.orders.carrier",
          "appeal.pack.orders.shipped_at",
          "appeal.pack.orders.completed_at",
          "appeal.score",
          "appeal.pack.orders.verdict");

  /** evidence_index.csv columns, as bundle keys. */
  private static final List<String> EVIDENCE_COLUMNS =
      List.of(
          "appeal.pack.orders.order_id",
          "appeal.pack.evidence.proof_code",
          "appeal.pack.evidence.proof",
          "appeal.pack.evidence.state",
          "appeal.pack.evidence.source");

  private AppealPackWriter() {}

  /** The pack of {@code group}, its orders' evidence taken from {@code report}. */
  public static byte[] zip(AppealGroup group, AppealReport report, String lang) {
    AppealLetter letter = AppealLetter.of(group, report, lang);
    List<OrderEvidence> orders = AppealLetter.ordersOf(group, report.orders());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      put(zip, LETTER_TXT, text(letterText(letter, lang)));
      put(zip, LETTER_PDF, letterPdf(letter));
      put(zip, ORDERS_CSV, ordersCsv(orders, lang));
      put(zip, EVIDENCE_CSV, evidenceCsv(orders, lang));
      put(zip, CHECKLIST_TXT, text(checklist(group, orders, letter, lang)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the appeal pack", e);
    }
    return bytes.toByteArray();
  }

  /** The letter, then the short form for the back office's reason field, set apart. */
  static String letterText(AppealLetter letter, String lang) {
    boolean zh = !"en".equals(lang);
    return letter.title()
        + NL
        + NL
        + letter.body().replace("\n", NL)
        + NL
        + NL
        + Words.format(
            "appeal.pack.short_form", zh, String.valueOf(AppealLetter.SHORT_REASON_LIMIT))
        + NL
        + letter.shortReason()
        + NL;
  }

  static byte[] letterPdf(AppealLetter letter) {
    try (PdfLayout page = new PdfLayout()) {
      page.heading(letter.title(), 14);
      page.paragraph(letter.body(), PdfLayout.BODY + 1);
      return page.save();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the letter PDF", e);
    }
  }

  /**
   * orders.csv: UTF-8 with BOM, one row per order of the group; every text cell spreadsheet-safe.
   */
  static byte[] ordersCsv(List<OrderEvidence> orders, String lang) {
    List<List<String>> rows = new ArrayList<>();
    for (OrderEvidence o : orders) {
      rows.add(
          List.of(
              SpreadsheetSafe.id(o.orderId()),
              SpreadsheetSafe.id(o.productId()),
              cell(o.productName()),
              time(o.paidAt()),
              PlanWriters.number(o.amount()),
              String.valueOf(o.quantity()),
              cell(o.status()),
              cell(o.afterSale()),
              SpreadsheetSafe.id(o.trackingNumber()),
              cell(o.carrier()),
              time(o.shippedAt()),
              time(o.completedAt()),
              PlanWriters.number(o.score()),
              cell(AppealText.verdict(o.verdict(), lang))));
    }
    return csv(header(ORDER_COLUMNS, lang), rows);
  }

  /**
   * evidence_index.csv: one row per order and proof. A proof held names the export and column it
   * comes from; one not held names what to upload or the screenshot to take.
   */
  static byte[] evidenceCsv(List<OrderEvidence> orders, String lang) {
    boolean zh = !"en".equals(lang);
    List<List<String>> rows = new ArrayList<>();
    for (OrderEvidence o : orders) {
      for (Check c : o.checks()) {
        boolean held = c.state() == Check.State.PRESENT;
        rows.add(
            List.of(
                SpreadsheetSafe.id(o.orderId()),
                cell(c.code()),
                cell(AppealText.proof(c.code(), lang)),
                Words.get(
                    "check.word." + c.state().name().toLowerCase(Locale.ROOT),
                    zh,
                    c.state().name()),
                cell(held ? c.source(zh) : AppealText.howToAdd(c.code(), c.state(), lang))));
      }
    }
    return csv(header(EVIDENCE_COLUMNS, lang), rows);
  }

  private static List<String> header(List<String> columnKeys, String lang) {
    boolean zh = !"en".equals(lang);
    return columnKeys.stream().map(key -> Words.format(key, zh)).toList();
  }

  /**
   * What the merchant still has to take from the back office: the warnings, the deadline, the
   * evidence the reason needs, and each missing proof with the orders it concerns.
   */
  static String checklist(
      AppealGroup g, List<OrderEvidence> orders, AppealLetter letter, String lang) {
    boolean zh = !"en".equals(lang);
    List<String> lines = new ArrayList<>();
    lines.add(Words.format("appeal.pack.checklist.title", zh, letter.title()));
    lines.add(
        Words.format(
            g.deadlineEstimated()
                ? "appeal.pack.checklist.deadline.estimated"
                : "appeal.pack.checklist.deadline",
            zh,
            PlatformTime.deadline(g.deadline(), zh)));
    letter.warnings().forEach(w -> lines.add("! " + w));
    lines.add("");
    lines.add(
        Words.format("appeal.pack.checklist.needed", zh, AppealText.reason(g.reason(), lang)));
    AppealText.evidenceNeeded(g.reason(), lang).forEach(e -> lines.add("[ ] " + e));
    missing(lines, orders, Check.State.UNKNOWN, lang, "appeal.pack.checklist.unknown");
    missing(lines, orders, Check.State.ABSENT, lang, "appeal.pack.checklist.absent");
    lines.add("");
    lines.add(Words.format("appeal.pack.checklist.note", zh, LETTER_TXT));
    return String.join(NL, lines) + NL;
  }

  /**
   * A section of missing proofs, each with what to do and the orders it concerns; nothing when
   * none.
   */
  private static void missing(
      List<String> lines,
      List<OrderEvidence> orders,
      Check.State state,
      String lang,
      String headingKey) {
    Map<String, List<String>> byProof = AppealLetter.missingByProof(orders, state);
    if (byProof.isEmpty()) {
      return;
    }
    boolean zh = !"en".equals(lang);
    lines.add("");
    lines.add(Words.format(headingKey, zh));
    byProof.forEach(
        (code, ids) ->
            lines.add(
                "[ ] "
                    + Words.format(
                        "appeal.pack.checklist.item",
                        zh,
                        AppealText.howToAdd(code, state, lang),
                        AppealText.proof(code, lang),
                        AppealText.list(ids, lang))));
  }

  private static byte[] csv(List<String> header, List<List<String>> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(BOM);
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
    try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(writer, format)) {
      for (List<String> row : rows) {
        printer.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a CSV of the appeal pack", e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  /** UTF-8 with a BOM, so Notepad on a Chinese Windows does not read it as GBK. */
  private static byte[] text(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(BOM);
    bytes.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    return bytes.toByteArray();
  }

  private static String cell(String text) {
    return SpreadsheetSafe.cell(text);
  }

  private static String time(LocalDateTime t) {
    return t == null ? "" : TIME.format(t);
  }
}
