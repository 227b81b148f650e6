package app.rebound.ingest;

/** A cell that cannot be read as its column's type; the message is the reason shown to the merchant. */
public final class CellException extends Exception {
  public CellException(String reason) {
    super(reason, null, false, false);
  }
}
