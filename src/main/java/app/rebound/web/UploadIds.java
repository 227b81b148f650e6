package app.rebound.web;

import app.rebound.store.UploadNotFoundException;
import io.javalin.http.Context;

/** The upload a request is about, from its path: 404 for anything that is no upload number. */
final class UploadIds {

  static final String PATH_PARAM = "upload";

  private UploadIds() {}

  static long fromPath(Context ctx, String shop) {
    String given = ctx.pathParam(PATH_PARAM);
    try {
      return Long.parseLong(given);
    } catch (NumberFormatException e) {
      throw new UploadNotFoundException(shop, given);
    }
  }
}
