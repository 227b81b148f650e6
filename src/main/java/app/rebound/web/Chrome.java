package app.rebound.web;

import java.util.List;

/**
 * What the layout around every page needs: the messages of the request's language, the navigation,
 * the page title and the page's own path (for the language switch links).
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

  /** The hidden field's name that carries {@link #csrf} in a form. */
  public String csrfField() {
    return RequestGuard.FORM_FIELD;
  }

  public String langHref(Lang lang) {
    return here + "?" + Lang.PARAM + "=" + lang.code();
  }

  public boolean isLang(Lang lang) {
    return msg.lang() == lang;
  }

  public List<Lang> langs() {
    return List.of(Lang.values());
  }
}
