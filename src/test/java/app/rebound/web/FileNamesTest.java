package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.service.Analyses;
import app.rebound.store.Workspaces;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An uploaded file's name is shown, never used as a path: names that climb out of the data folder,
 * name an absolute path, or hold NUL or backslashes leave no file anywhere but the shop's database,
 * and the report shows them as given. Jetty keeps large parts in its own temp files, named by
 * Jetty, not by the upload.
 */
class FileNamesTest {

  private static final List<String> NAMES =
      List.of(
          "../../evil.csv",
          "/tmp/evil-absolute.csv",
          "..\\..\\evil-backslash.csv",
          "C:\\Windows\\evil-drive.csv",
          "./shops/evil-dot.csv",
          "shops/s0/shop.db");

  @TempDir Path root;

  @Test
  void hostile_file_names_are_reported_as_text_and_create_no_file() throws Exception {
    Path data = root.resolve("data");
    byte[] orders = Files.readAllBytes(Multipart.SAMPLES.resolve("订单明细.csv"));
    try (Workspaces workspaces = new Workspaces(data, Clock.systemDefaultZone());
        Analyses analyses = new Analyses(workspaces, Clock.systemDefaultZone(), 1)) {
      JavalinTest.test(
          WebApp.create(workspaces, analyses, WebConfig.defaults(), WebApp.Options.defaults()),
          (server, client) -> {
            int shop = 0;
            for (String name : NAMES) {
              Response response =
                  Multipart.form()
                      .file("file", name, orders)
                      .postTo(client, "/api/shops/s" + shop++ + "/uploads");
              String body = response.body().string();
              assertEquals(200, response.code(), name + ": " + body);
              assertEquals(
                  name,
                  Json.MAPPER.readTree(body).at("/files/0/name").asText(),
                  "the report names it as given");
            }
            // The form of RFC 5987, percent-encoded, decodes to the same climbing name.
            Response encoded =
                client.request(
                    "/api/shops/encoded/uploads",
                    r ->
                        r.post(HttpRequest.BodyPublishers.ofByteArray(rfc5987Upload(orders)))
                            .header("Content-Type", "multipart/form-data; boundary=b"));
            assertEquals(200, encoded.code(), encoded.body().string());
            assertEquals(
                "../../evil-encoded.csv",
                Json.MAPPER
                    .readTree(client.get("/api/shops/encoded/ingest").body().string())
                    .at("/files/0/name")
                    .asText());
            String page = client.get("/shops/s0/uploads").body().string();
            assertTrue(page.contains("../../evil.csv"), "the uploads page shows the name");
            // Jetty refuses a part whose name holds a NUL byte: 400, nothing stored. It then closes
            // the connection without "Connection: close", so this one is sent on a connection of
            // its own, not the test client's.
            String nul =
                rawPost(
                    server.port(),
                    "/api/shops/nul/uploads",
                    Multipart.form().file("file", "evil\u0000nul.csv", orders));
            assertTrue(nul.startsWith("HTTP/1.1 400"), nul);
            assertFalse(workspaces.exists("nul"));
          });
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path path : all.toList()) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        assertFalse(
            path.getFileName().toString().toLowerCase(Locale.ROOT).contains("evil"), relative);
        if (Files.isRegularFile(path)) {
          // A shop's database and the snapshots of its rows, named by the app (kind-version.avro).
          boolean database =
              relative.split("/").length == 4 && relative.split("/")[3].startsWith("shop.db");
          boolean snapshot =
              relative.split("/").length == 5
                  && relative.split("/")[3].equals("snapshots")
                  && relative.split("/")[4].matches("[a-z_]+-\\d+\\.avro");
          assertTrue(
              relative.startsWith("data/shops/") && (database || snapshot),
              "only shop databases and their snapshots are written: " + relative);
        }
      }
    }
  }

  /**
   * While a large part (past Jetty's 1 MiB in memory) is on its way, Jetty holds it in a temp file:
   * the file is in Java's temp folder under a name Jetty makes up ("MultiPart…"), never one from
   * the upload.
   */
  @Test
  void jetty_keeps_a_large_part_in_a_temp_file_not_named_after_the_upload() throws Exception {
    byte[] big = bigOrders();
    try (Workspaces workspaces = new Workspaces(root.resolve("data"), Clock.systemDefaultZone());
        Analyses analyses = new Analyses(workspaces, Clock.systemDefaultZone(), 1)) {
      // Jetty spools large parts into the data folder's upload-tmp (emptied at start).
      Path temp = workspaces.uploadTemp();
      Set<Path> before = multipartFiles(temp);
      JavalinTest.test(
          WebApp.create(workspaces, analyses, WebConfig.defaults(), WebApp.Options.defaults()),
          (server, client) -> {
            byte[] head =
                ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../evil-big.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = "\r\n--b--\r\n".getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
              socket.setSoTimeout(60_000);
              OutputStream out = socket.getOutputStream();
              out.write(
                  ("POST /api/shops/big/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                          + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: "
                          + (head.length + big.length + tail.length)
                          + "\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
              out.write(head);
              out.write(big);
              out.flush();
              // The part is sent but the body is not finished: Jetty holds the part in a temp file
              // now.
              Set<Path> during = Set.of();
              for (int i = 0; i < 100 && during.isEmpty(); i++) {
                Thread.sleep(50);
                during = new HashSet<>(multipartFiles(temp));
                during.removeAll(before);
                during.removeIf(p -> size(p) < big.length / 2);
              }
              assertFalse(during.isEmpty(), "a temp file holds the large part while it arrives");
              try (Stream<Path> files = Files.list(temp)) {
                assertTrue(
                    files.noneMatch(p -> p.getFileName().toString().contains("evil")),
                    "no temp file is named after it");
              }
              out.write(tail);
              out.flush();
              InputStream in = socket.getInputStream();
              String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
              assertTrue(
                  answer.startsWith("HTTP/1.1 200"),
                  answer.substring(0, Math.min(300, answer.length())));
              assertTrue(answer.contains("../../evil-big.csv"), "the report names it as given");
            }
          });
    }
  }

  /**
   * Posts a form on a connection of its own and reads the whole answer, until the server closes it.
   */
  private static String rawPost(int port, String path, Multipart form) throws Exception {
    byte[] body = form.bytes();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
                  + form.contentType()
                  + "\r\nContent-Length: "
                  + body.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The sample's orders, repeated past 1 MiB (rows after the first copy update the same orders).
   */
  private static byte[] bigOrders() throws Exception {
    List<String> lines =
        Files.readAllLines(Multipart.SAMPLES.resolve("订单明细.csv"), StandardCharsets.UTF_8);
    StringBuilder csv = new StringBuilder(lines.get(0)).append("\r\n");
    while (csv.length() < 1_500_000) {
      lines.subList(1, lines.size()).forEach(line -> csv.append(line).append("\r\n"));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] rfc5987Upload(byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--b\r\nContent-Disposition: form-data; name=\"file\"; filename*=UTF-8''..%2F..%2Fevil-encoded.csv\r\n"
                + "Content-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(content);
    body.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  private static Set<Path> multipartFiles(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return new HashSet<>(
          files.filter(p -> p.getFileName().toString().startsWith("MultiPart")).toList());
    }
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (Exception gone) {
      return 0;
    }
  }
}
