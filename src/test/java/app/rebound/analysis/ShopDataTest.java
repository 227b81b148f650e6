package app.rebound.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.rebound.ingest.FileKind;
import app.rebound.service.StoredShop;
import app.rebound.store.CaseChange;
import app.rebound.store.CaseStatus;
import app.rebound.store.RowsInHand;
import app.rebound.store.ShopDatabase;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ShopDataTest {

  static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

  @TempDir Path data;

  static UploadFile csv(String name, String content) {
    return new UploadFile(
        name, () -> new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Four orders: d1 and d2 in the deletions export, f1 and f2 only flagged in the orders export.
   */
  static List<UploadFile> shop() {
    String orders =
        "子订单编号,商品数量,商品ID,订单应付金额,订单提交时间,是否删除销量\n"
            + "d1,1,p1,10.00,2026-06-01 10:00:00,是\n"
            + "d2,1,p1,10.00,2026-06-01 11:00:00,是\n"
            + "f1,1,p2,20.00,2026-06-02 10:00:00,是\n"
            + "f2,1,p2,20.00,2026-06-02 11:00:00,是\n"
            + "n1,1,p2,20.00,2026-06-02 12:00:00,否\n";
    String deletions =
        "子订单编号,商品ID,处理时间,违规单号\n"
            + "d1,p1,2026-06-05 09:00:00,WG1\n"
            + "d2,p1,2026-06-05 09:00:00,WG1\n";
    return List.of(csv("订单明细.csv", orders), csv("销量删除记录.csv", deletions));
  }

  static List<String> deleted(ShopData shop) {
    return DeletedOrders.of(shop).stringColumn("sub_order_id").asList().stream().sorted().toList();
  }

  @Test
  void orders_restored_on_appeal_leave_the_deletions_and_lose_their_deletion_flag()
      throws Exception {
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      ws.upload("s", shop(), step -> {});
      ShopDatabase db = ws.database("s");
      assertEquals(List.of("d1", "d2", "f1", "f2"), deleted(StoredShop.load(db)));

      long id =
          db.openCase(
                  "g",
                  "WG1",
                  "p1",
                  "shipped",
                  List.of("d1", "d2", "f1"),
                  LocalDate.of(2026, 6, 10),
                  LocalDateTime.now(CLOCK))
              .id();
      db.changeCase(
          id,
          c -> new CaseChange(CaseStatus.SUBMITTED, LocalDate.of(2026, 6, 10), "", null, List.of()),
          LocalDateTime.now(CLOCK));
      db.changeCase(
          id,
          c ->
              new CaseChange(
                  CaseStatus.PARTLY_APPROVED,
                  LocalDate.of(2026, 6, 10),
                  "",
                  null,
                  List.of("d1", "f1")),
          LocalDateTime.now(CLOCK));

      ShopData loaded = StoredShop.load(db);
      assertEquals(List.of("d2", "f2"), deleted(loaded));
      Table deletions = loaded.table(FileKind.DELETIONS);
      assertEquals(List.of("d2"), deletions.stringColumn("sub_order_id").asList());
      Table orders = loaded.orders();
      assertEquals(
          List.of(false, true, false, true, false), orders.booleanColumn("sales_deleted").asList());
      assertEquals(2, db.count(FileKind.DELETIONS), "the stored export itself is kept as uploaded");
    }
  }

  @Test
  void a_stored_shop_tells_a_multi_item_parcel_from_a_waybill_on_two_orders() throws Exception {
    // m1 and m2 are one main order in one parcel; x1 and x2 are two orders sharing a waybill.
    String orders =
        "主订单编号,子订单编号,商品数量,商品ID,订单应付金额,订单提交时间,快递信息\n"
            + "M,m1,1,p1,10.00,2026-06-01 10:00:00,YT100-圆通速递\n"
            + "M,m2,1,p2,10.00,2026-06-01 10:00:00,YT100-圆通速递\n"
            + "X1,x1,1,p1,10.00,2026-06-01 11:00:00,SF200-顺丰速运\n"
            + "X2,x2,1,p1,10.00,2026-06-02 11:00:00,SF200-顺丰速运\n"
            + "S,s1,1,p2,10.00,2026-06-02 12:00:00,JD300-京东\n";
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      ws.upload("s", List.of(csv("订单明细.csv", orders)), step -> {});
      Table loaded = StoredShop.load(ws.database("s")).orders();
      // The main order only where a parcel holds several sub-orders.
      // Rows come in key order (子订单编号).
      assertEquals(List.of("M", "M", "", "X1", "X2"), loaded.stringColumn("order_id").asList());
      assertEquals(Set.of("SF200"), ShopBaseline.reusedWaybills(loaded));
    }
  }

  @Test
  void the_rows_in_hand_tell_the_parcels_apart_as_the_store_does_for_many_parcels()
      throws Exception {
    // 1,201 two-item parcels (more than one statement asks for) and one order alone.
    StringBuilder orders = new StringBuilder("主订单编号,子订单编号,商品数量,商品ID,订单应付金额,订单提交时间,快递信息\n");
    for (int parcel = 0; parcel < 1201; parcel++) {
      for (int item = 0; item < 2; item++) {
        orders.append(
            String.format(
                "M%d,s%05d-%d,1,p1,10.00,2026-06-01 10:00:00,YT%d-圆通速递%n",
                parcel, parcel, item, parcel));
      }
    }
    orders.append("A,z-alone,1,p2,10.00,2026-06-01 11:00:00,SF1-顺丰速运\n");
    try (Workspaces ws = new Workspaces(data, CLOCK)) {
      RowsInHand inHand = StoredShop.rowsInHand();
      ws.upload("s", List.of(csv("订单明细.csv", orders.toString())), step -> {}, inHand);
      Table fromHand = StoredShop.load(ws.database("s"), inHand).orders();
      Table fromStore = StoredShop.load(ws.database("s")).orders();

      List<String> mains = fromHand.stringColumn("order_id").asList();
      assertEquals(2403, mains.size());
      assertEquals(2402, mains.stream().filter(m -> m.startsWith("M")).count());
      assertEquals(
          "", mains.get(mains.size() - 1), "an order alone in its parcel keeps no main order");
      assertEquals(
          fromStore.stringColumn("sub_order_id").asList(),
          fromHand.stringColumn("sub_order_id").asList());
      assertEquals(mains, fromStore.stringColumn("order_id").asList());
    }
  }
}
