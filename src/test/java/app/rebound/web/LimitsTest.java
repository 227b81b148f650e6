package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.ingest.FileKind;
import app.rebound.service.Analyses;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits a server sets on what one request may cost it: rows per file and a stalled request's
 * time.
 */
class LimitsTest {

  /** The row-limit test's own folder: it opens it twice, the second time with its limit. */
  @TempDir Path dataDir;

  /** The folder of the other tests. */
  @RegisterExtension final DataFolder data = DataFolder.now();

  @Test
  void a_file_over_the_row_limit_is_refused_whole_naming_the_file_and_the_limit() throws Exception {
    // The sample's orders have 425 data rows, its traffic 270 and its deletions 70. The shop holds
    // the orders of an earlier upload (a shop needs orders to take the other exports).
    try (Workspaces first = new Workspaces(dataDir, Clock.systemDefaultZone())) {
      first.upload(
          "demo",
          List.of(
              new UploadFile(
                  "订单明细.csv",
                  () -> Files.newInputStream(SampleShop.samples().resolve("订单明细.csv")))),
          step -> {});
    }
    try (Workspaces workspaces = new Workspaces(dataDir, Clock.systemDefaultZone(), 300);
        Analyses analyses = new Analyses(workspaces, Clock.systemDefaultZone(), 1)) {
      JavalinTest.test(
          WebApp.create(workspaces, analyses, WebConfig.defaults(), WebApp.Options.defaults()),
          (server, client) -> {
            Response response =
                Multipart.samples("订单明细.csv", "商品流量.csv", "销量删除记录.csv")
                    .postTo(client, "/api/shops/demo/uploads");
            JsonNode report = Json.MAPPER.readTree(response.body().string());
            assertEquals(200, response.code(), report.toString());
            JsonNode orders = report.at("/files/0");
            assertEquals("file_too_many_rows", orders.get("message_code").asText());
            String message = orders.get("message").asText();
            assertTrue(message.contains("订单明细.csv") && message.contains("300 data rows"), message);
            assertEquals(0, orders.get("rows_read").asLong());
            assertTrue(orders.get("changes").isNull());
            assertEquals(
                420,
                workspaces.database("demo").count(FileKind.ORDERS),
                "nothing of the refused orders file was stored: the earlier orders only");
            assertEquals(
                270,
                workspaces.database("demo").count(FileKind.TRAFFIC),
                "the files within it were");

            String page = client.get("/shops/demo/uploads?lang=zh").body().string();
            assertTrue(page.contains("订单明细.csv 超过 300 行数据"), "the page says it in Chinese");
          });
    }
  }

  @Test
  void a_request_that_stalls_longer_than_the_timeout_is_dropped() throws Exception {
    WebConfig config = WebConfig.defaults().withRequestTimeout(Duration.ofSeconds(1));
    JavalinTest.test(
        data.served(config, WebApp.Options.defaults()),
        (server, client) -> {
          long started = System.nanoTime();
          assertEquals(
              -1, stallUpload(server.port(), 10_000), "the server closed the stalled connection");
          long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
          assertTrue(seconds >= 1 && seconds < 10, seconds + " s");
        });
  }

  @Test
  void a_large_upload_part_is_spooled_inside_the_data_folder_not_the_system_temp()
      throws Exception {
    JavalinTest.test(
        data.served(WebConfig.defaults(), WebApp.Options.defaults()),
        (server, client) -> {
          try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(
                ("POST /api/shops/demo/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\n"
                        + "Content-Length: 10000000\r\n\r\n--b\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"订单明细.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            // Past the in-memory limit (1 MiB), then the client stalls mid-part.
            byte[] line = "a,b,c,d,e,f,g,h\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 2 * 1024 * 1024 / line.length; i++) {
              out.write(line);
            }
            out.flush();
            Path spool = data.workspaces().uploadTemp();
            boolean spooled = false;
            for (int i = 0; i < 50 && !spooled; i++) {
              Thread.sleep(100);
              try (Stream<Path> files = Files.list(spool)) {
                spooled = files.findAny().isPresent();
              }
            }
            assertTrue(spooled, "the part is spooled in " + spool);
          }
        });
  }

  @Test
  void a_request_within_the_timeout_is_not_dropped() throws Exception {
    WebConfig config = WebConfig.defaults().withRequestTimeout(Duration.ofSeconds(60));
    JavalinTest.test(
        data.served(config, WebApp.Options.defaults()),
        (server, client) ->
            assertThrows(
                SocketTimeoutException.class,
                () -> stallUpload(server.port(), 3_000),
                "still open after 3 s of silence"));
  }

  /**
   * Starts an upload whose body never comes, then reads until the server closes the connection: the
   * end of stream (-1), after any answer it sent. Throws SocketTimeoutException after waitMillis of
   * silence.
   */
  private static int stallUpload(int port, int waitMillis) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(waitMillis);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /api/shops/demo/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n--b\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        // an error answer may come first; the end of the connection is what counts
      }
      return n;
    }
  }
}
