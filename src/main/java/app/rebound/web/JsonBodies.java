package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;

/**
 * Reads the JSON body of an API request: only one sent as application/json, which a page on another
 * site cannot send without a CORS preflight this server never grants (text/plain can be sent by any
 * page's form, so it is refused with 415).
 */
final class JsonBodies {

  private JsonBodies() {}

  /** The body as a JSON object; 415 for another content type, 400 for anything but an object. */
  static JsonNode object(Context ctx, String required) {
    String type = ctx.contentType();
    String mediaType = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new HttpResponseException(
          HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
          "send the body as Content-Type: application/json (was "
              + (type == null ? "none" : "'" + type + "'")
              + ")");
    }
    JsonNode body;
    try {
      body = Json.MAPPER.readTree(ctx.body());
    } catch (JsonProcessingException e) {
      throw new BadInputException("the body is not JSON: " + e.getOriginalMessage());
    }
    if (body == null || !body.isObject()) {
      throw new BadInputException("the body must be a JSON object with " + required);
    }
    return body;
  }
}
