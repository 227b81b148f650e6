package app.rebound.web;

import app.rebound.store.UploadFile;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.List;

/** Reads the files of an upload request: the multipart parts named {@value #PART}, within the size limit. */
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
    } catch (RuntimeException e) {
      // Jetty refuses a body past its multipart limits while parsing (a body sent without a length).
      if (isSizeLimit(e)) {
        throw new UploadTooLargeException(maxBytes);
      }
      throw e;
    }
    if (parts.isEmpty()) {
      throw new BadRequestResponse(noFileMessage());
    }
    return parts.stream().map(p -> new UploadFile(baseName(p.filename()), p::content)).toList();
  }

  private static String noFileMessage() {
    return "no file in the upload: send the exports as multipart/form-data parts named \"" + PART + "\"";
  }

  /** The name without any folder a browser may have sent with it; it is shown, never used as a path. */
  static String baseName(String filename) {
    if (filename == null || filename.isBlank()) {
      return "(unnamed)";
    }
    int cut = Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\'));
    return filename.substring(cut + 1);
  }

  private static boolean isSizeLimit(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage();
      if (message != null && (message.contains("exceeds") || message.contains("max size")
          || message.contains("too large") || message.contains("413"))) {
        return true;
      }
    }
    return false;
  }
}
