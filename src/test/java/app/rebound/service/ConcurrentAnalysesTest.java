package app.rebound.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.Slow;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.DeletedOrders;
import app.rebound.store.CaseConflictException;
import app.rebound.store.DataVersion;
import app.rebound.store.ShopDatabase;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers of a shop's analysis while its data keeps changing (uploads, and approved appeals that
 * give sales back) and its analysis is redone after each change: every finished answer reads whole,
 * and its Chinese, English and appeal parts are all of the data version it was asked at.
 */
@Slow
class ConcurrentAnalysesTest {

  static final String SHOP = "s";
  static final long WRITER_SECONDS = 15;
  static final String DELETIONS_HEADER = "子订单编号,主订单编号,商品ID,处理时间,处理原因,违规单号\n";

  @TempDir Path data;

  /**
   * One reader's look at one part of the analysis, asked while the data version stayed the same.
   */
  record Seen(DataVersion version, String part, long deletedOrders) {}

  /** Orders of the sample that are not deleted yet: main order id, sub-order id and product. */
  static List<String[]> undeletedOrders() throws Exception {
    Set<String> deleted = new HashSet<>();
    for (String line : resource("销量删除记录.csv").split("\n")) {
      deleted.add(line.split(",")[0].strip());
    }
    List<String[]> out = new ArrayList<>();
    for (String line : resource("订单明细.csv").split("\n")) {
      String[] f = line.split(",", -1);
      if (f.length == 31 && f[14].equals("已完成") && !deleted.contains(f[1].strip())) {
        out.add(new String[] {f[0].strip(), f[1].strip(), f[5].strip()});
      }
    }
    return out;
  }

  static String resource(String name) throws Exception {
    try (InputStream in =
        ConcurrentAnalysesTest.class.getResourceAsStream("/samples/douyin-export-small/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * A deletions export of one more order, in the sample's batch (notice WG3B1, processed May 30).
   */
  static UploadFile deletionOf(String[] order, int n) {
    String csv =
        DELETIONS_HEADER
            + "\t"
            + order[1]
            + ",\t"
            + order[0]
            + ",\t"
            + order[2]
            + ",2026/05/30,疑似虚假交易，销量已扣除,WG3B1\n";
    return new UploadFile(
        "销量删除记录-" + n + ".csv",
        () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
  }

  static long deletedOrders(String json) throws Exception {
    JsonNode report = Json.MAPPER.readTree(json); // throws unless the JSON is whole
    assertTrue(report.at("/deletions/orders").isNumber(), "a report without deletions");
    return report.at("/deletions/orders").asLong();
  }

  @Test
  @Timeout(60)
  void readers_never_see_a_half_updated_analysis_while_uploads_and_reanalyses_run()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, RestoredSalesTest.JUNE_2)) {
      Analyses analyses = new Analyses(ws, RestoredSalesTest.JUNE_2, 1);
      AppealCases cases = new AppealCases(ws, analyses);
      RestoredSalesTest.uploadSample(ws);
      ShopDatabase db = ws.database(SHOP);
      // What the analysis of each version of the data must count as deleted, written by the one
      // writer.
      Map<DataVersion, Long> expected = new ConcurrentHashMap<>();
      expected.put(
          db.dataVersion().orElseThrow(), (long) DeletedOrders.of(StoredShop.load(db)).rowCount());

      AtomicBoolean writing = new AtomicBoolean(true);
      Queue<Seen> seen = new ConcurrentLinkedQueue<>();
      Queue<String> problems = new ConcurrentLinkedQueue<>();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        Future<int[]> writer =
            pool.submit(
                () -> {
                  try {
                    return write(ws, db, analyses, cases, expected);
                  } finally {
                    writing.set(false);
                  }
                });
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
          readers.add(
              pool.submit(
                  () -> {
                    while (writing.get()) {
                      read(db, analyses, seen, problems);
                    }
                    return null;
                  }));
        }
        int[] changes = writer.get(50, TimeUnit.SECONDS);
        for (Future<?> reader : readers) {
          reader.get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(), List.copyOf(problems));
        assertTrue(
            changes[0] >= 5 && changes[1] >= 1,
            "too few changes to test anything: "
                + changes[0]
                + " uploads, "
                + changes[1]
                + " approved appeals");
        assertTrue(
            seen.size() >= 30,
            "too few finished answers read while the data stayed put: " + seen.size());
        for (Seen s : seen) {
          assertEquals(
              expected.get(s.version()),
              s.deletedOrders(),
              () -> s.part() + " of " + s.version() + " counted another version's deleted orders");
        }
      } finally {
        pool.shutdownNow();
        analyses.close();
      }
    }
  }

  /**
   * The one writer: uploads one more deleted order at a time and asks for its analysis. Every third
   * time it waits for that analysis and opens an appeal case for a group still open, then approves
   * it (which gives its sales back and drops the stored analysis) just after the next upload, while
   * that upload's analysis runs. Records the deleted orders each version of the data holds. Returns
   * uploads and approvals made.
   */
  static int[] write(
      Workspaces ws,
      ShopDatabase db,
      Analyses analyses,
      AppealCases cases,
      Map<DataVersion, Long> expected)
      throws Exception {
    List<String[]> candidates = undeletedOrders();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WRITER_SECONDS);
    int uploads = 0;
    int approvals = 0;
    Long pending = null;
    for (int i = 0; i < candidates.size() && System.nanoTime() < end; i++) {
      ws.upload(SHOP, List.of(deletionOf(candidates.get(i), i)), p -> {});
      uploads++;
      expected.put(
          db.dataVersion().orElseThrow(), (long) DeletedOrders.of(StoredShop.load(db)).rowCount());
      analyses.submit(SHOP);
      if (pending != null) {
        cases.change(
            SHOP,
            pending,
            new AppealCases.Request("submitted", LocalDate.of(2026, 6, 1), null, null, null));
        cases.change(
            SHOP, pending, new AppealCases.Request("approved", null, "sales restored", null, null));
        approvals++;
        expected.put(
            db.dataVersion().orElseThrow(),
            (long) DeletedOrders.of(StoredShop.load(db)).rowCount());
        pending = null;
      }
      if (i % 3 == 2) {
        AnalysesTest.awaitReady(analyses, SHOP, Analyses.APPEAL);
        pending = openCase(analyses, cases);
      }
    }
    return new int[] {uploads, approvals};
  }

  /**
   * A new case for the first group of the current analysis whose window is open and has no case
   * under way.
   */
  static Long openCase(Analyses analyses, AppealCases cases) throws Exception {
    LocalDateTime now = LocalDateTime.now(RestoredSalesTest.JUNE_2);
    for (AppealGroup group : analyses.appeal(SHOP).map(AppealReport::groups).orElse(List.of())) {
      if (!group.closed(now)) {
        try {
          return cases.open(SHOP, group.id()).appealCase().id();
        } catch (CaseConflictException e) {
          // the group already has a case under way
        }
      }
    }
    return null;
  }

  /**
   * One reader's look at every part: each finished part must read whole. When the data version is
   * the same before and after, every part answered is of that version, so it is kept to check
   * against the count the writer recorded, and a part cannot be missing once an earlier one was
   * there (they are stored together).
   */
  static void read(ShopDatabase db, Analyses analyses, Queue<Seen> seen, Queue<String> problems)
      throws Exception {
    DataVersion before = db.dataVersion().orElseThrow();
    Analyses.Status zh = analyses.status(SHOP, "zh");
    Analyses.Status en = analyses.status(SHOP, "en");
    Optional<AppealReport> appeal = analyses.appeal(SHOP);
    DataVersion after = db.dataVersion().orElseThrow();
    List<Seen> parts = new ArrayList<>();
    try {
      if (zh.state() == Analyses.State.READY) {
        parts.add(new Seen(before, "zh", deletedOrders(zh.json())));
        assertEquals("zh", Json.MAPPER.readTree(zh.json()).get("lang").asText());
      }
      if (en.state() == Analyses.State.READY) {
        parts.add(new Seen(before, "en", deletedOrders(en.json())));
        assertEquals("en", Json.MAPPER.readTree(en.json()).get("lang").asText());
      }
      if (appeal.isPresent()) {
        parts.add(new Seen(before, Analyses.APPEAL, appeal.get().orders().size()));
      }
    } catch (Exception | AssertionError e) {
      problems.add("a finished answer did not read whole: " + e);
      return;
    }
    for (Analyses.Status status : List.of(zh, en)) {
      if (status.state() == Analyses.State.FAILED) {
        problems.add("the analysis failed: " + status.error());
      }
    }
    if (!before.equals(after)) {
      return; // the data changed while reading: the parts may be of different versions, as they
      // should
    }
    boolean zhReady = zh.state() == Analyses.State.READY;
    boolean enReady = en.state() == Analyses.State.READY;
    if ((zhReady && !enReady) || (enReady && appeal.isEmpty())) {
      problems.add(
          "at "
              + before
              + " a part was missing after an earlier one was there: zh "
              + zh.state()
              + ", en "
              + en.state()
              + ", appeal "
              + appeal.isPresent());
    }
    seen.addAll(parts);
  }
}
