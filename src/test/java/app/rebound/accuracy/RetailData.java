package app.rebound.accuracy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The UCI Online Retail transactions (Chen, Sain and Guo, 2012; CC BY 4.0) read as sales lines.
 * Every line of the file is accounted for: kept as a sale, or counted under the reason it is not
 * one. A cancellation ("C…" invoice, negative quantity) is a return: it closes the latest earlier
 * sale of the same customer, product and quantity (that sale is then a refunded, closed order); one
 * with no such sale in the file is counted as unmatched. Lines that are not product sales (postage,
 * fees, manual adjustments: a stock code not starting with a digit; a price or quantity not above
 * zero; an "A…" adjustment invoice) are counted and left out. A line that cannot be read is an
 * error naming the file, line, column and reason.
 */
public final class RetailData {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private RetailData() {}

  /**
   * One sale line.
   *
   * @param line physical line in the file (the header is line 1)
   * @param amount quantity × unit price, exact
   * @param returned a later cancellation returned it
   */
  public record Sale(
      long line,
      String invoice,
      String stockCode,
      String description,
      int quantity,
      LocalDateTime at,
      BigDecimal unitPrice,
      BigDecimal amount,
      boolean returned) {}

  /** The sales and what became of every other line. */
  public record Lines(
      List<Sale> sales,
      long read,
      long returnsMatched,
      long returnsUnmatched,
      long notProducts,
      long notPositive,
      long adjustments) {

    /** read = sales + every line left out, so nothing is dropped silently. */
    public long accountedFor() {
      return sales.size()
          + returnsMatched
          + returnsUnmatched
          + notProducts
          + notPositive
          + adjustments;
    }
  }

  public static Lines read(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file)) {
      InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      return read(file.toString(), in);
    }
  }

  static Lines read(String name, InputStream in) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    List<Sale> sales = new ArrayList<>();
    List<Boolean> returned = new ArrayList<>();
    Map<String, Deque<Integer>> open = new HashMap<>();
    long read = 0;
    long matched = 0;
    long unmatched = 0;
    long notProducts = 0;
    long notPositive = 0;
    long adjustments = 0;
    try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        CSVParser csv = CSVParser.parse(reader, format)) {
      for (String column :
          List.of(
              "InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice")) {
        if (!csv.getHeaderMap().containsKey(column)) {
          throw new IOException(name + ": line 1: the header lacks the column " + column);
        }
      }
      for (CSVRecord r : csv) {
        read++;
        long line = r.getRecordNumber() + 1;
        String invoice = r.get("InvoiceNo").strip();
        String code = r.get("StockCode").strip();
        int quantity = integer(name, line, "Quantity", r.get("Quantity"));
        BigDecimal price = decimal(name, line, "UnitPrice", r.get("UnitPrice"));
        LocalDateTime at = time(name, line, r.get("InvoiceDate"));
        String customer = r.isMapped("CustomerID") ? r.get("CustomerID").strip() : "";
        String key = customer + "\t" + code + "\t" + Math.abs(quantity);
        if (invoice.startsWith("C")) {
          Deque<Integer> candidates = customer.isEmpty() ? null : open.get(key);
          Integer sale = candidates == null ? null : candidates.pollLast();
          if (sale != null) {
            returned.set(sale, true);
            matched++;
          } else {
            unmatched++;
          }
          continue;
        }
        if (!invoice.chars().allMatch(Character::isDigit) || invoice.isEmpty()) {
          adjustments++;
        } else if (code.isEmpty() || !Character.isDigit(code.charAt(0))) {
          notProducts++;
        } else if (quantity <= 0 || price.signum() <= 0) {
          notPositive++;
        } else {
          sales.add(
              new Sale(
                  line,
                  invoice,
                  code,
                  r.get("Description").strip(),
                  quantity,
                  at,
                  price,
                  price.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.HALF_UP),
                  false));
          returned.add(false);
          open.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(sales.size() - 1);
        }
      }
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      throw new IOException(name + ": " + e.getMessage(), e);
    }
    List<Sale> marked = new ArrayList<>(sales.size());
    for (int i = 0; i < sales.size(); i++) {
      Sale s = sales.get(i);
      marked.add(
          returned.get(i)
              ? new Sale(
                  s.line(),
                  s.invoice(),
                  s.stockCode(),
                  s.description(),
                  s.quantity(),
                  s.at(),
                  s.unitPrice(),
                  s.amount(),
                  true)
              : s);
    }
    return new Lines(marked, read, matched, unmatched, notProducts, notPositive, adjustments);
  }

  private static int integer(String name, long line, String column, String value)
      throws IOException {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw bad(name, line, column, value, "not a whole number");
    }
  }

  private static BigDecimal decimal(String name, long line, String column, String value)
      throws IOException {
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw bad(name, line, column, value, "not a number");
    }
  }

  private static LocalDateTime time(String name, long line, String value) throws IOException {
    try {
      return LocalDateTime.parse(value.strip(), TIME);
    } catch (DateTimeParseException e) {
      throw bad(name, line, "InvoiceDate", value, "not a time YYYY-MM-DD HH:MM:SS");
    }
  }

  private static IOException bad(String name, long line, String column, String value, String why) {
    return new IOException(
        name + ": line " + line + ", column " + column + ": '" + value + "' is " + why);
  }
}
