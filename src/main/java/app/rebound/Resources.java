package app.rebound;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** The properties files shipped on the classpath: message bundles, coefficients, limits. */
public final class Resources {

  private Resources() {}

  /**
   * A UTF-8 properties file beside {@code owner} (or at an absolute {@code /app/…} path); one that
   * is missing is a broken build, said by its name, never an empty set of words.
   */
  public static Properties properties(Class<?> owner, String name) {
    try (InputStream in = owner.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            name + " (beside " + owner.getName() + ") is missing from the classpath");
      }
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
