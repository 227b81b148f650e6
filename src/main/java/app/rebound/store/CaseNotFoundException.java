package app.rebound.store;

/** No appeal case with this id in the shop: answered with 404. */
public final class CaseNotFoundException extends RuntimeException {

  public CaseNotFoundException(long id) {
    super("no appeal case " + id + " in this shop");
  }
}
