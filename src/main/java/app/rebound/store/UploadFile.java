package app.rebound.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file handed to an upload: the name the merchant gave it (shown, never used as a path) and its
 * bytes.
 */
public record UploadFile(String name, Opener opener) {

  /** Opens the file's bytes; called once. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }
}
