package app.rebound.web;

/** An upload body over {@link WebConfig#maxUploadBytes()}: answered with 413, nothing stored. */
public final class UploadTooLargeException extends RuntimeException {
  public UploadTooLargeException(long limitBytes) {
    super(
        "upload too large: at most "
            + humanBytes(limitBytes)
            + " in one upload; split the exports and upload them in parts");
  }

  static String humanBytes(long bytes) {
    if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
      return bytes / (1024L * 1024) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }
}
