package app.rebound.web;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the layout around every page needs: the messages of the request's language, the navigation,
 * the page title and the page's own path with its query (the language switch keeps the query).
 *
 * @param shopId the shop the page is about, or null
 * @param refreshSeconds reload the page after this many seconds (while an analysis runs); 0 for
 *     never
 * @param csrf the token every form of the page sends back (see RequestGuard)
 */
public record Chrome(
    Messages msg,
    List<Nav.Link> nav,
    String title,
    String here,
    String shopId,
    int refreshSeconds,
    String csrf) {

  /**
   * The layout of a page at {@code here} about {@code shopId} (or null), as every page builds it:
   * the navigation marked at {@code here} and the request's own query and form token.
   */
  static Chrome of(
      Context ctx,
      Messages msg,
      List<NavEntry> nav,
      String title,
      String here,
      String shopId,
      int refreshSeconds) {
    return new Chrome(
        msg,
        Nav.links(nav, msg, here, shopId),
        title,
        here(ctx, here),
        shopId,
        refreshSeconds,
        RequestGuard.csrfToken(ctx));
  }

  /** The hidden field's name that carries {@link #csrf} in a form. */
  public String csrfField() {
    return RequestGuard.FORM_FIELD;
  }

  /** The page's path alone, for a GET form's action (the form sends its own fields). */
  public String path() {
    int query = here.indexOf('?');
    return query < 0 ? here : here.substring(0, query);
  }

  /** The same page in another language, its other parameters (period, filters, sort) kept. */
  public String langHref(Lang lang) {
    return here + (here.contains("?") ? "&" : "?") + Lang.PARAM + "=" + lang.code();
  }

  /**
   * The page's path with the request's query, less the language (the switch sets it) and any token
   * (never echoed into a link): what the language switch links to.
   */
  static String here(Context ctx, String path) {
    String query = ctx.queryString();
    if (query == null || query.isEmpty()) {
      return path;
    }
    String kept =
        Arrays.stream(query.split("&"))
            .filter(p -> !p.isEmpty())
            .filter(p -> !p.startsWith(Lang.PARAM + "=") && !p.startsWith("token="))
            .collect(Collectors.joining("&"));
    return kept.isEmpty() ? path : path + "?" + kept;
  }

  public boolean isLang(Lang lang) {
    return msg.lang() == lang;
  }

  public List<Lang> langs() {
    return List.of(Lang.values());
  }
}
