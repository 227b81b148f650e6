package app.rebound.web;

import io.javalin.testtools.HttpClient;
import io.javalin.testtools.Request;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A hand-assembled multipart/form-data body, as a browser sends it, for the Javalin test client.
 */
final class Multipart {

  static final Path SAMPLES = Path.of("src/test/resources/samples/douyin-export-small");

  private final String boundary = "----ReboundTest" + UUID.randomUUID().toString().replace("-", "");
  private final ByteArrayOutputStream body = new ByteArrayOutputStream();

  static Multipart form() {
    return new Multipart();
  }

  /** A form with the named sample files, each as a part named "file". */
  static Multipart samples(String... names) {
    Multipart form = form();
    for (String name : names) {
      form.sample(name);
    }
    return form;
  }

  Multipart sample(String name) {
    try {
      return file("file", name, Files.readAllBytes(SAMPLES.resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Multipart file(String field, String filename, byte[] content) {
    write(
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + filename
            + "\"\r\n"
            + "Content-Type: text/csv\r\n\r\n");
    body.writeBytes(content);
    write("\r\n");
    return this;
  }

  Multipart file(String field, String filename, String content) {
    return file(field, filename, content.getBytes(StandardCharsets.UTF_8));
  }

  Multipart field(String name, String value) {
    write(
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\""
            + name
            + "\"\r\n\r\n"
            + value
            + "\r\n");
    return this;
  }

  String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /**
   * Posted by a script, not a browser page: it carries its own Authorization header (which a page
   * on another site cannot send), so a page route needs no form token (ForgedRequestTest covers
   * browsers' forms).
   */
  Response postTo(HttpClient client, String path) {
    return postTo(client, path, request -> request.header("Authorization", "Bearer script"));
  }

  /** Posted with more of the request set by {@code extra}, e.g. an Authorization header. */
  Response postTo(HttpClient client, String path, Consumer<Request.Builder> extra) {
    byte[] bytes = bytes();
    return client.request(
        path,
        request -> {
          request
              .post(HttpRequest.BodyPublishers.ofByteArray(bytes))
              .header("Content-Type", contentType());
          extra.accept(request);
        });
  }

  byte[] bytes() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(body.toByteArray());
    copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return copy.toByteArray();
  }

  private void write(String text) {
    body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
