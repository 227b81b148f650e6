package app.rebound.report;

/**
 * The one rule every CSV writer uses against formula injection: a text cell that a spreadsheet
 * would read as a formula (it begins with = + - @, a tab or a carriage return) gets a single quote
 * in front, which Excel, LibreOffice and WPS show as text. Numbers are not passed through here: a
 * writer that knows a cell is a number writes it as a plain number (Locale.ROOT), so -12.5 stays a
 * number.
 */
public final class SpreadsheetSafe {

  private SpreadsheetSafe() {}

  /**
   * An id as a cell a spreadsheet keeps as text: a run of 12 or more digits (子订单编号, 商品ID, a numeric
   * waybill) would otherwise be shown as 6.92E+18 and lose its last digits when the file is saved.
   * It gets a leading tab inside the quoted cell, as Douyin's own exports do; Rebound's ingest
   * strips it again. Anything else goes through {@link #cell}.
   */
  public static String id(String text) {
    if (text != null && text.length() >= 12 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return "\t" + text;
    }
    return cell(text);
  }

  /** The text as a safe cell; null becomes the empty cell. */
  public static String cell(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    char first = text.charAt(0);
    boolean risky =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return risky ? "'" + text : text;
  }
}
