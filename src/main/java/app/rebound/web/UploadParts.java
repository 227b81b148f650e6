package app.rebound.web;

import app.rebound.store.UploadFile;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

/**
 * Reads the files of an upload request: the multipart parts named {@value #PART}, within the size
 * limit.
 */
final class UploadParts {

  static final String PART = "file";

  private UploadParts() {}

  static List<UploadFile> files(Context ctx, long maxBytes) {
    if (ctx.req().getContentLengthLong() > maxBytes) {
      throw new UploadTooLargeException(maxBytes);
    }
    if (!ctx.isMultipartFormData()) {
      throw new BadRequestResponse(noFileMessage());
    }
    List<UploadedFile> parts;
    try {
      parts = ctx.uploadedFiles(PART);
    } catch (Exception e) { // Jetty's ServletException arrives undeclared through Javalin's Kotlin
      // Jetty refuses a body past its multipart limits while parsing it (a body sent without a
      // length).
      if (isSizeLimit(e)) {
        throw new UploadTooLargeException(maxBytes);
      }
      throw new BadRequestResponse("the upload is not a readable multipart/form-data body");
    }
    if (parts.isEmpty()) {
      throw new BadRequestResponse(noFileMessage());
    }
    return parts.stream().map(p -> new UploadFile(displayName(p.filename()), p::content)).toList();
  }

  /**
   * A text field of a form (urlencoded or multipart), or null; a multipart body past the upload
   * limit is answered 413 as the upload itself would be.
   */
  static String formField(Context ctx, String name, long maxBytes) {
    if (ctx.req().getContentLengthLong() > maxBytes) {
      throw new UploadTooLargeException(maxBytes);
    }
    try {
      return ctx.formParam(name);
    } catch (Exception e) { // Jetty's ServletException, undeclared through Javalin's Kotlin
      if (isSizeLimit(e)) {
        throw new UploadTooLargeException(maxBytes);
      }
      throw new BadRequestResponse("the form body is not readable");
    }
  }

  /**
   * Reads and drops what is left of a request body that is answered with an error, at most {@code
   * cap} bytes, so the client gets to read the answer instead of a reset connection while it is
   * still sending. A body longer than that is left to Jetty, which closes the connection.
   */
  static void discardUnread(Context ctx, long cap) {
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while (total < cap && (n = in.read(buffer)) != -1) {
        total += n;
      }
    } catch (Exception alreadyReadOrGone) {
      // The body was parsed already, or the client went away: nothing left to drop.
    }
  }

  private static String noFileMessage() {
    return "no file in the upload: send the exports as multipart/form-data parts named \""
        + PART
        + "\"";
  }

  /** The name as the client sent it: shown (escaped), never used as a path. */
  static String displayName(String filename) {
    return filename == null || filename.isBlank() ? "(unnamed)" : filename;
  }

  private static boolean isSizeLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
      if (m.contains("exceed")
          || m.contains("max size")
          || m.contains("too large")
          || m.contains("413")) {
        return true;
      }
    }
    return false;
  }
}
