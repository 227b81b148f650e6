package app.rebound.web;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The languages of the pages. Chinese unless the merchant chose otherwise with {@code ?lang=en},
 * which is remembered in the {@code lang} cookie for later requests.
 */
public enum Lang {
  ZH("zh"),
  EN("en");

  public static final Lang DEFAULT = ZH;
  public static final String PARAM = "lang";
  public static final String COOKIE = "lang";
  private static final int COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;

  private final String code;

  Lang(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Lang> byCode(String code) {
    for (Lang lang : values()) {
      if (lang.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
        return Optional.of(lang);
      }
    }
    return Optional.empty();
  }

  /**
   * The request's language: {@code ?lang=} (then remembered in the cookie), else the cookie, else
   * Chinese.
   */
  public static Lang of(Context ctx) {
    Optional<Lang> asked = byCode(ctx.queryParam(PARAM));
    if (asked.isPresent()) {
      ctx.cookie(COOKIE, asked.get().code, COOKIE_MAX_AGE_SECONDS);
      return asked.get();
    }
    return byCode(ctx.cookie(COOKIE)).orElse(DEFAULT);
  }
}
