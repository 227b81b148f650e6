package app.rebound;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What counts as English left in a Chinese sentence, for the tests that check our words. */
public final class ChineseText {

  /** Latin words a Chinese merchant's page uses too: file types, GMV, SKU, date patterns. */
  private static final Set<String> ALLOWED =
      Set.of("CSV", "csv", "GMV", "SKU", "xlsx", "YYYY", "YYYYMMDD");

  private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{3,}");

  private ChineseText() {}

  /** Whether the text holds a run of three or more Latin letters that is not one of the allowed. */
  public static boolean englishIn(String text) {
    Matcher m = LATIN_WORD.matcher(text);
    while (m.find()) {
      if (!ALLOWED.contains(m.group())) {
        return true;
      }
    }
    return false;
  }
}
