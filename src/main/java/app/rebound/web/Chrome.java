package app.rebound.web;

import java.util.List;

/**
 * What the layout around every page needs: the messages of the request's language, the navigation,
 * the page title and the page's own path (for the language switch links).
 *
 * @param shopId the shop the page is about, or null
 * @param refreshSeconds reload the page after this many seconds (while an analysis runs); 0 for
 *     never
 */
public record Chrome(
    Messages msg,
    List<Nav.Link> nav,
    String title,
    String here,
    String shopId,
    int refreshSeconds) {

  public Chrome(Messages msg, List<Nav.Link> nav, String title, String here, String shopId) {
    this(msg, nav, title, here, shopId, 0);
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
