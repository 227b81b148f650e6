package app.rebound.web;

import static app.rebound.web.Http.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.testtools.JavalinTest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that has just started answers the first page a merchant opens, the overview of the shop
 * whose data changed last, at once: it read and drew that overview while it started, before anyone
 * asked, and the request finds it ready. Nothing else is prepared.
 */
class FirstOverviewTest {

  @RegisterExtension final DataFolder data = DataFolder.now();

  @Test
  void a_served_app_prepares_the_overview_of_the_shop_changed_last_before_it_is_asked()
      throws Exception {
    SampleShop.upload(data.workspaces(), "older");
    SampleShop.upload(data.workspaces(), "latest");
    for (String shop : List.of("older", "latest")) {
      SampleShop.awaitReady(data.analyses(), shop, "zh");
    }
    AtomicInteger drawn = new AtomicInteger();
    ChartSource counting =
        (id, report, product, lang) -> {
          drawn.incrementAndGet();
          return DataFolder.CHARTS.svg(id, report, product, lang);
        };
    WebApp.Options options = WebApp.Options.defaults().withCharts(counting).withOverviewPrepared();
    JavalinTest.test(
        data.served(WebConfig.defaults(), options),
        (server, client) -> {
          awaitPreparation(drawn);
          int prepared = drawn.get();
          assertTrue(prepared > 0, "the overview's charts were drawn before any request");
          assertTrue(page(client, "/shops/latest").contains("tile-deleted"));
          assertEquals(
              prepared, drawn.get(), "the latest shop's overview was ready: nothing drawn");
          page(client, "/shops/older");
          assertEquals(2 * prepared, drawn.get(), "the other shop's overview was not prepared");
        });
  }

  /** Waits until the preparation thread has drawn and ended (30 s at most). */
  private static void awaitPreparation(AtomicInteger drawn) throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      boolean running =
          Thread.getAllStackTraces().keySet().stream()
              .anyMatch(t -> t.getName().equals("prepare-overview") && t.isAlive());
      if (drawn.get() > 0 && !running) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the overview was not prepared within 30 s");
  }
}
