package app.rebound.web;

/**
 * How the web app is set up.
 *
 * @param maxUploadBytes the largest request body accepted by an upload, all files together; Jetty's
 *     multipart limits and Javalin's request size follow it, and a larger body is answered with 413
 * @param accessToken when set, every page and API call must carry it (header {@code Authorization: Bearer},
 *     or once as {@code ?token=}, then a cookie); null serves anyone who can reach the address
 */
public record WebConfig(long maxUploadBytes, String accessToken) {

  /** 512 MiB: room for a 1,000,000-row order export (about 210 MB) and the other files beside it. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 512L * 1024 * 1024;

  public WebConfig {
    if (maxUploadBytes <= 0) {
      throw new IllegalArgumentException("maxUploadBytes must be positive (got " + maxUploadBytes + ")");
    }
  }

  public static WebConfig defaults() {
    return new WebConfig(DEFAULT_MAX_UPLOAD_BYTES, null);
  }

  public WebConfig withMaxUploadBytes(long bytes) {
    return new WebConfig(bytes, accessToken);
  }

  public WebConfig withAccessToken(String token) {
    return new WebConfig(maxUploadBytes, token == null || token.isBlank() ? null : token);
  }
}
