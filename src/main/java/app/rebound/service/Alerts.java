package app.rebound.service;

import app.rebound.Json;
import app.rebound.PlatformTime;
import app.rebound.Resources;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.BatchCause;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.OrderEvidence;
import app.rebound.store.Alert;
import app.rebound.store.AlertText;
import app.rebound.store.ShopDatabase;
import app.rebound.store.ShopSummary;
import app.rebound.store.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the merchant outside the app when something needs them: a new deletion batch, an appeal
 * window with under 48 hours left, an analysis that failed. Each event raises one alert (its key is
 * unique per shop, in the shop's database), posted to every webhook as the text message the 企业微信,
 * 钉钉 and 飞书 group robots accept ({"msgtype":"text","text":{"content":…}}), retried with doubling
 * delays until it is delivered or the attempts run out, and listed on the alerts page with its
 * delivery state. Raising and sending run on their own thread: an upload or an analysis never waits
 * for a webhook.
 */
public final class Alerts implements Analyses.Listener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

  /** A window closing within this many hours raises its alert. */
  public static final int DEADLINE_HOURS = 48;

  /** Order ids named in a deletion's alert; the rest are counted. */
  static final int ORDERS_NAMED = 10;

  /**
   * How deliveries are retried.
   *
   * @param firstDelay the wait before the second attempt; it doubles after each failure
   * @param attempts attempts in all before a delivery is given up as failed
   */
  public record Retry(Duration firstDelay, int attempts) {
    public static final Retry DEFAULT = new Retry(Duration.ofSeconds(10), 6);
  }

  private final Workspaces workspaces;
  private final List<String> webhooks;
  private final Clock clock;
  private final boolean sendZh;
  private final Retry retry;
  private final HttpClient http;
  private final ScheduledExecutorService sender =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread t = new Thread(runnable, "alerts");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param lang "zh" or "en": the language the alerts are sent in (each is kept in both, so the
   *     alerts page reads in its reader's)
   */
  public Alerts(Workspaces workspaces, List<URI> webhooks, Clock clock, String lang, Retry retry) {
    this.workspaces = workspaces;
    this.webhooks = webhooks.stream().map(URI::toString).toList();
    this.clock = clock;
    this.sendZh = !"en".equals(lang);
    this.retry = retry;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /**
   * A webhook address as given on the command line: http or https with a host, else refused with
   * the reason.
   */
  public static URI webhook(String value) {
    URI uri;
    try {
      uri = URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("alert webhook '" + value + "' is not a URL");
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "alert webhook '" + value + "' must be an http:// or https:// address with a host");
    }
    return uri;
  }

  private static final Properties ZH = Resources.properties(Alerts.class, "alerts_zh.properties");
  private static final Properties EN = Resources.properties(Alerts.class, "alerts_en.properties");

  /** An alert's words in one language. */
  @FunctionalInterface
  private interface Wording {
    String in(boolean zh);
  }

  private static String text(boolean zh, String key, Object... args) {
    String pattern = (zh ? ZH : EN).getProperty(key);
    for (int i = 0; i < args.length; i++) {
      pattern = pattern.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return pattern;
  }

  @Override
  public void saved(String shop, ImpactAnalysis.Result result, AppealReport appeal) {
    later(() -> raiseFor(shop, result, appeal), 0);
  }

  @Override
  public void failed(String shop, long version, String error) {
    later(
        () ->
            raise(
                shop,
                "analysis_failed:" + version,
                "analysis_failed",
                zh -> text(zh, "analysis_failed", shop, error)),
        0);
  }

  /** Checks every shop's open appeal windows now, then again every {@code every}. */
  public void checkDeadlinesEvery(
      Duration every, Function<String, Optional<AppealReport>> appealOf) {
    sender.scheduleWithFixedDelay(
        () -> {
          try {
            for (ShopSummary s : workspaces.list()) {
              appealOf.apply(s.id()).ifPresent(appeal -> raiseDeadlines(s.id(), appeal));
            }
          } catch (Exception e) {
            LOG.warn("checking appeal deadlines for alerts failed", e);
          }
        },
        0,
        every.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Sends what a stopped server left undelivered. */
  public void resumePending() {
    sender.execute(
        () -> {
          try {
            for (ShopSummary s : workspaces.list()) {
              for (Alert alert : workspaces.database(s.id()).pendingAlerts()) {
                for (Alert.Delivery d : alert.deliveries()) {
                  if (Alert.PENDING.equals(d.state())) {
                    send(s.id(), alert.id(), alert.text(), d.url(), d.attempts());
                  }
                }
              }
            }
          } catch (Exception e) {
            LOG.warn("resuming alert deliveries failed", e);
          }
        });
  }

  private void raiseFor(String shop, ImpactAnalysis.Result result, AppealReport appeal) {
    LocalDateTime now = PlatformTime.now(clock);
    for (BatchCause batch : result.causes()) {
      List<String> orders =
          appeal.orders().stream()
              .filter(o -> batch.id().equals(o.batch()))
              .map(OrderEvidence::orderId)
              .toList();
      raise(
          shop,
          "deletion:" + batch.id(),
          "new_deletion",
          zh ->
              text(
                  zh,
                  "new_deletion",
                  shop,
                  batch.id(),
                  batch.date(),
                  batch.orders(),
                  named(zh, orders),
                  text(
                      zh,
                      "cause." + (batch.odds().undecided() ? "undecided" : batch.likelyCause())),
                  window(zh, batch, appeal, now)));
    }
    raiseDeadlines(shop, appeal);
  }

  /**
   * What the merchant can still do about the batch: the latest deadline of its groups still open,
   * or that its window has closed (an old notice found in a first upload).
   */
  private static String window(
      boolean zh, BatchCause batch, AppealReport appeal, LocalDateTime now) {
    var deadlines =
        appeal.groups().stream()
            .filter(g -> batch.id().equals(g.batch()))
            .map(AppealGroup::deadline)
            .sorted()
            .toList();
    if (deadlines.isEmpty()) {
      return text(zh, "window.none");
    }
    LocalDateTime last = deadlines.get(deadlines.size() - 1);
    return now.isBefore(last)
        ? text(zh, "window.open", PlatformTime.deadline(last, zh))
        : text(zh, "window.closed", PlatformTime.lastMinute(last, zh));
  }

  private static String named(boolean zh, List<String> orders) {
    if (orders.size() <= ORDERS_NAMED) {
      return String.join(", ", orders);
    }
    return text(
        zh,
        "more_orders",
        String.join(", ", orders.subList(0, ORDERS_NAMED)),
        orders.size() - ORDERS_NAMED);
  }

  /**
   * One alert per notice whose window closes within DEADLINE_HOURS: its groups (products, reasons)
   * share the notice's deadline, so the merchant hears of it once, with all their orders.
   */
  private void raiseDeadlines(String shop, AppealReport appeal) {
    LocalDateTime now = PlatformTime.now(clock);
    Map<String, List<AppealGroup>> closing = new LinkedHashMap<>();
    for (AppealGroup g : appeal.groups()) {
      if (!g.closed(now) && g.hoursLeft(now) < DEADLINE_HOURS) {
        closing.computeIfAbsent(g.batch(), b -> new ArrayList<>()).add(g);
      }
    }
    closing.forEach(
        (batch, groups) -> {
          AppealGroup first =
              groups.stream().min(Comparator.comparing(AppealGroup::deadline)).orElseThrow();
          raise(
              shop,
              "deadline:" + batch,
              "deadline",
              zh ->
                  text(
                      zh,
                      "deadline",
                      shop,
                      batch,
                      groups.stream()
                          .map(AppealGroup::productName)
                          .distinct()
                          .collect(Collectors.joining(zh ? "、" : ", ")),
                      groups.stream().mapToInt(g -> g.orders().size()).sum(),
                      first.hoursLeft(now),
                      PlatformTime.deadline(first.deadline(), zh)));
        });
  }

  private void raise(String shop, String key, String kind, Wording wording) {
    AlertText text = new AlertText(wording.in(true), wording.in(false), sendZh);
    try {
      if (!workspaces.exists(shop)) {
        return; // deleted since the event: opening it would make it again, empty
      }
      ShopDatabase db = workspaces.database(shop);
      Optional<Long> id = db.raiseAlert(key, kind, text, webhooks, PlatformTime.now(clock));
      if (id.isPresent()) {
        for (String url : webhooks) {
          send(shop, id.get(), text.sent(), url, 0);
        }
      }
    } catch (Exception e) {
      LOG.warn("raising the alert {} of shop {} failed", key, shop, e);
    }
  }

  /** One attempt now; on failure the next is scheduled, until the attempts run out. */
  private void send(String shop, long alertId, String text, String url, int attemptsSoFar) {
    String error = post(url, text);
    if (Thread.currentThread().isInterrupted()) {
      return; // the server is stopping: the delivery stays pending and resumes at the next start
    }
    int attempts = attemptsSoFar + 1;
    String state =
        error == null
            ? Alert.DELIVERED
            : attempts >= retry.attempts() ? Alert.FAILED : Alert.PENDING;
    try {
      workspaces
          .database(shop)
          .recordAlertAttempt(alertId, url, state, error, PlatformTime.now(clock));
    } catch (Exception e) {
      LOG.warn("recording an alert delivery of shop {} failed", shop, e);
      return;
    }
    if (Alert.PENDING.equals(state)) {
      long delay = retry.firstDelay().toMillis() << Math.min(attemptsSoFar, 20);
      sender.schedule(() -> send(shop, alertId, text, url, attempts), delay, TimeUnit.MILLISECONDS);
    }
  }

  /** The robots' text message; null when accepted, else why not. */
  private String post(String url, String text) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("msgtype", "text");
    body.putObject("text").put("content", text);
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(15))
                  .header("Content-Type", "application/json; charset=utf-8")
                  .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        return "HTTP " + response.statusCode();
      }
      return refusal(response.body());
    } catch (IOException e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * The robots answer 200 also when they refuse (a wrong key, a rate limit): 企业微信 and 钉钉 with a
   * non-zero errcode, 飞书 with a non-zero code.
   */
  static String refusal(String body) {
    try {
      JsonNode json = Json.MAPPER.readTree(body);
      for (String field : List.of("errcode", "code", "StatusCode")) {
        JsonNode code = json.path(field);
        if (code.isNumber() && code.asLong() != 0) {
          String message =
              json.path("errmsg")
                  .asText(json.path("msg").asText(json.path("StatusMessage").asText("")));
          return field + " " + code.asLong() + (message.isEmpty() ? "" : ": " + message);
        }
      }
    } catch (IOException | RuntimeException notJson) {
      // A plain 2xx answer without JSON (a generic receiver) counts as delivered.
    }
    return null;
  }

  /**
   * Runs work on the alerts thread after a delay; once the server stops, nothing more is taken (a
   * pending delivery resumes at the next start, an event not yet raised is raised by the next
   * analysis or deadline check).
   */
  private void later(Runnable work, long delayMillis) {
    try {
      sender.schedule(work, delayMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopping) {
      LOG.debug("alerts stopped; not scheduled");
    }
  }

  @Override
  public void close() throws InterruptedException {
    sender.shutdownNow();
    sender.awaitTermination(10, TimeUnit.SECONDS);
  }
}
