package app.rebound.ingest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A deletion notice as the merchant copies it from 违规管理 → 违规列表: its 违规单号, 处理时间, an optional 处理原因
 * and the order ids it lists, pasted as text. Read as strictly as a file's cells (the same {@link
 * CellParser} forms and plausible range), then written as the rows of a {@link FileKind#DELETIONS}
 * export, which is stored, validated and deleted as an upload of that file is.
 *
 * @param orderIds the pasted ids, each once, in the order pasted
 * @param repeated ids pasted more than once (each named once)
 */
public record PastedNotice(
    String noticeId,
    LocalDateTime processedAt,
    String reason,
    List<String> orderIds,
    List<String> repeated) {

  public static final String FIELD_NOTICE_ID = "notice_id";
  public static final String FIELD_PROCESSED_AT = "processed_at";
  public static final String FIELD_REASON = "reason";
  public static final String FIELD_ORDER_IDS = "order_ids";

  /** The most order ids one notice may list: more than any notice names. */
  public static final int MAX_IDS = 100_000;

  /** The most characters of pasted ids: 100,000 ids with generous separators. */
  public static final int MAX_TEXT_CHARS = 4_000_000;

  /** Refused ids listed one by one; the rest are counted. */
  static final int MAX_BAD_IDS_LISTED = 20;

  /** Douyin's order ids have 19 digits; a little either way is allowed, a phone number is not. */
  static final int MIN_DIGITS = 16;

  static final int MAX_DIGITS = 20;

  /**
   * Characters that belong to a pasted id rather than separate ids: its protections and 6.9E+18.
   */
  private static final String PART_OF_ID = "='\".+";

  private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE][+-]?\\d+");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  public PastedNotice {
    orderIds = List.copyOf(orderIds);
    repeated = List.copyOf(repeated);
  }

  /** The form's fields as sent; null for a field not sent. */
  public record Input(String noticeId, String processedAt, String reason, String orderIds) {}

  /**
   * Reads the pasted notice, or refuses it with every problem found, each naming its field (an
   * order id also its place among the pasted ones).
   */
  public static PastedNotice read(Input input, Plausible plausible) throws NoticeRefusedException {
    List<NoticeProblem> problems = new ArrayList<>();
    String noticeId =
        cell(input.noticeId(), FIELD_NOTICE_ID, ColumnNames.NOTICE_ID, plausible, problems);
    if (noticeId == null && problems.isEmpty()) { // empty, not refused as a cell
      problems.add(NoticeProblem.of(FIELD_NOTICE_ID, null, null, Problem.NOTICE_NO_ID.with()));
    }
    LocalDateTime processedAt = null;
    if (input.processedAt() == null || CellParser.clean(input.processedAt()) == null) {
      problems.add(NoticeProblem.of(FIELD_PROCESSED_AT, null, null, Problem.NOTICE_NO_TIME.with()));
    } else {
      processedAt =
          cell(
              input.processedAt(),
              FIELD_PROCESSED_AT,
              ColumnNames.PROCESSED_AT,
              plausible,
              problems);
    }
    String reason = cell(input.reason(), FIELD_REASON, ColumnNames.REASON, plausible, problems);
    Set<String> ids = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    readIds(input.orderIds() == null ? "" : input.orderIds(), ids, repeated, problems);
    if (!problems.isEmpty()) {
      throw new NoticeRefusedException(problems);
    }
    return new PastedNotice(noticeId, processedAt, reason, List.copyOf(ids), List.copyOf(repeated));
  }

  /** One field read as the deletions export's column of that name is read. */
  @SuppressWarnings("unchecked")
  private static <T> T cell(
      String raw, String field, String column, Plausible plausible, List<NoticeProblem> problems) {
    if (raw == null) {
      return null;
    }
    try {
      return (T) CellParser.parse(FileKind.DELETIONS.field(column).orElseThrow(), raw, plausible);
    } catch (CellException e) {
      problems.add(NoticeProblem.of(field, null, raw, e.problem()));
      return null;
    }
  }

  private static void readIds(
      String text, Set<String> ids, Set<String> repeated, List<NoticeProblem> problems) {
    if (text.length() > MAX_TEXT_CHARS) {
      problems.add(
          NoticeProblem.of(
              FIELD_ORDER_IDS, null, null, Problem.NOTICE_TOO_LONG.with(grouped(MAX_TEXT_CHARS))));
      return;
    }
    List<String> tokens = tokens(text);
    if (tokens.isEmpty()) {
      problems.add(NoticeProblem.of(FIELD_ORDER_IDS, null, null, Problem.NOTICE_NO_ORDERS.with()));
      return;
    }
    if (tokens.size() > MAX_IDS) {
      problems.add(
          NoticeProblem.of(
              FIELD_ORDER_IDS, null, null, Problem.NOTICE_TOO_MANY_IDS.with(grouped(MAX_IDS))));
      return;
    }
    int bad = 0;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String id = unprotected(token);
      Problem problem = idProblem(id);
      if (problem != null) {
        if (++bad <= MAX_BAD_IDS_LISTED) {
          problems.add(
              NoticeProblem.of(
                  FIELD_ORDER_IDS,
                  i + 1,
                  token,
                  problem.with(i + 1, token, MIN_DIGITS, MAX_DIGITS)));
        }
      } else if (!ids.add(id)) {
        repeated.add(id);
      }
    }
    if (bad > MAX_BAD_IDS_LISTED) {
      problems.add(
          NoticeProblem.of(
              FIELD_ORDER_IDS,
              null,
              null,
              Problem.NOTICE_MORE_BAD_IDS.with(bad - MAX_BAD_IDS_LISTED, MAX_BAD_IDS_LISTED)));
    }
  }

  /**
   * The ids of a paste as written: split at whitespace (tabs, full-width spaces), punctuation (, 、
   * ； ： and their full-width forms, brackets, quotes “”) and symbols, but not at the characters of
   * an id's protection (="…", a leading ') or of an id a spreadsheet spoiled (6.92E+18). Pieces
   * that hold nothing but such characters are no ids and are left out.
   */
  static List<String> tokens(String text) {
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC); // full-width forms too
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= normal.length(); i++) {
      boolean separator = i == normal.length() || separates(normal.charAt(i));
      if (!separator && start < 0) {
        start = i;
      } else if (separator && start >= 0) {
        String token = normal.substring(start, i);
        if (!unprotected(token).isEmpty()) {
          tokens.add(token);
        }
        start = -1;
      }
    }
    return tokens;
  }

  private static String grouped(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static boolean separates(char c) {
    if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
      return true;
    }
    if (PART_OF_ID.indexOf(c) >= 0) {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL,
          Character.CONTROL,
          Character.FORMAT ->
          true; // FORMAT: zero-width spaces and BOMs copied from a web page
      default -> false;
    };
  }

  /** The id inside its protection: ="…", a leading apostrophe, quotes, a sentence's full stop. */
  private static String unprotected(String token) {
    int from = 0;
    int to = token.length();
    while (from < to && "='\"".indexOf(token.charAt(from)) >= 0) {
      from++;
    }
    while (to > from && "'\".".indexOf(token.charAt(to - 1)) >= 0) {
      to--;
    }
    return token.substring(from, to);
  }

  /** Null for an order id: digits only, {@value #MIN_DIGITS} to {@value #MAX_DIGITS} of them. */
  private static Problem idProblem(String id) {
    boolean digits = !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
    if (digits && id.length() >= MIN_DIGITS && id.length() <= MAX_DIGITS) {
      return null;
    }
    return SCIENTIFIC.matcher(id).matches()
        ? Problem.NOTICE_SCIENTIFIC_ID
        : Problem.NOTICE_NOT_ORDER_ID;
  }

  /** The name the notice is stored and listed under, as a file's name is. */
  public String uploadName() {
    return "违规通知 " + noticeId;
  }

  /**
   * The notice as a deletions export (销量删除记录.csv): one row per sub-order, a pasted main order id
   * standing for its sub-orders.
   *
   * @param subOrdersOfMainOrders for pasted ids that are the shop's 主订单编号 and no 子订单编号, its
   *     sub-orders
   */
  public String deletionsCsv(Map<String, List<String>> subOrdersOfMainOrders) {
    Map<String, String> mainOrderOf = new LinkedHashMap<>();
    for (String id : orderIds) {
      List<String> subOrders = subOrdersOfMainOrders.get(id);
      if (subOrders == null) {
        mainOrderOf.putIfAbsent(id, "");
      } else {
        subOrders.forEach(sub -> mainOrderOf.put(sub, id)); // one row per sub-order, listed twice
      }
    }
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
      csv.printRecord(
          header(ColumnNames.SUB_ORDER_ID),
          header(ColumnNames.ORDER_ID),
          header(ColumnNames.PROCESSED_AT),
          header("reason"),
          header(ColumnNames.NOTICE_ID));
      for (var row : mainOrderOf.entrySet()) {
        csv.printRecord(
            row.getKey(),
            row.getValue(),
            TIME.format(processedAt),
            reason == null ? "" : reason,
            noticeId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static String header(String field) {
    return FileKind.DELETIONS.field(field).orElseThrow().douyinHeader();
  }

  /**
   * What the notice was accepted with: ids pasted twice, and main order ids read as their
   * sub-orders.
   */
  public List<IngestWarning> warnings(Map<String, List<String>> subOrdersOfMainOrders) {
    List<IngestWarning> warnings = new ArrayList<>();
    if (!repeated.isEmpty()) {
      warnings.add(
          IngestWarning.of(Problem.NOTICE_REPEATED_ID, repeated.size(), repeated, repeated.size()));
    }
    List<String> mains = orderIds.stream().filter(subOrdersOfMainOrders::containsKey).toList();
    if (!mains.isEmpty()) {
      long subOrders = mains.stream().mapToLong(m -> subOrdersOfMainOrders.get(m).size()).sum();
      warnings.add(
          IngestWarning.of(
              Problem.NOTICE_MAIN_ORDER,
              mains.size(),
              mains.stream()
                  .limit(IngestWarning.MAX_EXAMPLES)
                  .map(m -> m + " (" + subOrdersOfMainOrders.get(m).size() + ")")
                  .toList(),
              mains.size(),
              subOrders));
    }
    return warnings;
  }
}
