package app.rebound.store;

/**
 * An upload stored before Rebound kept each upload's own rows: what the shop would hold without it
 * cannot be known, so it is not deleted. Answered with 409.
 */
public final class UploadNotDeletableException extends RuntimeException {

  public UploadNotDeletableException(long upload) {
    super(
        "upload "
            + upload
            + " was stored by an earlier Rebound that did not keep each upload's own rows, so what"
            + " the shop would hold without it is not known; nothing was deleted. Delete the shop"
            + " and upload its exports again to be able to delete single uploads");
  }
}
