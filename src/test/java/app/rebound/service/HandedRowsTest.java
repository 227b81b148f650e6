package app.rebound.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.sim.ShopSimulator;
import app.rebound.sim.SimConfig;
import app.rebound.store.RowsInHand;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server analyses a shop's first upload from the rows it has just parsed, not from a million rows
 * read back from SQLite: the analysis must be the one the store would give, and rows in hand that
 * no longer stand for the shop's data (a later upload came first) must not be read.
 */
class HandedRowsTest {

  @TempDir static Path shop;
  @TempDir Path data;
  @TempDir Path other;

  static List<UploadFile> orders;
  static List<UploadFile> rest;

  @BeforeAll
  static void simulate() throws Exception {
    ShopSimulator.write(SimConfig.defaults().withSeed(7).withDays(60), shop);
    List<UploadFile> csvs =
        RowsInHandTest.folder(shop).stream().filter(f -> f.name().endsWith(".csv")).toList();
    orders = csvs.stream().filter(f -> !f.name().equals("评价.csv")).toList();
    rest = csvs.stream().filter(f -> f.name().equals("评价.csv")).toList();
    assertEquals(1, rest.size());
  }

  @Test
  void a_first_upload_is_analysed_from_its_rows_in_hand_as_from_the_store() throws Exception {
    List<UploadFile> all =
        RowsInHandTest.folder(shop).stream().filter(f -> f.name().endsWith(".csv")).toList();
    try (Workspaces served = new Workspaces(data, RowsInHandTest.CLOCK);
        Workspaces stored = new Workspaces(other, RowsInHandTest.CLOCK)) {
      Analyses fromHand = new Analyses(served, RowsInHandTest.CLOCK, 1);
      new ShopChanges(served, fromHand, new UploadProgress()).upload("shop", all);
      Analyses fromStore = new Analyses(stored, RowsInHandTest.CLOCK, 1);
      stored.upload("shop", all, s -> {});
      fromStore.submit("shop");
      assertSameAnalyses(fromStore, fromHand);
      assertTrue(
          Files.exists(data.resolve("shops/shop/snapshots/orders-1.avro")),
          "the orders in hand are kept as the snapshot the next analysis reads");
      fromHand.close();
      fromStore.close();
    }
  }

  @Test
  void rows_in_hand_of_an_older_upload_are_not_analysed() throws Exception {
    try (Workspaces served = new Workspaces(data, RowsInHandTest.CLOCK);
        Workspaces stored = new Workspaces(other, RowsInHandTest.CLOCK)) {
      RowsInHand first = StoredShop.rowsInHand();
      served.upload("shop", orders, s -> {}, first);
      served.upload("shop", rest, s -> {}); // the reviews came after: the hand has none of them
      Analyses fromHand = new Analyses(served, RowsInHandTest.CLOCK, 1);
      fromHand.submit("shop", first);
      Analyses fromStore = new Analyses(stored, RowsInHandTest.CLOCK, 1);
      stored.upload("shop", orders, s -> {});
      stored.upload("shop", rest, s -> {});
      fromStore.submit("shop");
      assertSameAnalyses(fromStore, fromHand);
      var trust = Json.MAPPER.readTree(AnalysesTest.awaitReady(fromHand, "shop", "zh").json());
      assertTrue(trust.at("/trust/shop").size() > 0, "the stored reviews were read");
      fromHand.close();
      fromStore.close();
    }
  }

  private static void assertSameAnalyses(Analyses expected, Analyses actual) throws Exception {
    for (String part : List.of("zh", "en", Analyses.APPEAL)) {
      Analyses.Status e = AnalysesTest.awaitReady(expected, "shop", part);
      Analyses.Status a = AnalysesTest.awaitReady(actual, "shop", part);
      assertEquals(Analyses.State.READY, e.state(), part);
      assertEquals(e.json(), a.json(), part);
    }
  }
}
