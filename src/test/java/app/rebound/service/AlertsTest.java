package app.rebound.service;

import static app.rebound.service.AnalysesTest.awaitReady;
import static app.rebound.service.AnalysesTest.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.PlatformTime;
import app.rebound.store.Alert;
import app.rebound.store.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alerts reach a group robot (a local receiver standing in for 企业微信, 钉钉 and 飞书) once per event, in
 * the shape the robots accept, retried until delivered, and never hold up an upload.
 */
class AlertsTest {

  @TempDir Path data;

  /** Answers 500 to its first {@code failures} requests, then 200; records every body. */
  private HttpServer receiver;

  private final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile long answerAfterMillis;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/robot",
        exchange -> {
          try {
            Thread.sleep(answerAfterMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8)));
          int status = failures.getAndDecrement() > 0 ? 500 : 200;
          byte[] answer = "{\"errcode\":0,\"errmsg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private URI robot() {
    return URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/robot");
  }

  private static final Alerts.Retry QUICK = new Alerts.Retry(Duration.ofMillis(50), 4);

  private static List<Alert> awaitSettled(Workspaces ws, String shop, int alerts) throws Exception {
    for (int i = 0; i < 300; i++) {
      List<Alert> all = ws.database(shop).alerts();
      if (all.size() >= alerts
          && all.stream()
              .flatMap(a -> a.deliveries().stream())
              .noneMatch(d -> Alert.PENDING.equals(d.state()))) {
        return all;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("alerts not settled: " + ws.database(shop).alerts());
  }

  @Test
  void each_new_deletion_batch_is_sent_once_naming_the_shop_its_notice_and_its_orders()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone());
        Alerts alerts = new Alerts(ws, List.of(robot()), Clock.systemDefaultZone(), "zh", QUICK)) {
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      analyses.listen(alerts);
      ws.upload("s", List.of(sample("订单明细.csv"), sample("销量删除记录.csv")), p -> {});
      awaitReady(analyses, "s", "zh");
      List<Alert> raised = awaitSettled(ws, "s", 2);
      assertEquals(2, raised.size(), "one alert per batch of the sample");
      assertEquals(2, received.size());
      for (JsonNode message : received) {
        assertEquals("text", message.get("msgtype").asText());
        String content = message.at("/text/content").asText();
        assertTrue(content.contains("店铺 s"), content);
        assertTrue(content.contains("违规单号 WG"), content);
        assertTrue(content.matches("(?s).*\\d{19}.*"), "names the orders: " + content);
        // Months after the sample's notices: no alert urges an appeal that can no longer be made.
        // stated as its last minute, as every deadline is
        assertTrue(
            content.matches("(?s).*已于 \\d{4}年\\d{1,2}月\\d{1,2}日 23:59（北京时间）截止，不能再申诉.*")
                || content.contains("没有值得申诉"),
            content);
        assertTrue(!content.contains("请尽快"), content);
      }
      for (Alert a : raised) {
        assertEquals("new_deletion", a.kind());
        assertEquals(Alert.DELIVERED, a.deliveries().get(0).state());
        assertEquals(1, a.deliveries().get(0).attempts());
        // sent in Chinese, kept in both: the English alerts page reads in English
        assertEquals(a.text(), a.text(true));
        assertTrue(
            a.text(false).contains("Shop s") && a.text(false).contains("notice WG"), a.text(false));
        assertTrue(!a.text(false).matches("(?s).*[\\x{4e00}-\\x{9fff}].*"), a.text(false));
      }
      // New data, a new analysis, the same batches: nothing is sent again.
      ws.upload("s", List.of(sample("评价.csv")), p -> {});
      awaitReady(analyses, "s", "zh");
      Thread.sleep(300);
      assertEquals(2, ws.database("s").alerts().size());
      assertEquals(2, received.size());
      analyses.close();
    }
  }

  @Test
  void without_a_group_robot_each_batch_still_raises_one_alert_listed_in_the_app()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone());
        Alerts alerts = new Alerts(ws, List.of(), Clock.systemDefaultZone(), "zh", QUICK)) {
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      analyses.listen(alerts);
      ws.upload("s", List.of(sample("订单明细.csv"), sample("销量删除记录.csv")), p -> {});
      awaitReady(analyses, "s", "zh");
      List<Alert> raised = awaitSettled(ws, "s", 2);
      assertEquals(2, raised.size(), "one alert per batch of the sample");
      for (Alert a : raised) {
        assertEquals("new_deletion", a.kind());
        assertTrue(a.deliveries().isEmpty(), "nothing to deliver to: " + a);
      }
      assertEquals(0, received.size());
      analyses.close();
    }
  }

  @Test
  void a_failed_delivery_is_retried_until_the_robot_takes_it_and_given_up_after_the_last_attempt()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone());
        Alerts alerts = new Alerts(ws, List.of(robot()), Clock.systemDefaultZone(), "en", QUICK)) {
      ws.upload("s", List.of(sample("订单明细.csv")), p -> {});
      failures.set(2);
      alerts.failed("s", 1, "OutOfMemoryError: Java heap space");
      Alert delivered = awaitSettled(ws, "s", 1).get(0);
      assertEquals(Alert.DELIVERED, delivered.deliveries().get(0).state());
      assertEquals(3, delivered.deliveries().get(0).attempts());
      assertEquals(3, received.size(), "two refused, the third taken");
      String content = received.get(2).at("/text/content").asText();
      assertTrue(content.contains("Shop s") && content.contains("OutOfMemoryError"), content);

      failures.set(100);
      alerts.failed("s", 2, "IllegalStateException: x");
      Alert given = awaitSettled(ws, "s", 2).get(0);
      assertEquals("analysis_failed:2", given.key());
      assertEquals(Alert.FAILED, given.deliveries().get(0).state());
      assertEquals(QUICK.attempts(), given.deliveries().get(0).attempts());
      assertEquals("HTTP 500", given.deliveries().get(0).lastError());
    }
  }

  @Test
  void an_appeal_window_with_under_48_hours_left_raises_one_alert() throws Exception {
    // 35 hours before the sample's open group closes (WG3B1, deadline 2026-06-06 00:00 Beijing).
    Clock clock =
        Clock.fixed(
            LocalDateTime.of(2026, 6, 4, 13, 0).atZone(PlatformTime.ZONE).toInstant(),
            PlatformTime.ZONE);
    try (Workspaces ws = new Workspaces(data, clock);
        Alerts alerts = new Alerts(ws, List.of(robot()), clock, "zh", QUICK)) {
      Analyses analyses = new Analyses(ws, clock, 1);
      analyses.listen(alerts);
      ws.upload("s", List.of(sample("订单明细.csv"), sample("销量删除记录.csv")), p -> {});
      awaitReady(analyses, "s", "zh");
      alerts.checkDeadlinesEvery(
          Duration.ofMillis(100),
          shop -> {
            try {
              return analyses.appeal(shop);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          });
      List<Alert> raised = awaitSettled(ws, "s", 3);
      Thread.sleep(400); // several checks later: still one deadline alert
      List<Alert> deadlines =
          ws.database("s").alerts().stream().filter(a -> a.kind().equals("deadline")).toList();
      assertEquals(1, deadlines.size(), raised.toString());
      assertTrue(deadlines.get(0).text().contains("35 小时"), deadlines.get(0).text());
      // Inside the window, the deletion's own alert gives the deadline instead.
      assertTrue(
          ws.database("s").alerts().stream()
              .anyMatch(a -> a.text().contains("请在 2026年6月5日 23:59 前（北京时间）提交申诉")),
          ws.database("s").alerts().toString());
      analyses.close();
    }
  }

  @Test
  void a_webhook_that_does_not_answer_never_holds_up_the_upload_or_its_analysis() throws Exception {
    answerAfterMillis = 5_000;
    try (Workspaces ws = new Workspaces(data, Clock.systemDefaultZone());
        Alerts alerts = new Alerts(ws, List.of(robot()), Clock.systemDefaultZone(), "zh", QUICK)) {
      Analyses analyses = new Analyses(ws, Clock.systemDefaultZone(), 1);
      analyses.listen(alerts);
      long start = System.nanoTime();
      ws.upload("s", List.of(sample("订单明细.csv"), sample("销量删除记录.csv")), p -> {});
      assertEquals(Analyses.State.READY, awaitReady(analyses, "s", "zh").state());
      // Another shop's upload and analysis while the robot still holds the first delivery.
      ws.upload("t", List.of(sample("订单明细.csv")), p -> {});
      assertEquals(Analyses.State.READY, awaitReady(analyses, "t", "zh").state());
      assertTrue(received.isEmpty(), "the robot has not answered yet");
      assertTrue(System.nanoTime() - start < 60_000_000_000L, "uploads and analyses did not wait");
      analyses.close();
    }
  }

  @Test
  void only_http_addresses_with_a_host_are_taken_as_webhooks() {
    assertEquals(
        "https",
        Alerts.webhook("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K").getScheme());
    for (String bad : List.of("ftp://x/y", "file:///etc/passwd", "not a url", "http:///nohost")) {
      IllegalArgumentException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              IllegalArgumentException.class, () -> Alerts.webhook(bad));
      assertTrue(e.getMessage().contains(bad), e.getMessage());
    }
  }

  @Test
  void a_robot_that_answers_200_with_an_error_code_has_not_taken_the_message() {
    assertEquals(null, Alerts.refusal("{\"errcode\":0,\"errmsg\":\"ok\"}"));
    assertEquals(null, Alerts.refusal("{\"code\":0,\"msg\":\"success\"}"));
    assertEquals(null, Alerts.refusal("ok"));
    assertEquals(
        "errcode 93000: invalid webhook url",
        Alerts.refusal("{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"));
    assertEquals(
        "code 19001: param invalid", Alerts.refusal("{\"code\":19001,\"msg\":\"param invalid\"}"));
  }
}
