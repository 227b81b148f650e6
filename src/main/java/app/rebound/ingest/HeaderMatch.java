package app.rebound.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How a header row maps onto one export kind: which column holds each known field, which required
 * fields are missing, and which columns are unknown (kept as extra text, never refused).
 *
 * @param fieldColumns field name → column index in the file
 * @param fenFields fields whose header said the amount is in 分 (fen), to be divided by 100
 * @param extraColumns column index → header, for columns no field claims
 * @param duplicates header problems that make the file ambiguous (two columns for one field)
 */
public record HeaderMatch(
    FileKind kind,
    Map<String, Integer> fieldColumns,
    List<String> fenFields,
    Map<Integer, String> extraColumns,
    List<String> missingRequired,
    List<String> duplicates) {

  public boolean fits() {
    return missingRequired.isEmpty() && duplicates.isEmpty();
  }

  /** The best-fitting kind for a header row; if none fits, the closest one with what it lacks. */
  public static HeaderMatch best(List<String> headers) {
    HeaderMatch best = null;
    for (FileKind kind : FileKind.values()) {
      HeaderMatch match = match(kind, headers);
      if (best == null || match.rank() > best.rank()) {
        best = match;
      }
    }
    return best;
  }

  /** How close the header comes to the kind: fitting ranks above any that does not. */
  double rank() {
    int required = kind.requiredFields().size();
    double requiredShare = (required - missingRequired.size()) / (double) required;
    // Fitting kinds first, then the share of required fields found, then the number of fields
    // matched.
    return (fits() ? 1000 : 0) + requiredShare * 100 + fieldColumns.size();
  }

  public static HeaderMatch match(FileKind kind, List<String> headers) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    List<String> fen = new ArrayList<>();
    Map<Integer, String> extras = new LinkedHashMap<>();
    List<String> duplicates = new ArrayList<>();
    Map<String, Field> byAlias = aliasIndex(kind);
    for (int i = 0; i < headers.size(); i++) {
      String header = headers.get(i);
      String key = normalize(header);
      boolean inFen = false;
      Field field = byAlias.get(key);
      if (field == null && (key.endsWith("(分)") || key.endsWith("(元)"))) {
        inFen = key.endsWith("(分)");
        field = byAlias.get(key.substring(0, key.length() - 3));
      }
      if (field == null) {
        extras.put(i, header == null ? "" : header.strip());
        continue;
      }
      Integer previous = columns.putIfAbsent(field.name(), i);
      if (previous != null) {
        duplicates.add(
            "columns "
                + (previous + 1)
                + " ("
                + headers.get(previous).strip()
                + ") and "
                + (i + 1)
                + " ("
                + header.strip()
                + ") both mean "
                + field.douyinHeader());
        continue;
      }
      if (inFen && field.type() == ValueType.MONEY) {
        fen.add(field.name());
      }
    }
    List<String> missing =
        kind.requiredFields().stream()
            .filter(f -> !columns.containsKey(f.name()))
            .filter(f -> f.fallback() == null || !columns.containsKey(f.fallback()))
            .map(f -> missingName(kind, f))
            .toList();
    return new HeaderMatch(kind, columns, fen, extras, missing, duplicates);
  }

  /** A missing column as the report names it: "订单提交时间/支付完成时间" when either would do. */
  private static String missingName(FileKind kind, Field field) {
    return field.fallback() == null
        ? field.douyinHeader()
        : field.douyinHeader() + "/" + kind.field(field.fallback()).orElseThrow().douyinHeader();
  }

  public Optional<Integer> column(String field) {
    return Optional.ofNullable(fieldColumns.get(field));
  }

  /** Header names compare without BOM, blanks, quotes, case, or full-width brackets. */
  static String normalize(String header) {
    if (header == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(header.length());
    for (char c : header.toCharArray()) {
      switch (c) {
        case '\uFEFF', ' ', '\t', '\u3000', '"', '\r', '\n' -> {}
        case '（' -> out.append('(');
        case '）' -> out.append(')');
        default -> out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().replace('-', '_').toLowerCase(Locale.ROOT);
  }

  private static Map<String, Field> aliasIndex(FileKind kind) {
    Map<String, Field> index = new HashMap<>();
    for (Field field : kind.fields()) {
      index.putIfAbsent(normalize(field.name()), field);
      for (String alias : field.aliases()) {
        index.putIfAbsent(normalize(alias), field);
      }
    }
    return index;
  }
}
