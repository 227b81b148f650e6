package app.rebound.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser on one of Rebound's pages: it holds the session cookie the page set and the form token
 * the page carries, and posts forms as that page would (same Origin, token in the form).
 */
final class BrowserSession {

  private static final Pattern TOKEN_FIELD =
      Pattern.compile("name=\"" + RequestGuard.FORM_FIELD + "\" value=\"([^\"]+)\"");

  final String origin;
  final String cookie;
  final String token;

  private BrowserSession(String origin, String cookie, String token) {
    this.origin = origin;
    this.cookie = cookie;
    this.token = token;
  }

  /** Opens the shops page at {@code origin} and keeps its session cookie and form token. */
  static BrowserSession open(String origin) throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(origin + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    String cookie =
        page.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith(RequestGuard.SESSION_COOKIE + "="))
            .map(c -> c.split(";", 2)[0])
            .findFirst()
            .orElseThrow(() -> new AssertionError("the page set no session cookie"));
    Matcher token = TOKEN_FIELD.matcher(page.body());
    if (!token.find()) {
      throw new AssertionError("the page has no form token");
    }
    return new BrowserSession(origin, cookie, token.group(1));
  }

  /** The urlencoded {@code form} with this session's token added. */
  String withToken(String form) {
    String field = RequestGuard.FORM_FIELD + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    return form.isEmpty() ? field : form + "&" + field;
  }

  /** A form post as the page sends it, not following a redirect. */
  HttpResponse<String> post(String path, String form) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(origin + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", origin)
                .header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(withToken(form)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
