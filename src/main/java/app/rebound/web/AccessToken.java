package app.rebound.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The access token a server reachable from other machines requires on every page and API call: sent as
 * {@code Authorization: Bearer TOKEN}, or given once as {@code ?token=TOKEN} in a browser, which then keeps
 * it in an HTTP-only cookie.
 */
final class AccessToken {

  static final String COOKIE = "rebound_token";

  private AccessToken() {}

  /** Refused requests; mapped to 401 once in WebApp. */
  static final class Missing extends RuntimeException {
    Missing() {
      super("an access token is required: send Authorization: Bearer <token>, or open the page once with ?token=<token>");
    }
  }

  static void check(Context ctx, String token) {
    String header = ctx.header("Authorization");
    if (header != null && header.startsWith("Bearer ") && same(header.substring(7).strip(), token)) {
      return;
    }
    if (same(ctx.cookie(COOKIE), token)) {
      return;
    }
    if (same(ctx.queryParam("token"), token)) {
      Cookie cookie = new Cookie(COOKIE, token);
      cookie.setHttpOnly(true);
      cookie.setSameSite(SameSite.STRICT);
      cookie.setPath("/");
      ctx.cookie(cookie);
      return;
    }
    throw new Missing();
  }

  /** Compared in constant time, so response times do not tell how much of a guess was right. */
  private static boolean same(String given, String token) {
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
