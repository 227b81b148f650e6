package app.rebound.web;

import app.rebound.BadInputException;
import app.rebound.store.Workspaces;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may see which shops: the one place that knows the access tokens and their scopes. A token is
 * sent as {@code Authorization: Bearer TOKEN}, or given once as {@code ?token=TOKEN} in a browser,
 * which then keeps it in an HTTP-only cookie. The all-shops token sees every shop; a shop token
 * sees only its shops. With no token configured (a loopback server) every request sees every shop.
 *
 * <p>{@link #authenticate} runs before every request and leaves the request's {@link Scope} on it;
 * the routes with a {shop} in their path are then checked by {@link #requireShop} before their
 * handler runs, and the handlers that list shops filter by {@link #scope}.
 */
final class Access {

  static final String COOKIE = "rebound_token";
  static final String QUERY_PARAM = "token";
  private static final String SCOPE_ATTRIBUTE = "rebound.scope";

  /** RFC 6265 cookie-octets: what a cookie can carry unquoted (no space, '"', ',', ';' or '\'). */
  private static final Pattern TOKEN =
      Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]+");

  /** The shops a request may see. */
  record Scope(boolean allShops, Set<String> shops) {
    static final Scope ALL = new Scope(true, Set.of());
    static final Scope NONE = new Scope(false, Set.of());

    boolean allows(String shop) {
      return allShops || shops.contains(shop);
    }
  }

  /** No token or a wrong one; mapped to 401 once in WebApp. */
  static final class Missing extends RuntimeException {
    Missing() {
      super(
          "an access token is required: send Authorization: Bearer <token>, or open the page once with ?token=<token>");
    }
  }

  /** A valid token asking for a shop outside its scope; mapped to 403 once in WebApp. */
  static final class Forbidden extends RuntimeException {
    Forbidden(String shop) {
      super("this access token does not give access to shop \"" + shop + "\"");
    }
  }

  private record Grant(byte[] digest, Scope scope) {}

  private final List<Grant> grants;

  private Access(List<Grant> grants) {
    this.grants = grants;
  }

  /**
   * The access of a server given {@code allShopsToken} (null for none) and {@code shopTokens}, each
   * token with the shops it may see. Refuses a token a cookie cannot carry, a token given twice and
   * a shop id that is not one.
   */
  static Access of(String allShopsToken, Map<String, Set<String>> shopTokens) {
    List<Grant> grants = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    if (allShopsToken != null) {
      grants.add(new Grant(digest(checkToken(allShopsToken, seen)), Scope.ALL));
    }
    shopTokens.forEach(
        (token, shops) -> {
          if (shops.isEmpty()) {
            throw new BadInputException("a shop token needs at least one shop");
          }
          shops.forEach(Workspaces::requireValidShopId);
          grants.add(
              new Grant(digest(checkToken(token, seen)), new Scope(false, Set.copyOf(shops))));
        });
    return new Access(List.copyOf(grants));
  }

  static Access of(WebConfig config) {
    return of(config.accessToken(), config.shopTokens());
  }

  /** Whether requests must carry a token. */
  boolean required() {
    return !grants.isEmpty();
  }

  /**
   * Finds the request's token and leaves its scope on the request; 401 when a token is required and
   * the request has none that is valid. An explicit token (header, then query) is the one that
   * counts, so a browser can switch tokens with ?token=; the cookie is used only when neither is
   * sent.
   */
  void authenticate(Context ctx) {
    if (!required()) {
      ctx.attribute(SCOPE_ATTRIBUTE, Scope.ALL);
      return;
    }
    String header = ctx.header("Authorization");
    String query = ctx.queryParam(QUERY_PARAM);
    Scope scope;
    if (header != null) {
      scope = find(bearerToken(header));
    } else if (query != null) {
      scope = find(query);
      if (scope != null) {
        ctx.cookie(RequestGuard.cookie(ctx, COOKIE, query));
        if (ctx.method() == HandlerType.GET) {
          // The token leaves the address bar, the history and any Referer: the cookie carries it.
          ctx.redirect(withoutToken(ctx), HttpStatus.SEE_OTHER);
          ctx.skipRemainingHandlers();
        }
      }
    } else {
      scope = find(ctx.cookie(COOKIE));
    }
    if (scope == null) {
      throw new Missing();
    }
    ctx.attribute(SCOPE_ATTRIBUTE, scope);
  }

  /** The scope {@link #authenticate} left on the request; none when it did not run. */
  static Scope scope(Context ctx) {
    Scope scope = ctx.attribute(SCOPE_ATTRIBUTE);
    return scope == null ? Scope.NONE : scope;
  }

  /**
   * 403 unless the request's token may see {@code shop}: checked before anything of the shop is
   * read.
   */
  static void requireShop(Context ctx, String shop) {
    if (!scope(ctx).allows(shop)) {
      throw new Forbidden(shop);
    }
  }

  /**
   * The scope of a token, or null. Every grant is compared, through SHA-256 digests of equal
   * length, so the time taken tells neither how much of a guess was right nor which grant matched.
   */
  private Scope find(String given) {
    if (given == null || given.isEmpty()) {
      return null;
    }
    byte[] digest = digest(given);
    Scope found = null;
    for (Grant grant : grants) {
      if (MessageDigest.isEqual(grant.digest(), digest)) {
        found = grant.scope();
      }
    }
    return found;
  }

  /**
   * The token of an {@code Authorization: Bearer T} header, or null for another scheme; the scheme
   * is case-insensitive (RFC 9110 section 11.1).
   */
  static String bearerToken(String header) {
    String value = header.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
      return null;
    }
    return value.substring(space + 1).strip();
  }

  /** The request's own path and query with every {@value #QUERY_PARAM} parameter left out. */
  static String withoutToken(Context ctx) {
    String query = ctx.queryString();
    StringBuilder kept = new StringBuilder();
    if (query != null) {
      for (String pair : query.split("&")) {
        String name = pair.split("=", 2)[0];
        if (!name.isEmpty()
            && !URLDecoder.decode(name, StandardCharsets.UTF_8).equals(QUERY_PARAM)) {
          kept.append(kept.length() == 0 ? "?" : "&").append(pair);
        }
      }
    }
    // "//host/x" would send the browser to another host: the redirect stays on this one.
    return ctx.path().replaceFirst("^/+", "/") + kept;
  }

  private static String checkToken(String token, Set<String> seen) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw new BadInputException(
          "an access token must be printable ASCII without spaces, quotes, ',', ';'"
              + " or '\\' (it travels in a header, a URL and a cookie)");
    }
    if (!seen.add(token)) {
      throw new BadInputException(
          "the same access token is given twice; give each token once, with all its shops");
    }
    return token;
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
