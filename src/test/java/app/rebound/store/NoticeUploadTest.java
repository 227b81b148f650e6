package app.rebound.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.rebound.ingest.FileKind;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import app.rebound.ingest.IngestWarning;
import app.rebound.ingest.PastedNotice;
import app.rebound.ingest.Plausible;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A pasted deletion notice is stored as the upload of one deletions export: listed, warned about,
 * and deleted like a file; a main order id stands for its sub-orders.
 */
class NoticeUploadTest {

  private static final Path SAMPLES = Path.of("src/test/resources/samples/douyin-export-small");
  private static final String SHOP = "s";
  private static final String MAIN = "6920000000099990000";
  private static final String SUB_1 = "6920000000099990001";
  private static final String SUB_2 = "6920000000099990002";
  private static final String UNKNOWN = "6920000000088880000";

  @TempDir Path data;
  Workspaces workspaces;
  String sampleSubOrder;

  @BeforeEach
  void open() throws Exception {
    workspaces = new Workspaces(data, Clock.systemDefaultZone());
    List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLES.resolve("订单明细.csv")));
    sampleSubOrder = lines.get(1).split(",", -1)[1].strip();
    // One main order of two sub-orders, as a cart order of two products is exported.
    lines.add(withIds(lines.get(1), MAIN, SUB_1));
    lines.add(withIds(lines.get(2), MAIN, SUB_2));
    byte[] bytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    workspaces.upload(
        SHOP, List.of(new UploadFile("订单明细.csv", () -> new ByteArrayInputStream(bytes))), p -> {});
  }

  @AfterEach
  void close() throws Exception {
    workspaces.close();
  }

  private static String withIds(String line, String orderId, String subOrderId) {
    String[] cells = line.split(",", -1);
    cells[0] = orderId;
    cells[1] = subOrderId;
    return String.join(",", cells);
  }

  private static PastedNotice notice(String ids) throws Exception {
    return PastedNotice.read(
        new PastedNotice.Input("WG9", "2026/5/30 10:00", "疑似虚假交易", ids),
        Plausible.asOf(LocalDate.of(2026, 11, 27)));
  }

  private static Map<String, IngestWarning> warnings(FileReport report) {
    return report.warnings().stream()
        .collect(Collectors.toMap(IngestWarning::code, Function.identity()));
  }

  @Test
  void a_main_order_id_is_stored_as_its_sub_orders_and_an_unknown_id_is_warned_of()
      throws Exception {
    IngestReport report =
        workspaces.uploadNotice(
            SHOP, notice(sampleSubOrder + "、" + MAIN + "、" + UNKNOWN + "、" + MAIN), p -> {});

    FileReport file = report.files().get(0);
    assertEquals(1, report.files().size());
    assertEquals("违规通知 WG9", file.name());
    assertEquals("deletions", file.kind());
    assertEquals(
        4, file.rowsAccepted(), "the sample's sub-order, the two of the main, the unknown");
    assertEquals(4, file.changes().added());
    Map<String, IngestWarning> warnings = warnings(file);
    assertEquals(List.of(MAIN), warnings.get("notice_repeated_id").examples());
    IngestWarning main = warnings.get("notice_main_order");
    assertEquals(List.of("1", "2"), main.args());
    assertEquals(List.of(MAIN + " (2)"), main.examples());
    IngestWarning unknown = warnings.get("deletion_unknown_order");
    assertEquals(1, unknown.count());
    assertEquals(List.of(UNKNOWN), unknown.examples());

    ShopDatabase db = workspaces.database(SHOP);
    Table deletions = db.load(FileKind.DELETIONS, false);
    assertEquals(
        List.of(sampleSubOrder, UNKNOWN, SUB_1, SUB_2).stream().sorted().toList(),
        deletions.stringColumn("sub_order_id").asList().stream().sorted().toList());
    assertEquals(List.of("WG9"), deletions.stringColumn("notice_id").unique().asList());
    assertEquals("违规通知 WG9", db.uploads().get(0).report().files().get(0).name());
  }

  @Test
  void a_pasted_sub_order_wins_over_a_main_order_of_the_same_id() throws Exception {
    // The sample's single-item orders have 主订单编号 = 子订单编号: the id is the sub-order itself.
    IngestReport report = workspaces.uploadNotice(SHOP, notice(sampleSubOrder), p -> {});
    FileReport file = report.files().get(0);
    assertEquals(1, file.rowsAccepted());
    assertFalse(warnings(file).containsKey("notice_main_order"));
  }

  @Test
  void a_stored_notice_is_deleted_like_any_upload() throws Exception {
    ShopDatabase db = workspaces.database(SHOP);
    long before = db.count(FileKind.DELETIONS);
    workspaces.uploadNotice(SHOP, notice(MAIN), p -> {});
    assertEquals(before + 2, db.count(FileKind.DELETIONS));
    long notice = db.uploads().get(0).id();
    workspaces.deleteUpload(SHOP, notice);
    assertEquals(before, db.count(FileKind.DELETIONS));
  }

  @Test
  void a_notice_into_a_shop_without_orders_is_refused_and_leaves_no_shop() throws Exception {
    UploadRefusedException refused =
        assertThrows(
            UploadRefusedException.class,
            () -> workspaces.uploadNotice("empty", notice(UNKNOWN), p -> {}));
    assertEquals(IngestReport.NO_ORDERS, refused.report().refusal());
    assertFalse(workspaces.exists("empty"));
  }
}
