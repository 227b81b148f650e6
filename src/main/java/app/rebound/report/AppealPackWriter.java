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
 * "en". Entry names are fixed ASCII, so nothing from the data ever names a file.
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

  /** orders.csv columns; the Chinese names are the orders export's own where it has one. */
  enum OrderColumn {
    ORDER_ID("子订单编号", "Order ID"),
    PRODUCT_ID("商品ID", "Product ID"),
    PRODUCT_NAME("商品名称", "Product name"),
    PAID_AT("支付时间", "Paid at"),
    AMOUNT("订单应付金额", "Amount (yuan)"),
    QUANTITY("商品数量", "Quantity"),
    STATUS("订单状态", "Status"),
    AFTER_SALE("售后状态", "After-sale status"),
    TRACKING_NUMBER("物流单号", "Tracking number"),
    CARRIER("快递公司", "Carrier"),
    SHIPPED_AT("发货时间", "Shipped at"),
    COMPLETED_AT("订单完成时间", "Completed at"),
    SCORE("证据分", "Evidence score"),
    VERDICT("结论", "Verdict");

    final String zh;
    final String en;

    OrderColumn(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }
  }

  /** evidence_index.csv columns. */
  enum EvidenceColumn {
    ORDER_ID("子订单编号", "Order ID"),
    PROOF_CODE("证明代码", "Proof code"),
    PROOF("证明", "Proof"),
    STATE("状态", "State"),
    SOURCE("来源或需截图", "Source or screenshot to take");

    final String zh;
    final String en;

    EvidenceColumn(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }
  }

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
        + (zh
            ? "—— 申诉理由栏用的短文（" + AppealLetter.SHORT_REASON_LIMIT + " 字以内）——"
            : "—— Short form for the reason field (at most "
                + AppealLetter.SHORT_REASON_LIMIT
                + " characters) ——")
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
    boolean zh = !"en".equals(lang);
    List<String> header = new ArrayList<>();
    for (OrderColumn c : OrderColumn.values()) {
      header.add(zh ? c.zh : c.en);
    }
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
    return csv(header, rows);
  }

  /**
   * evidence_index.csv: one row per order and proof. A proof held names the export and column it
   * comes from; one not held names what to upload or the screenshot to take.
   */
  static byte[] evidenceCsv(List<OrderEvidence> orders, String lang) {
    boolean zh = !"en".equals(lang);
    List<String> header = new ArrayList<>();
    for (EvidenceColumn c : EvidenceColumn.values()) {
      header.add(zh ? c.zh : c.en);
    }
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
    return csv(header, rows);
  }

  /**
   * What the merchant still has to take from the back office: the warnings, the deadline, the
   * evidence the reason needs, and each missing proof with the orders it concerns.
   */
  static String checklist(
      AppealGroup g, List<OrderEvidence> orders, AppealLetter letter, String lang) {
    boolean zh = !"en".equals(lang);
    List<String> lines = new ArrayList<>();
    lines.add((zh ? "申诉截图清单：" : "Screenshot checklist: ") + letter.title());
    lines.add(
        (zh ? "申诉截止：" : "Appeal deadline: ")
            + PlatformTime.deadline(g.deadline(), zh)
            + (g.deadlineEstimated()
                ? (zh ? "（按删除日期估算）" : " (estimated from the deletion day)")
                : ""));
    letter.warnings().forEach(w -> lines.add("! " + w));
    lines.add("");
    lines.add(
        zh
            ? "按申诉理由“" + AppealText.reason(g.reason(), lang) + "”，平台要求："
            : "For the reason \""
                + AppealText.reason(g.reason(), lang)
                + "\" the platform asks for:");
    AppealText.evidenceNeeded(g.reason(), lang).forEach(e -> lines.add("[ ] " + e));
    missing(
        lines,
        AppealLetter.missingByProof(orders, Check.State.UNKNOWN),
        Check.State.UNKNOWN,
        lang,
        zh
            ? "导出数据无法判断的证明（相应导出未上传）："
            : "Proofs the data cannot tell (their export is not uploaded):");
    missing(
        lines,
        AppealLetter.missingByProof(orders, Check.State.ABSENT),
        Check.State.ABSENT,
        lang,
        zh
            ? "导出数据显示没有的证明（能找到才附上，找不到就别附）："
            : "Proofs the exports say are absent (attach only what you find):");
    lines.add("");
    lines.add(
        zh
            ? "提示：平台最多接受 5 张图片，最有力的放在前面；申诉理由栏可直接粘贴 " + LETTER_TXT + " 末尾的短文。"
            : "Note: the platform takes at most 5 images, put the strongest first; paste the short form at the end of "
                + LETTER_TXT
                + " into the reason field.");
    return String.join(NL, lines) + NL;
  }

  /**
   * A section of missing proofs, each with what to do and the orders it concerns; nothing when
   * none.
   */
  private static void missing(
      List<String> lines,
      Map<String, List<String>> byProof,
      Check.State state,
      String lang,
      String heading) {
    if (byProof.isEmpty()) {
      return;
    }
    boolean zh = !"en".equals(lang);
    lines.add("");
    lines.add(heading);
    byProof.forEach(
        (code, ids) ->
            lines.add(
                "[ ] "
                    + AppealText.howToAdd(code, state, lang)
                    + (zh
                        ? "（" + AppealText.proof(code, lang) + "）：订单 "
                        : " (" + AppealText.proof(code, lang) + "): orders ")
                    + String.join(zh ? "、" : ", ", ids)));
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
