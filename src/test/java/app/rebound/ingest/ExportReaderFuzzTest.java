package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Slow;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A seeded fuzz test of the CSV reader: sample exports broken at random (bytes cut, inserted,
 * swapped; quotes, separators, line breaks, NULs, a second encoding; cells replaced by dates and
 * numbers at their extremes, up to 400 digits; runs of up to 3,000 separators) must each read to a
 * report where rows read = accepted + rejected, every accepted row is in the table and within the
 * plausible bounds, and no exception escapes. A failing case prints its seed.
 */
@Slow
class ExportReaderFuzzTest {

  static final int CASES = 600;
  static final long SEED = 20261127L;
  static final List<String> FILES =
      List.of(
          "订单明细.csv", "销量删除记录.csv", "商品流量.csv", "评价.csv", "店铺体验分.csv", "达人合作.csv", "客服聊天记录.csv");

  /** The first part of each sample, so a case stays small and many cases run in seconds. */
  static final int HEAD_BYTES = 6_000;

  @Test
  void randomly_broken_exports_never_escape_and_always_account_for_every_row() throws IOException {
    List<byte[]> seeds = new ArrayList<>();
    for (String name : FILES) {
      try (InputStream in = getClass().getResourceAsStream(ExportReaderTest.SAMPLES + name)) {
        byte[] all = in.readAllBytes();
        seeds.add(Arrays.copyOf(all, Math.min(all.length, HEAD_BYTES)));
      }
    }
    SplittableRandom random = new SplittableRandom(SEED);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < CASES; i++) {
      long caseSeed = random.nextLong();
      SplittableRandom r = new SplittableRandom(caseSeed);
      byte[] input = mutate(seeds.get(r.nextInt(seeds.size())), r);
      ParsedExport parsed;
      try {
        parsed = ExportReader.read("fuzz-" + caseSeed + ".csv", new ByteArrayInputStream(input));
      } catch (RuntimeException | IOException e) {
        throw new AssertionError("case seed " + caseSeed + " escaped as " + e, e);
      }
      FileReport report = parsed.report();
      String context = "case seed " + caseSeed + ": " + report;
      assertEquals(report.rowsRead(), report.rowsAccepted() + report.rowsRejected(), context);
      if (report.refused()) {
        assertEquals(0, report.rowsRead(), context);
        outcomes.merge("refused: " + report.messageCode(), 1, Integer::sum);
      } else {
        assertEquals(report.rowsAccepted(), parsed.table().rowCount(), context);
        assertPlausible(parsed.table(), context);
        assertTrue(report.errors().stream().allMatch(e -> e.line() >= 2), context);
        outcomes.merge(
            report.rowsRejected() == 0 ? "accepted whole" : "accepted in part", 1, Integer::sum);
      }
    }
    System.out.println("fuzz outcomes over " + CASES + " cases: " + outcomes);
    assertTrue(
        outcomes.keySet().stream().anyMatch(k -> k.startsWith("refused")),
        "some cases must be refused");
    assertTrue(outcomes.containsKey("accepted in part"), "some cases must be accepted in part");
  }

  /** One to four random breakages of the file. */
  static byte[] mutate(byte[] original, SplittableRandom r) {
    byte[] b = original;
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      b =
          switch (r.nextInt(12)) {
            case 0 -> cut(b, r);
            case 1 -> insert(b, r, randomBytes(r, 1 + r.nextInt(8)));
            case 2 -> insert(b, r, new byte[] {'"'});
            case 3 -> insert(b, r, new byte[] {','});
            case 4 -> insert(b, r, new byte[] {'\n'});
            case 5 -> insert(b, r, new byte[] {0});
            case 6 ->
                insert(
                    b,
                    r,
                    "收货地址,"
                        .getBytes(r.nextBoolean() ? StandardCharsets.UTF_8 : TextEncoding.GB18030));
            case 7 -> Arrays.copyOf(b, r.nextInt(b.length + 1));
            case 9 -> replaceCell(b, r, EXTREMES[r.nextInt(EXTREMES.length)]);
            case 10 -> replaceCell(b, r, "9".repeat(1 + r.nextInt(400)));
            case 11 ->
                insert(b, r, ",".repeat(1 + r.nextInt(3_000)).getBytes(StandardCharsets.UTF_8));
            default -> flip(b, r);
          };
    }
    return b;
  }

  /** Dates and numbers at their extremes, put in place of a random cell. */
  static final String[] EXTREMES = {
    "0000-01-01 00:00:00",
    "1000-06-01 12:00:00",
    "2015-12-31 23:59:59",
    "9999-12-31 23:59:59",
    "2099/01/01",
    "0000-00-00",
    "-1e308",
    "1e308",
    "NaN",
    "Infinity",
    "-0",
    "0x1F",
    "1,000,000,000,000",
    "¥99999999999.99",
    "2147483648",
    "-2147483649"
  };

  /** The bytes with the cell around a random position (between separators) replaced. */
  static byte[] replaceCell(byte[] b, SplittableRandom r, String value) {
    if (b.length == 0) {
      return b;
    }
    int at = r.nextInt(b.length);
    int from = at;
    while (from > 0 && b[from - 1] != ',' && b[from - 1] != '\n') {
      from--;
    }
    int to = at;
    while (to < b.length && b[to] != ',' && b[to] != '\n' && b[to] != '\r') {
      to++;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, from);
    out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
    out.write(b, to, b.length - to);
    return out.toByteArray();
  }

  /** Every date and number an accepted table holds lies within the plausible bounds. */
  static void assertPlausible(Table table, String context) {
    Plausible bounds = Plausible.today();
    for (Column<?> column : table.columns()) {
      for (int row = 0; row < column.size(); row++) {
        Object value = column.get(row);
        String where = context + " " + column.name() + " row " + row + ": " + value;
        if (value instanceof LocalDateTime t) {
          assertTrue(
              !t.toLocalDate().isBefore(bounds.earliest())
                  && !t.toLocalDate().isAfter(bounds.latest()),
              where);
        } else if (value instanceof LocalDate d) {
          assertTrue(!d.isBefore(bounds.earliest()) && !d.isAfter(bounds.latest()), where);
        } else if (value instanceof Number n && !(value instanceof Double x && x.isNaN())) {
          assertTrue(Math.abs(n.doubleValue()) <= bounds.maxNumber(), where);
        }
      }
    }
  }

  static byte[] cut(byte[] b, SplittableRandom r) {
    if (b.length == 0) {
      return b;
    }
    int from = r.nextInt(b.length);
    int to = Math.min(b.length, from + 1 + r.nextInt(40));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, from);
    out.write(b, to, b.length - to);
    return out.toByteArray();
  }

  static byte[] insert(byte[] b, SplittableRandom r, byte[] what) {
    int at = r.nextInt(b.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(b, 0, at);
    out.write(what, 0, what.length);
    out.write(b, at, b.length - at);
    return out.toByteArray();
  }

  static byte[] flip(byte[] b, SplittableRandom r) {
    if (b.length == 0) {
      return b;
    }
    byte[] copy = b.clone();
    copy[r.nextInt(copy.length)] ^= (byte) (1 << r.nextInt(8));
    return copy;
  }

  static byte[] randomBytes(SplittableRandom r, int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) r.nextInt(256);
    }
    return out;
  }
}
