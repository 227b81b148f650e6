package app.rebound.store;

/**
 * The request is well formed but the case or its group is not in a state that allows it (a refused
 * status change, a second open case for a group, a closed appeal window): answered with 409.
 */
public final class CaseConflictException extends RuntimeException {

  public CaseConflictException(String message) {
    super(message);
  }
}
