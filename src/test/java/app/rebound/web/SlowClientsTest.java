package app.rebound.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Slow;
import app.rebound.ingest.FileKind;
import app.rebound.service.Analyses;
import app.rebound.store.Workspaces;
import io.javalin.testtools.JavalinTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 250 clients that send a byte of an upload's body every 4 s once held every server thread: no page
 * answered until they timed out. Now the server keeps answering everyone else (and clients dripping
 * their headers too), cuts the dripping bodies off 32 at a time, and reads an upload sent after
 * them once they are gone.
 */
@Slow
class SlowClientsTest {

  private static final int DRIPPERS = 250;
  private static final int HEADER_DRIPPERS = 50;
  private static final Duration DRIP_EVERY = Duration.ofSeconds(4);

  /** Rounds of drips before every dripping body must be gone: 250 / 32 batches of two drips. */
  private static final int MAX_ROUNDS = 40;

  @TempDir Path dataDir;

  @Test
  void clients_dripping_a_byte_every_4_s_do_not_stall_the_others() throws Exception {
    try (Workspaces workspaces = new Workspaces(dataDir, Clock.systemDefaultZone());
        Analyses analyses = new Analyses(workspaces, Clock.systemDefaultZone(), 1)) {
      JavalinTest.test(
          WebApp.create(workspaces, analyses, WebConfig.defaults(), WebApp.Options.defaults()),
          (server, client) -> {
            String base = "http://127.0.0.1:" + server.port();
            PageWatch shops = PageWatch.start(URI.create(base + "/api/shops"));
            List<Socket> bodies = new ArrayList<>();
            List<Socket> headers = new ArrayList<>();
            try {
              for (int i = 0; i < DRIPPERS; i++) {
                bodies.add(open(server.port(), uploadStart()));
              }
              for (int i = 0; i < HEADER_DRIPPERS; i++) {
                headers.add(
                    open(server.port(), "GET /api/shops HTTP/1.1\r\nHost: 127.0.0.1\r\nX-"));
              }
              Multipart orders = Multipart.samples("订单明细.csv");
              CompletableFuture<HttpResponse<String>> upload =
                  HttpClient.newHttpClient()
                      .sendAsync(
                          HttpRequest.newBuilder(URI.create(base + "/api/shops/demo/uploads"))
                              .header("Content-Type", orders.contentType())
                              .header("Authorization", "Bearer script")
                              .POST(HttpRequest.BodyPublishers.ofByteArray(orders.bytes()))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
              for (int round = 0; round < 3 || !upload.isDone(); round++) {
                assertTrue(round < MAX_ROUNDS, "the upload is still waiting");
                Thread.sleep(DRIP_EVERY.toMillis());
                drip(bodies);
                drip(headers);
              }
              assertEquals(List.of(), shops.stop(), "the shop list answered all along");
              assertTrue(shops.answered() > 10, shops.answered() + " answers");
              assertEquals(
                  200, upload.get().statusCode(), "the upload sent behind them is read and stored");

              // Those let in last are cut at their next drip: keep dripping until none is left.
              List<Socket> uncut = new ArrayList<>(bodies);
              for (int round = 0; round < MAX_ROUNDS && !uncut.isEmpty(); round++) {
                Thread.sleep(DRIP_EVERY.toMillis());
                drip(uncut);
                uncut.removeIf(SlowClientsTest::closedByServer);
              }
              assertEquals(
                  0, uncut.size(), "every body dripping slower than the minimum rate is cut off");
            } finally {
              shops.stop();
              for (Socket socket : bodies) {
                socket.close();
              }
              for (Socket socket : headers) {
                socket.close();
              }
            }
          });
    }
  }

  /**
   * Asks for a page every quarter second on a thread of its own and keeps what went wrong: an
   * answer other than 200, or none within 10 s (without the limits, the first waited 90 s).
   */
  private static final class PageWatch {
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    private volatile boolean stopped;
    private Thread thread;

    static PageWatch start(URI page) {
      PageWatch watch = new PageWatch();
      HttpClient http = HttpClient.newHttpClient();
      watch.thread =
          new Thread(
              () -> {
                long started = System.nanoTime();
                while (!watch.stopped) {
                  String at = (System.nanoTime() - started) / 1_000_000 + " ms";
                  try {
                    HttpResponse<String> response =
                        http.send(
                            HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                      watch.answered.incrementAndGet();
                    } else {
                      watch.failures.add(at + ": " + response.statusCode());
                    }
                    Thread.sleep(250);
                  } catch (InterruptedException stop) {
                    return;
                  } catch (IOException e) {
                    watch.failures.add(at + ": " + e);
                  }
                }
              });
      watch.thread.start();
      return watch;
    }

    /** The failures seen, once the thread has ended. */
    List<String> stop() throws InterruptedException {
      stopped = true;
      thread.join();
      return List.copyOf(failures);
    }

    int answered() {
      return answered.get();
    }
  }

  @Test
  void an_upload_slower_than_a_fast_link_but_above_the_minimum_rate_is_read_whole()
      throws Exception {
    // 20 kB of orders at 2 kB a second: ten seconds, twice the minimum rate.
    List<String> lines = Files.readAllLines(Multipart.SAMPLES.resolve("订单明细.csv"));
    StringBuilder csv = new StringBuilder();
    for (String line : lines) {
      if (csv.length() + line.length() > 20_000) {
        break;
      }
      csv.append(line).append('\n');
    }
    Multipart form = Multipart.form().file("file", "订单明细.csv", csv.toString());
    byte[] body = form.bytes();
    try (Workspaces workspaces = new Workspaces(dataDir, Clock.systemDefaultZone());
        Analyses analyses = new Analyses(workspaces, Clock.systemDefaultZone(), 1)) {
      JavalinTest.test(
          WebApp.create(workspaces, analyses, WebConfig.defaults(), WebApp.Options.defaults()),
          (server, client) -> {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
              OutputStream out = socket.getOutputStream();
              out.write(
                  ("POST /api/shops/demo/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          + "Authorization: Bearer script\r\nConnection: close\r\n"
                          + "Content-Type: "
                          + form.contentType()
                          + "\r\nContent-Length: "
                          + body.length
                          + "\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
              int chunk = 2 * 1024 / 4;
              for (int from = 0; from < body.length; from += chunk) {
                out.write(body, from, Math.min(chunk, body.length - from));
                out.flush();
                Thread.sleep(250);
              }
              String answer =
                  new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
              assertTrue(
                  workspaces.database("demo").count(FileKind.ORDERS) > 0, "the orders are stored");
            }
          });
    }
  }

  /** An upload's request line, headers and the first byte of a 100 kB body. */
  private static String uploadStart() {
    return "POST /api/shops/demo/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n-";
  }

  private static Socket open(int port, String start) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
    return socket;
  }

  private static void drip(List<Socket> sockets) {
    for (Socket socket : sockets) {
      try {
        socket.getOutputStream().write('-');
      } catch (IOException closedByServer) {
        // cut off already; counted below
      }
    }
  }

  /** Whether the server has ended the connection (after any error answer it sent). */
  private static boolean closedByServer(Socket socket) {
    try {
      socket.setSoTimeout(5);
      byte[] buffer = new byte[8192];
      while (socket.getInputStream().read(buffer) >= 0) {
        // an error answer may come first; the end of the connection is what counts
      }
      return true;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } catch (IOException reset) {
      return true;
    }
  }
}
