package app.rebound.web;

import app.rebound.BadInputException;

/**
 * One entry of the header navigation: a message key for its label and the path it links to. Entries
 * of scope {@link Scope#SHOP} have a {@code {shop}} in their path and are shown only on a shop's
 * pages.
 */
public record NavEntry(String labelKey, String path, Scope scope) {

  public enum Scope {
    SITE,
    SHOP
  }

  public static NavEntry site(String labelKey, String path) {
    return new NavEntry(labelKey, path, Scope.SITE);
  }

  public static NavEntry shop(String labelKey, String pathWithShop) {
    if (!pathWithShop.contains("{shop}")) {
      throw new BadInputException("a shop entry's path needs {shop}: " + pathWithShop);
    }
    return new NavEntry(labelKey, pathWithShop, Scope.SHOP);
  }
}
