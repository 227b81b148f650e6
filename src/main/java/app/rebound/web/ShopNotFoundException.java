package app.rebound.web;

/** A shop id that is well formed but has no workspace: answered with 404. */
public final class ShopNotFoundException extends RuntimeException {
  private final String shopId;

  public ShopNotFoundException(String shopId) {
    super("no shop \"" + shopId + "\": upload its exports first");
    this.shopId = shopId;
  }

  public String shopId() {
    return shopId;
  }
}
