package app.rebound.web;

import app.rebound.BadInputException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the web app is set up.
 *
 * @param maxUploadBytes the largest request body accepted by an upload, all files together; Jetty's
 *     multipart limits and Javalin's request size follow it, and a larger body is answered with 413
 * @param accessToken when set, it sees every shop, and every page and API call must carry a token
 *     (header {@code Authorization: Bearer}, or once as {@code ?token=}, then a cookie); null for
 *     none
 * @param shopTokens tokens that see only the shops listed with them; any of them also makes a token
 *     required. Tokens are printable ASCII without space, quote, ',', ';' or '\' (they travel in a
 *     cookie), each given once
 * @param requestTimeout how long a request may stall (no bytes read or written) before Jetty drops
 *     it
 * @param allowedHosts the names a request's Host header may carry (lower case, IPv6 without
 *     brackets): loopback's, and the address served on; any other is refused (DNS rebinding)
 */
public record WebConfig(
    long maxUploadBytes,
    String accessToken,
    Map<String, Set<String>> shopTokens,
    Duration requestTimeout,
    Set<String> allowedHosts) {

  /** The names of this machine's loopback, always allowed as a Host. */
  public static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

  /**
   * 512 MiB: room for a 1,000,000-row order export (about 210 MB) and the other files beside it.
   */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 512L * 1024 * 1024;

  /**
   * A minute of silence mid-request: far beyond a pause of a slow upload, short enough that a
   * stalled body frees its place among the uploads being read ({@link SlowClients}) soon.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  public WebConfig {
    if (maxUploadBytes <= 0) {
      throw new BadInputException("maxUploadBytes must be positive (got " + maxUploadBytes + ")");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new BadInputException(
          "the request timeout must be positive (got " + requestTimeout + ")");
    }
    shopTokens = Map.copyOf(shopTokens);
    allowedHosts = Set.copyOf(allowedHosts);
    Access.of(
        accessToken, shopTokens); // refuses a token that cannot travel, or one given twice, now
  }

  public static WebConfig defaults() {
    return new WebConfig(
        DEFAULT_MAX_UPLOAD_BYTES, null, Map.of(), DEFAULT_REQUEST_TIMEOUT, LOOPBACK_HOSTS);
  }

  public WebConfig withMaxUploadBytes(long bytes) {
    return new WebConfig(bytes, accessToken, shopTokens, requestTimeout, allowedHosts);
  }

  /** The all-shops token; null or blank for none. */
  public WebConfig withAccessToken(String token) {
    return new WebConfig(
        maxUploadBytes,
        token == null || token.isBlank() ? null : token,
        shopTokens,
        requestTimeout,
        allowedHosts);
  }

  /** One more token that sees only {@code shops}; a token already given is refused. */
  public WebConfig withShopToken(String token, List<String> shops) {
    if (shopTokens.containsKey(token)) {
      throw new BadInputException(
          "the same access token is given twice; give each token once, with all its shops");
    }
    Map<String, Set<String>> tokens = new LinkedHashMap<>(shopTokens);
    tokens.put(token, Set.copyOf(shops));
    return new WebConfig(maxUploadBytes, accessToken, tokens, requestTimeout, allowedHosts);
  }

  public WebConfig withRequestTimeout(Duration timeout) {
    return new WebConfig(maxUploadBytes, accessToken, shopTokens, timeout, allowedHosts);
  }

  /**
   * Also allows the Host names of {@code names} (the address served on, as --host gives it; a name,
   * an IPv4 or an IPv6 address, with or without brackets).
   */
  public WebConfig withAllowedHosts(Collection<String> names) {
    Set<String> hosts = new LinkedHashSet<>(allowedHosts);
    for (String name : names) {
      String host = name.strip().toLowerCase(Locale.ROOT);
      hosts.add(
          host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host);
    }
    return new WebConfig(maxUploadBytes, accessToken, shopTokens, requestTimeout, hosts);
  }
}
