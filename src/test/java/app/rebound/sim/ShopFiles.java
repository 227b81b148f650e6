package app.rebound.sim;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a simulated shop's files back for the tests: header and rows, ids without their leading
 * tab.
 */
final class ShopFiles {

  private ShopFiles() {}

  record Table(List<String> header, List<Map<String, String>> rows) {}

  static Table read(Path file) throws IOException {
    return read(file, StandardCharsets.UTF_8);
  }

  static Table read(Path file, Charset charset) throws IOException {
    String text = Files.readString(file, charset);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    CSVFormat format =
        CSVFormat.Builder.create(CSVFormat.RFC4180).setHeader().setSkipHeaderRecord(true).get();
    try (Reader reader = new StringReader(text);
        CSVParser parser = CSVParser.parse(reader, format)) {
      List<Map<String, String>> rows = new ArrayList<>();
      for (CSVRecord record : parser) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String name : parser.getHeaderNames()) {
          row.put(name, record.get(name).strip());
        }
        rows.add(row);
      }
      return new Table(List.copyOf(parser.getHeaderNames()), rows);
    }
  }
}
