package app.rebound.report;

/**
 * Text from a shop's data (product names, reasons) as literal Markdown: it renders as the same
 * characters and never as markup, whatever viewer opens plan.md (many pass raw HTML through). HTML
 * is written as entities; Markdown's inline punctuation is backslash-escaped (CommonMark allows it
 * before any ASCII punctuation); a line break becomes a space, so no name starts a heading, a list
 * or a quote of its own; a leading list or quote marker is escaped too.
 */
public final class MarkdownText {

  /** The characters that start inline markup anywhere in a line: code, emphasis, links, tables. */
  private static final String INLINE = "\\`*_[]!|~#";

  private MarkdownText() {}

  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    StringBuilder out = new StringBuilder(flat.length() + 16);
    for (int i = 0; i < flat.length(); i++) {
      char c = flat.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        default -> {
          boolean leadingMarker = out.isEmpty() && (c == '-' || c == '+' || c == '=');
          if (INLINE.indexOf(c) >= 0 || leadingMarker) {
            out.append('\\');
          }
          out.append(c);
        }
      }
    }
    return out.toString();
  }
}
