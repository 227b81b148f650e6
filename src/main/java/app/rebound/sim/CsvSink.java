package app.rebound.sim;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one export file as Douyin does: UTF-8 with BOM (or GB18030 without), CRLF lines, long ids
 * as a quoted leading tab ({@code "\t6920…"}) so spreadsheets keep every digit. Rows are built in a
 * buffer and streamed, never held.
 */
final class CsvSink implements Closeable {

  private final Writer out;
  private final StringBuilder row = new StringBuilder(512);
  private boolean rowStarted;

  private CsvSink(Writer out) {
    this.out = out;
  }

  static CsvSink open(Path file, boolean gb18030, List<String> header) throws IOException {
    return open(file, gb18030, null, header);
  }

  /** With a title line above the header (a 结算账单 names its account and period there); null: none. */
  static CsvSink open(Path file, boolean gb18030, String title, List<String> header)
      throws IOException {
    Charset charset = gb18030 ? Charset.forName("GB18030") : StandardCharsets.UTF_8;
    Writer w =
        new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), charset), 1 << 16);
    if (!gb18030) {
      w.write('\uFEFF');
    }
    CsvSink sink = new CsvSink(w);
    if (title != null) {
      sink.text(title).end();
    }
    for (String h : header) {
      sink.text(h);
    }
    sink.end();
    return sink;
  }

  private StringBuilder next() {
    if (rowStarted) {
      row.append(',');
    }
    rowStarted = true;
    return row;
  }

  /** A long id, or an empty cell when there is none. */
  CsvSink id(String id) {
    StringBuilder b = next();
    if (id != null && !id.isEmpty()) {
      b.append("\"\t").append(id).append('"');
    }
    return this;
  }

  CsvSink id(long id) {
    next().append("\"\t").append(id).append('"');
    return this;
  }

  /** A long id as the fund and settlement downloads protect it: a leading apostrophe ('6920…). */
  CsvSink quotedId(long id) {
    next().append('\'').append(id);
    return this;
  }

  CsvSink text(String s) {
    StringBuilder b = next();
    if (s == null || s.isEmpty()) {
      return this;
    }
    boolean quote = false;
    for (int i = 0; i < s.length() && !quote; i++) {
      char c = s.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      b.append(s);
      return this;
    }
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        b.append('"');
      }
      b.append(c);
    }
    b.append('"');
    return this;
  }

  CsvSink number(long n) {
    next().append(n);
    return this;
  }

  /** Yuan with two decimals from fen: 8900 → 89.00. */
  CsvSink money(long fen) {
    appendMoney(next(), fen);
    return this;
  }

  CsvSink time(TimeText clock, long second) {
    StringBuilder b = next();
    if (second >= 0) {
      clock.dateTime(b, second);
    }
    return this;
  }

  void end() throws IOException {
    row.append("\r\n");
    out.append(row);
    row.setLength(0);
    rowStarted = false;
  }

  static void appendMoney(StringBuilder b, long fen) {
    if (fen < 0) {
      b.append('-');
      fen = -fen;
    }
    long cents = fen % 100;
    b.append(fen / 100).append('.');
    if (cents < 10) {
      b.append('0');
    }
    b.append(cents);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
