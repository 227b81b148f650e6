package app.rebound.store;

/** No upload with this id in the shop: answered with 404. */
public final class UploadNotFoundException extends RuntimeException {

  public UploadNotFoundException(String shop, String upload) {
    super(
        "no upload "
            + upload
            + " in shop \""
            + shop
            + "\": see its uploads page for their numbers");
  }
}
