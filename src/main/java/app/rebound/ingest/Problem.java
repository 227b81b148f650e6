package app.rebound.ingest;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Every reason Rebound gives for refusing a cell, a row or a file. Reports carry the English text
 * (for the JSON files and logs) and the code with its arguments, so pages can say the same in
 * Chinese.
 */
public enum Problem {
  EMPTY_REQUIRED("required value is empty"),
  NEGATIVE("negative number"),
  BELOW("below {0}"),
  ABOVE("above {0}"),
  TEXT_TOO_LONG("text longer than {0} characters"),
  SCIENTIFIC_ID("id in scientific notation has lost its digits; export again with ids as text"),
  NOT_ID("not an id (letters and digits only)"),
  NOT_INTEGER("not a whole number"),
  NOT_MONEY("not an amount of money (e.g. 29.90 or ¥1,299.00)"),
  NOT_NUMBER("not a number"),
  NOT_DATETIME("not a date-time (expected 2026-09-22 00:54:10 or 2026/07/22 11:00:21)"),
  IMPOSSIBLE_DATETIME("impossible date or time"),
  NOT_DATE("not a date (expected 2026-09-22 or 2026/09/22)"),
  IMPOSSIBLE_DATE("impossible date"),
  NOT_FLAG("not yes or no (是/否)"),
  IMPLAUSIBLE_NUMBER(
      "beyond the plausible range (at most {0} either way): a typing or export error"),
  DATE_TOO_EARLY("before {0}, earlier than any export of a Douyin shop can be"),
  DATE_IN_FUTURE("after {0}: an export cannot record a day that has not come"),
  FIELD_COUNT("row has {0} fields, the header has {1} (a broken line or an unbalanced quote)"),
  FILE_EMPTY("the file is empty"),
  FILE_BINARY(
      "not a text file in UTF-8, GB18030/GBK or UTF-16: it looks like binary data (an .xlsx or a zip?)"),
  FILE_UTF32("the file is in UTF-32, which Rebound does not read: save it again as CSV UTF-8"),
  FILE_MIXED_ENCODING(
      "bytes that are not valid {0} on line {1}: the file mixes encodings;"
          + " save it again as UTF-8 or GB18030"),
  FILE_UNKNOWN_ENCODING(
      "line {0} holds bytes that are neither UTF-8 nor GB18030: the file mixes encodings or"
          + " uses another one; save it again as CSV UTF-8"),
  FILE_BROKEN_QUOTES(
      "a quoted value is broken near line {0} ({1}): the file cannot be read past it; export it"
          + " again or fix the quotes"),
  FILE_TOO_MANY_COLUMNS(
      "the header has {0} columns, more than the {1} one file may have: nothing of it is kept;"
          + " export it again from the back office"),
  FILE_HEADER_ONLY("the file has a header row but no data rows"),
  FILE_UNKNOWN_KIND(
      "no export kind fits this header. Rebound reads: {0}. Closest: {1}, missing columns: {2}"),
  FILE_AMBIGUOUS("ambiguous header for {0}: {1}"),
  FILE_TOO_MANY_ROWS(
      "{0} has more than {1} data rows, the most one file may hold: nothing of it is kept;"
          + " export a shorter period per file, or raise the limit (--max-rows)"),
  FILE_XLS("an old binary Excel workbook (.xls): open it in Excel and save as .xlsx or .csv"),
  FILE_WORKBOOK_ENCRYPTED(
      "the workbook is password-protected: open it in Excel, remove the password and save it again"),
  FILE_WORKBOOK_DAMAGED(
      "not a readable .xlsx workbook ({0}): download it again, or open it in Excel and save it"
          + " again as .xlsx"),
  FILE_BROKEN_SHEET(
      "the sheet cannot be read past row {0} ({1}): open the workbook in Excel and save it again"),
  FILE_SHEET_EMPTY("the sheet is empty"),
  FILE_ZIP_ENCRYPTED(
      "the archive is password-protected: unzip it with its password and upload the files inside"),
  FILE_ZIP_DAMAGED("the archive is damaged and cannot be read ({0}): download it again"),
  FILE_ZIP_TOO_LARGE(
      "the archive expands to more than {0} bytes, the most Rebound unpacks: unzip it and upload"
          + " its files in smaller archives"),
  FILE_ZIP_TOO_MANY_ENTRIES(
      "the archive holds more than {0} entries, the most Rebound unpacks: unzip it and upload its"
          + " files in smaller archives"),
  FILE_ZIP_TOO_DEEP("an archive inside archives {0} deep: unzip it and upload the files inside"),
  FILE_NO_PERIOD(
      "a 罗盘 product-card export without a 日期 column needs its period in the file name, as"
          + " downloaded: 商品卡列表数据_YYYY_MM_DD~YYYY_MM_DD.xlsx"),
  FILE_ORDERS_NO_PRODUCT_ID(
      "an orders export without 商品ID: every figure per product joins the orders to the deletions,"
          + " traffic and reviews by 商品ID, and a product name cannot stand in for it; export the"
          + " orders again (订单管理 → 批量导出) with the 商品ID column"),
  FILE_DEAL_SHEET_NOT_USED(
      "sheet {0} of the 罗盘 成交分析 workbook is not used by Rebound: it reads the sheets 成交概览 and"
          + " 商品构成"),
  FILE_NO_SOURCES_PERIOD(
      "a 罗盘 traffic-source export needs its period in the file name, as downloaded:"
          + " 商品卡流量分析流量来源数据_YYYY_MM_DD~YYYY_MM_DD.xlsx"),
  // A pasted deletion notice (PastedNotice): refused whole, naming the field.
  NOTICE_NO_ID("the notice has no 违规单号: copy it from the notice on 违规管理"),
  NOTICE_NO_TIME(
      "the notice has no 处理时间: copy the time the notice gives, e.g. 2026-07-10 08:00:00"),
  NOTICE_NO_ORDERS("no order ids: paste the 子订单编号 (or 主订单编号) the notice lists"),
  NOTICE_NOT_ORDER_ID(
      "order id {0} of the paste, \"{1}\", is not an order id: order ids are numbers of {2} to"
          + " {3} digits (Douyin''s have 19)"),
  NOTICE_SCIENTIFIC_ID(
      "order id {0} of the paste, \"{1}\", is in scientific notation and has lost its last"
          + " digits: copy the ids from the notice itself, not from a spreadsheet"),
  NOTICE_MORE_BAD_IDS(
      "{0} more pasted ids are not order ids either; only the first {1} are listed"),
  NOTICE_TOO_MANY_IDS("more than {0} order ids in one notice: paste at most {0} at a time"),
  NOTICE_TOO_LONG(
      "the pasted order ids are longer than {0} characters: paste at most that much at a time"),
  // Warnings: accepted, with the handling said.
  TOTAL_ROWS_DROPPED(
      "Total rows (全部) dropped: {0}, at the rows listed. They are not days: each day is counted from"
          + " its own rows"),
  ROWS_ABOVE_HEADER(
      "Rows above the header (line {1}) are not data and were skipped: {0}. Each is shown after"
          + " its line number"),
  REPEATED_KEY(
      "Rows repeating the {1} of an earlier row of this file: {0}. One row per {1} is kept, the"
          + " most recent"),
  ORDER_MANY_LINES(
      "Orders with more than {1} lines each, more than a real order has: {0}. Kept as they are;"
          + " check that the export did not repeat one order id"),
  DELETION_UNKNOWN_ORDER(
      "Deletions naming sub-orders the shop''s orders do not have: {0}. Each counts in its batch,"
          + " but its amount and buyer stay unknown and its batch''s cause is less sure; upload the"
          + " orders export that covers them"),
  NOTICE_REPEATED_ID("Order ids pasted more than once: {0}. Each is kept once"),
  NOTICE_MAIN_ORDER(
      "Main order ids (主订单编号) among the pasted ids: {0}. Each stands for its"
          + " sub-orders (子订单编号) in the shop''s orders, {1} in all, and those are recorded as"
          + " deleted"),
  // An orders export without an optional column (a custom export): accepted, saying what it costs.
  ORDERS_NO_ORDER_ID(
      "No 主订单编号 column: a pasted notice naming main orders cannot be matched to their"
          + " sub-orders, and orders with unusually many lines are not checked"),
  ORDERS_NO_QUANTITY(
      "No 商品数量 column: each order line counts as one unit, and the usual price paid per unit"
          + " (a batch''s price signal) is not measured"),
  ORDERS_NO_PAYABLE_AMOUNT(
      "No 订单应付金额 column: the orders have no amounts, so GMV, the money of deleted and"
          + " refunded orders and the price signals are not measured"),
  ORDERS_NO_SUBMITTED_AT(
      "No 订单提交时间 column: each order is dated by its 支付完成时间; an order never paid has no time"
          + " and is refused"),
  ORDERS_NO_PAID_AT(
      "No 支付完成时间 column: no order is known to be paid, so the paid sales and GMV per day are not"
          + " measured from the orders, and neither is the time from payment to completion"),
  ORDERS_NO_ORDER_STATUS(
      "No 订单状态 column: closed (已关闭) orders cannot be told apart and count as sales"),
  ORDERS_NO_AFTER_SALE_STATUS(
      "No 售后状态 column: refunds are not measured from the orders; upload 售后列表 for them"),
  ORDERS_NO_AFFILIATE_ID(
      "No 达人ID column: the effect on affiliate cooperation cannot be estimated from the orders;"
          + " upload 精选联盟订单明细 for it"),
  ORDERS_NO_LOGISTICS(
      "No 快递信息 column: the appeal evidence has no waybills (tracking numbers), and a batch''s"
          + " shipping signals are not measured"),
  UNKNOWN_VALUES(
      "Values of {0} that Rebound does not know: {1} rows. Kept as written; the analysis reads"
          + " them as no known state (not completed, closed or refunded, no after-sale under way)"),
  DELETION_BEFORE_ORDERS(
      "Deletions dated before the shop''s first order ({1}): {0}. Kept, but no orders before them"
          + " measure their damage or their cause; upload the orders of the weeks before them");

  private final String english;

  Problem(String english) {
    this.english = english;
  }

  /** The stable code used in reports and message bundles, e.g. "not_money". */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The English pattern, {0}-style arguments as in {@link MessageFormat}. */
  public String pattern() {
    return english;
  }

  public String english(List<String> args) {
    return new MessageFormat(english, Locale.ROOT).format(args.toArray());
  }

  /** A problem with its arguments, as it travels from the parser into a report. */
  public record Instance(Problem problem, List<String> args) {
    public String english() {
      return problem.english(args);
    }
  }

  public Instance with(Object... args) {
    return new Instance(this, Arrays.stream(args).map(String::valueOf).toList());
  }
}
