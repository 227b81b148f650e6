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
