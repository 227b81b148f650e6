package app.rebound.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The header navigation, built from {@link #ENTRIES}. A new page joins the navigation by adding one
 * entry here (and its label to both message bundles), e.g. {@code NavEntry.shop("nav.overview",
 * "/shops/{shop}/overview")}.
 */
public final class Nav {

  public static final List<NavEntry> ENTRIES =
      List.of(
          NavEntry.site("nav.shops", "/"),
          NavEntry.shop("nav.overview", "/shops/{shop}"),
          NavEntry.shop("nav.traffic", "/shops/{shop}/traffic"),
          NavEntry.shop("nav.trust", "/shops/{shop}/trust"),
          NavEntry.shop("nav.partners", "/shops/{shop}/partners"),
          NavEntry.shop("nav.deletions", "/shops/{shop}/deletions"),
          NavEntry.shop("nav.plan", "/shops/{shop}/plan"),
          NavEntry.shop("nav.appeal", "/shops/{shop}/appeal"),
          NavEntry.shop("nav.cases", "/shops/{shop}/cases"),
          NavEntry.shop("nav.products", "/shops/{shop}/products"),
          NavEntry.shop("nav.uploads", "/shops/{shop}/uploads"),
          NavEntry.shop("nav.alerts", "/shops/{shop}/alerts"));

  /** A rendered link: its label, where it goes, and whether it is the page being shown. */
  public record Link(String label, String href, boolean current) {}

  private Nav() {}

  /** The links for a page at {@code here}; shop entries only when {@code shopId} is not null. */
  public static List<Link> links(List<NavEntry> entries, Messages msg, String here, String shopId) {
    List<Link> links = new ArrayList<>();
    for (NavEntry entry : entries) {
      if (entry.scope() == NavEntry.Scope.SHOP && shopId == null) {
        continue;
      }
      String href =
          entry.scope() == NavEntry.Scope.SHOP
              ? entry.path().replace("{shop}", shopId)
              : entry.path();
      links.add(new Link(msg.get(entry.labelKey()), href, href.equals(here)));
    }
    return links;
  }
}
