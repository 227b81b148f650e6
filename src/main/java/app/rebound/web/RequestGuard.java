package app.rebound.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What keeps another web page from using the merchant's browser against this server, checked before
 * every request:
 *
 * <ul>
 *   <li>the Host header names this server ({@link WebConfig#allowedHosts}), so a page whose domain
 *       is re-pointed at 127.0.0.1 (DNS rebinding) gets nothing;
 *   <li>a state change (POST, PUT, PATCH, DELETE) sent by a browser comes from this server's own
 *       pages: its Origin, else its Referer, names the Host it was sent to;
 *   <li>a form posted to a page (not /api) carries {@value #FORM_FIELD}, a per-session token only
 *       this server's pages know, unless the request carries its own Authorization header.
 * </ul>
 *
 * <p>The session is a random cookie; its token is an HMAC of it under a key drawn when the server
 * starts, so a cookie planted from another port of the same host (cookies do not separate ports)
 * gives no valid token. JSON bodies are read only when sent as application/json ({@link
 * JsonBodies}), which a cross-site page cannot send without the server's consent.
 */
final class RequestGuard {

  static final String FORM_FIELD = "_csrf";
  static final String SESSION_COOKIE = "rebound_session";
  private static final String GUARD_ATTRIBUTE = "rebound.guard";
  private static final Set<HandlerType> STATE_CHANGES =
      Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** A request this server refuses to act on; mapped to 403 once in WebApp. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private final Set<String> allowedHosts;
  private final long maxUploadBytes;
  private final byte[] key;
  private final SecureRandom random = new SecureRandom();

  RequestGuard(WebConfig config) {
    this.allowedHosts = config.allowedHosts();
    this.maxUploadBytes = config.maxUploadBytes();
    this.key = new byte[32];
    random.nextBytes(key);
  }

  /** Runs before every request, first: the Host names this server. */
  void checkHost(Context ctx) {
    String host = ctx.header("Host");
    if (!hostAllowed(host)) {
      throw new Refused(
          "the Host header "
              + (host == null ? "is missing" : "\"" + host + "\" does not name this server")
              + "; open Rebound at the address it serves on");
    }
    ctx.attribute(GUARD_ATTRIBUTE, this);
  }

  /**
   * Runs before every request once it is authenticated: a state change comes from this server's
   * pages (Origin or Referer), and a form posted to a page carries the session's token.
   */
  void checkChange(Context ctx) {
    if (!STATE_CHANGES.contains(ctx.method())) {
      return;
    }
    checkOrigin(ctx, ctx.header("Host"));
    if (!isApi(ctx) && ctx.header("Authorization") == null) {
      String session = ctx.cookie(SESSION_COOKIE);
      String sent = UploadParts.formField(ctx, FORM_FIELD, maxUploadBytes);
      if (session == null
          || sent == null
          || !MessageDigest.isEqual(
              sent.getBytes(StandardCharsets.UTF_8),
              token(session).getBytes(StandardCharsets.UTF_8))) {
        throw new Refused(
            "this form is out of date or was not sent by Rebound's own page (its "
                + FORM_FIELD
                + " token is missing or wrong): reload the page and send it again");
      }
    }
  }

  /**
   * The token the forms of this request's page carry, starting the session (a cookie) if the
   * browser has none yet.
   */
  static String csrfToken(Context ctx) {
    RequestGuard guard = ctx.attribute(GUARD_ATTRIBUTE);
    return guard == null ? "" : guard.token(guard.session(ctx));
  }

  /**
   * Whether {@code hostHeader} ("name" or "name:port", "[v6]:port") names an allowed host. A name
   * is compared without its port and case; an IP literal is allowed only when listed too.
   */
  boolean hostAllowed(String hostHeader) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    String name = hostName(hostHeader.strip());
    return name != null && allowedHosts.contains(name);
  }

  /** The host part of a Host header, lower case and without brackets, or null if malformed. */
  static String hostName(String hostHeader) {
    try {
      URI uri = new URI("http://" + hostHeader + "/");
      String host = uri.getHost();
      if (host == null || uri.getUserInfo() != null) {
        return null;
      }
      host = host.toLowerCase(Locale.ROOT);
      return host.startsWith("[") && host.endsWith("]")
          ? host.substring(1, host.length() - 1)
          : host;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * A browser names the page a state change comes from in Origin (every current browser on POST) or
   * Referer; either must be this server as the request addressed it. A request with neither is not
   * from a browser page (curl, a script) and is judged by its token or Authorization alone.
   */
  private static void checkOrigin(Context ctx, String host) {
    String origin = ctx.header("Origin");
    String source = origin != null ? origin : ctx.header("Referer");
    if (source == null) {
      return;
    }
    String authority;
    try {
      URI uri = new URI(source.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      authority = scheme.equals("http") || scheme.equals("https") ? uri.getRawAuthority() : null;
    } catch (URISyntaxException e) {
      authority = null;
    }
    if (authority == null || !authority.equalsIgnoreCase(host.strip())) {
      throw new Refused(
          "refused a change sent from another site ("
              + (origin != null ? "Origin" : "Referer")
              + ": "
              + source
              + "): Rebound accepts changes only from its own pages");
    }
  }

  /** The request's session id, a new one (set as a cookie) when it has none or a malformed one. */
  private String session(Context ctx) {
    String session = ctx.cookie(SESSION_COOKIE);
    if (session != null && SESSION.matcher(session).matches()) {
      return session;
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    session = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    ctx.cookie(cookie(ctx, SESSION_COOKIE, session));
    return session;
  }

  private String token(String session) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(session.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java has HmacSHA256", e);
    }
  }

  /** HttpOnly, SameSite=Strict, path /, and Secure when the request came over TLS. */
  static Cookie cookie(Context ctx, String name, String value) {
    Cookie cookie = new Cookie(name, value);
    cookie.setHttpOnly(true);
    cookie.setSameSite(SameSite.STRICT);
    cookie.setPath("/");
    cookie.setSecure(ctx.req().isSecure());
    return cookie;
  }

  private static boolean isApi(Context ctx) {
    return ctx.path().startsWith("/api/") || ctx.path().equals("/api");
  }
}
