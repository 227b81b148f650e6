package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.ingest.NoticeProblem;
import app.rebound.ingest.PastedNotice;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The "paste a deletion notice" form of the upload page: what the merchant typed in, and why it was
 * refused (empty before a post). The JSON API reads the same fields from its body.
 *
 * @param problems each naming its field; empty when nothing was refused
 */
public record NoticeForm(
    String noticeId,
    String processedAt,
    String reason,
    String orderIds,
    List<NoticeProblem> problems) {

  /** The most bytes a notice's request may hold: the pasted ids at their limit, form-encoded. */
  static final long MAX_BODY_BYTES = 16L * 1024 * 1024;

  public static final NoticeForm EMPTY = new NoticeForm("", "", "", "", List.of());

  public NoticeForm {
    problems = List.copyOf(problems);
  }

  /** The largest number of characters the ids' box takes, as the parser takes them. */
  public int maxChars() {
    return PastedNotice.MAX_TEXT_CHARS;
  }

  /** The problems of one field, in the order found. */
  public List<NoticeProblem> problems(String field) {
    return problems.stream().filter(p -> p.field().equals(field)).toList();
  }

  PastedNotice.Input input() {
    return new PastedNotice.Input(noticeId, processedAt, reason, orderIds);
  }

  NoticeForm refused(List<NoticeProblem> why) {
    return new NoticeForm(noticeId, processedAt, reason, orderIds, why);
  }

  /** The fields of the page's form (urlencoded, read once by Javalin and kept). */
  static NoticeForm of(Context ctx) {
    return new NoticeForm(
        orEmpty(ctx.formParam(PastedNotice.FIELD_NOTICE_ID)),
        orEmpty(ctx.formParam(PastedNotice.FIELD_PROCESSED_AT)),
        orEmpty(ctx.formParam(PastedNotice.FIELD_REASON)),
        orEmpty(ctx.formParam(PastedNotice.FIELD_ORDER_IDS)),
        List.of());
  }

  /**
   * The fields of the API's JSON body; {@code order_ids} as the pasted text or as a list of ids
   * (each read as a line of that text).
   */
  static NoticeForm of(JsonNode body) {
    JsonNode ids = body.path(PastedNotice.FIELD_ORDER_IDS);
    String orderIds;
    if (ids.isArray()) {
      List<String> lines = new ArrayList<>();
      for (JsonNode id : ids) {
        if (!id.isTextual()) { // a JSON number of 19 digits has lost them in many clients
          throw new BadInputException(
              PastedNotice.FIELD_ORDER_IDS
                  + " must be the pasted text or a list of ids as strings");
        }
        lines.add(id.asText());
      }
      orderIds = String.join("\n", lines);
    } else {
      orderIds = text(ids);
    }
    return new NoticeForm(
        text(body.path(PastedNotice.FIELD_NOTICE_ID)),
        text(body.path(PastedNotice.FIELD_PROCESSED_AT)),
        text(body.path(PastedNotice.FIELD_REASON)),
        orderIds,
        List.of());
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /**
   * Refuses a notice request over {@link #MAX_BODY_BYTES} by its length, before anything reads its
   * body (413, as an upload over its limit).
   */
  static void limitBody(Context ctx) {
    if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
      throw new UploadTooLargeException(MAX_BODY_BYTES);
    }
  }
}
