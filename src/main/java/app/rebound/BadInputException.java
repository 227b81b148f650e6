package app.rebound;

/**
 * The input of a request is wrong in a way its sender can fix (a malformed shop id, an unknown
 * action, a bad date, a note too long): the web answers 400 with this message. Any other
 * IllegalArgumentException is a bug of ours and answers 500, so an internal error is never passed
 * off as the merchant's mistake.
 */
public final class BadInputException extends IllegalArgumentException {

  public BadInputException(String message) {
    super(message);
  }
}
