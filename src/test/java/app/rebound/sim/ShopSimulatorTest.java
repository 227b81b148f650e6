package app.rebound.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.ingest.Field;
import app.rebound.ingest.FileKind;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShopSimulatorTest {

  private static final List<String> FILES =
      List.of(
          Columns.ORDERS_FILE,
          Columns.DELETIONS_FILE,
          Columns.TRAFFIC_FILE,
          Columns.REVIEWS_FILE,
          Columns.SCORES_FILE,
          Columns.AFFILIATES_FILE,
          Columns.CHATS_FILE);

  @TempDir Path tmp;

  private GroundTruth shop(SimConfig config, String name) throws IOException {
    return ShopSimulator.write(config, tmp.resolve(name));
  }

  @Test
  void the_same_seed_writes_byte_identical_files_and_another_seed_different_ones()
      throws IOException {
    SimConfig config = SimConfig.defaults().withSeed(7);
    shop(config, "a");
    shop(config, "b");
    shop(config.withSeed(8), "c");
    for (String file : List.of(FILES.toArray(new String[0]))) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("a").resolve(file)),
          Files.readAllBytes(tmp.resolve("b").resolve(file)),
          file);
    }
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("a/truth.json")),
        Files.readAllBytes(tmp.resolve("b/truth.json")));
    assertFalse(
        Arrays.equals(
            Files.readAllBytes(tmp.resolve("a").resolve(Columns.ORDERS_FILE)),
            Files.readAllBytes(tmp.resolve("c").resolve(Columns.ORDERS_FILE))));
  }

  @Test
  void every_file_has_the_douyin_headers_the_ingester_recognises() throws IOException {
    shop(SimConfig.defaults(), "s");
    Map<FileKind, String> files =
        Map.of(
            FileKind.ORDERS,
            Columns.ORDERS_FILE,
            FileKind.DELETIONS,
            Columns.DELETIONS_FILE,
            FileKind.TRAFFIC,
            Columns.TRAFFIC_FILE,
            FileKind.REVIEWS,
            Columns.REVIEWS_FILE,
            FileKind.SHOP_SCORES,
            Columns.SCORES_FILE,
            FileKind.AFFILIATES,
            Columns.AFFILIATES_FILE,
            FileKind.CHATS,
            Columns.CHATS_FILE);
    for (var entry : files.entrySet()) {
      Path file = tmp.resolve("s").resolve(entry.getValue());
      byte[] bytes = Files.readAllBytes(file);
      assertTrue(
          bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF,
          "BOM in " + file);
      List<String> header = ShopFiles.read(file).header();
      for (Field field : entry.getKey().requiredFields()) {
        assertTrue(
            header.contains(field.douyinHeader()),
            entry.getValue() + " lacks " + field.douyinHeader());
      }
      for (String column : header) {
        for (Field field : entry.getKey().fields()) {
          if (field.aliases().contains(column)) {
            assertEquals(field.douyinHeader(), column, "the Douyin name of " + field.name());
          }
        }
      }
    }
    assertTrue(
        ShopFiles.read(tmp.resolve("s").resolve(Columns.TRAFFIC_FILE)).rows().size() == 20 * 90);
  }

  @Test
  void the_platform_downloads_leave_the_seven_files_and_the_truth_byte_identical()
      throws IOException {
    SimConfig config = SimConfig.defaults().withSeed(7).withDays(60);
    ShopSimulator.write(config, tmp.resolve("plain"));
    ShopSimulator.writeWithPlatformExports(config, tmp.resolve("full"));
    for (String file : FILES) {
      assertArrayEquals(
          Files.readAllBytes(tmp.resolve("plain").resolve(file)),
          Files.readAllBytes(tmp.resolve("full").resolve(file)),
          file);
    }
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("plain/truth.json")),
        Files.readAllBytes(tmp.resolve("full/truth.json")));
    assertTrue(Files.exists(tmp.resolve("full/抖音电商罗盘-成交分析-20260501-20260629.xlsx")));
    assertTrue(Files.exists(tmp.resolve("full/商品卡流量分析流量来源数据_2026_05_31~2026_06_29.xlsx")));
    assertTrue(Files.exists(tmp.resolve("full").resolve(Columns.COMMISSIONS_FILE)));
  }

  @Test
  void settlements_are_net_of_fees_after_completion_and_after_sales_match_the_orders()
      throws IOException {
    Path dir = tmp.resolve("s");
    ShopSimulator.writeWithPlatformExports(SimConfig.defaults().withSeed(3), dir);
    Map<String, Map<String, String>> orders =
        ShopFiles.read(dir.resolve(Columns.ORDERS_FILE)).rows().stream()
            .collect(Collectors.toMap(r -> r.get("子订单编号"), r -> r));
    List<String> lines = Files.readAllLines(dir.resolve(Columns.SETTLEMENTS_FILE));
    assertTrue(lines.get(0).contains("结算账单"), "a title line above the header: " + lines.get(0));
    Path body = tmp.resolve("settlements.csv");
    Files.write(body, lines.subList(1, lines.size()));
    Map<String, Long> net = new HashMap<>();
    int deductions = 0;
    for (Map<String, String> s : ShopFiles.read(body).rows()) {
      String id = s.get("子订单号");
      assertTrue(id.matches("'69\\d{17}"), id);
      Map<String, String> order = orders.get(id.substring(1));
      assertNotNull(order, id);
      long settled = fen(s.get("结算金额"));
      assertEquals(fen(s.get("收入合计")) + fen(s.get("支出合计")), settled, s.toString());
      assertEquals(fen(s.get("平台服务费")) + fen(s.get("佣金")), fen(s.get("支出合计")), s.toString());
      assertEquals(fen(order.get("订单应付金额")), fen(s.get("用户实付")), s.toString());
      if (settled < 0) {
        deductions++;
        assertEquals("退款成功", order.get("售后状态"), "only a refund is deducted: " + s);
      } else if (order.get("订单状态").equals("已完成")) {
        assertTrue(s.get("结算时间").compareTo(order.get("订单完成时间")) > 0, s.toString());
      }
      net.merge(id, settled, Long::sum);
    }
    assertTrue(deductions > 0, "a refund after settling is deducted now and then");
    net.forEach(
        (id, sum) -> {
          if (orders.get(id.substring(1)).get("售后状态").equals("退款成功")) {
            assertEquals(0, sum, "a refunded order's settlement and deduction cancel: " + id);
          }
        });
    Map<String, String> afterSales = new HashMap<>();
    for (Map<String, String> a : ShopFiles.read(dir.resolve(Columns.AFTER_SALES_FILE)).rows()) {
      afterSales.put(a.get("商品单号"), a.get("售后状态"));
    }
    for (Map<String, String> order : orders.values()) {
      String status = order.get("售后状态");
      String record = afterSales.get(order.get("子订单编号"));
      if (status.equals("-")) {
        assertEquals(null, record, order.toString());
      } else {
        assertNotNull(record, "every refund or open after-sale has its record: " + order);
        assertEquals(status.equals("退款成功"), record.equals("退款成功"), order.toString());
      }
    }
  }

  @Test
  void long_ids_are_written_as_a_quoted_leading_tab() throws IOException {
    shop(SimConfig.defaults(), "s");
    String line = Files.readAllLines(tmp.resolve("s").resolve(Columns.ORDERS_FILE)).get(1);
    assertTrue(
        line.matches("^\"\\t69\\d{17}\",\"\\t69\\d{17}\",.*,\"\\t35000000000030\\d{5}\",SKU.*"),
        line);
  }

  @Test
  void traffic_buyers_and_orders_equal_the_order_rows_per_product_day() throws IOException {
    shop(SimConfig.defaults().withSeed(3), "s");
    Map<String, Integer> rows = new HashMap<>();
    Map<String, Long> amounts = new HashMap<>();
    for (var order : ShopFiles.read(tmp.resolve("s").resolve(Columns.ORDERS_FILE)).rows()) {
      String key = order.get("商品ID") + "|" + order.get("订单提交时间").substring(0, 10);
      rows.merge(key, 1, Integer::sum);
      amounts.merge(key, fen(order.get("订单应付金额")), Long::sum);
    }
    int checked = 0;
    for (var day : ShopFiles.read(tmp.resolve("s").resolve(Columns.TRAFFIC_FILE)).rows()) {
      String key = day.get("商品ID") + "|" + day.get("日期");
      int buyers = Integer.parseInt(day.get("成交人数"));
      assertEquals(buyers, rows.getOrDefault(key, 0), key);
      assertEquals(buyers, Integer.parseInt(day.get("成交订单数")), key);
      assertEquals(fen(day.get("成交金额")), amounts.getOrDefault(key, 0L), key);
      assertTrue(Integer.parseInt(day.get("商品点击人数")) >= buyers);
      assertTrue(Integer.parseInt(day.get("商品曝光人数")) >= Integer.parseInt(day.get("商品点击人数")));
      checked++;
    }
    assertEquals(20 * 90, checked);
  }

  @Test
  void a_placebo_shop_has_deletions_but_exactly_zero_loss() throws IOException {
    GroundTruth truth = shop(SimConfig.defaults().withScenario(Scenario.PLACEBO).withSeed(11), "p");
    assertFalse(truth.batches().isEmpty());
    assertTrue(truth.deletedOrders() > 0);
    assertEquals(0, truth.totals().visitorLoss());
    assertEquals(0, truth.totals().impressionLoss());
    assertEquals(0, truth.totals().buyerLoss());
    assertEquals(0, truth.totals().gmvLoss().signum());
    for (GroundTruth.AffectedProduct p : truth.affectedProducts()) {
      assertEquals(0.0, p.injected().visitors());
      assertEquals(0, p.affiliatesCancelled());
      p.daily().forEach(d -> assertEquals(d.counterfactualVisitors(), d.visitors()));
    }
    truth.batches().forEach(b -> assertEquals(0.0, b.scoreDrop()));
  }

  @Test
  void violation_deletions_look_fake_while_system_error_deletions_look_genuine()
      throws IOException {
    GroundTruth truth = shop(SimConfig.defaults().withSeed(5), "m");
    Path dir = tmp.resolve("m");
    Map<String, Map<String, String>> orders =
        ShopFiles.read(dir.resolve(Columns.ORDERS_FILE)).rows().stream()
            .collect(Collectors.toMap(r -> r.get("子订单编号"), r -> r));
    Set<String> chats =
        ShopFiles.read(dir.resolve(Columns.CHATS_FILE)).rows().stream()
            .map(r -> r.get("子订单编号"))
            .collect(Collectors.toSet());
    Map<String, Cause> causeOf =
        truth.batches().stream()
            .collect(Collectors.toMap(GroundTruth.Batch::id, GroundTruth.Batch::cause));
    Map<Cause, List<Map<String, String>>> deleted =
        ShopFiles.read(dir.resolve(Columns.DELETIONS_FILE)).rows().stream()
            .collect(
                Collectors.groupingBy(
                    r -> causeOf.get(r.get("违规单号")),
                    Collectors.mapping(r -> orders.get(r.get("子订单编号")), Collectors.toList())));

    List<Map<String, String>> fakes = deleted.get(Cause.VIOLATION);
    assertNotNull(fakes);
    long odd =
        fakes.stream()
            .filter(o -> hour(o) < 5 || fen(o.get("订单应付金额")) * 2 < fen(o.get("商品单价")))
            .count();
    assertTrue(
        odd >= 0.7 * fakes.size(), odd + " of " + fakes.size() + " violation orders look fake");
    assertTrue(
        fakes.stream().filter(o -> chats.contains(o.get("子订单编号"))).count() <= 0.2 * fakes.size());

    List<Map<String, String>> genuine = deleted.get(Cause.SYSTEM_ERROR);
    assertNotNull(genuine);
    assertTrue(
        genuine.stream()
            .allMatch(
                o ->
                    !o.get("快递信息").isEmpty()
                        && o.get("订单状态").equals("已完成")
                        && o.get("售后状态").equals("-")));
    long chatted = genuine.stream().filter(o -> chats.contains(o.get("子订单编号"))).count();
    assertTrue(
        chatted >= 0.4 * genuine.size(),
        chatted + " of " + genuine.size() + " system-error orders chatted");
    long night = genuine.stream().filter(o -> hour(o) < 5).count();
    assertTrue(night <= 0.3 * genuine.size());
  }

  @Test
  void deleted_orders_come_before_their_processing_date_and_batches_leave_room_around_them()
      throws IOException {
    GroundTruth truth =
        shop(SimConfig.defaults().withSeed(9).withScenario(Scenario.VIOLATION), "v");
    Path dir = tmp.resolve("v");
    Map<String, String> submitted =
        ShopFiles.read(dir.resolve(Columns.ORDERS_FILE)).rows().stream()
            .collect(Collectors.toMap(r -> r.get("子订单编号"), r -> r.get("订单提交时间").substring(0, 10)));
    Map<String, LocalDate> dateOf =
        truth.batches().stream()
            .collect(Collectors.toMap(GroundTruth.Batch::id, GroundTruth.Batch::date));
    var deletions = ShopFiles.read(dir.resolve(Columns.DELETIONS_FILE)).rows();
    assertEquals(truth.deletedOrders(), deletions.size());
    for (var d : deletions) {
      LocalDate processed = dateOf.get(d.get("违规单号"));
      assertEquals(processed.toString().replace('-', '/'), d.get("处理时间"));
      assertEquals("疑似虚假交易，销量已扣除", d.get("处理原因"));
      assertTrue(LocalDate.parse(submitted.get(d.get("子订单编号"))).isBefore(processed));
    }
    for (GroundTruth.Batch b : truth.batches()) {
      assertTrue(
          !b.date().isBefore(truth.start().plusDays(28))
              && !b.date().isAfter(truth.end().minusDays(13)));
      assertEquals(Cause.VIOLATION, b.cause());
      assertTrue(b.scoreDrop() > 0);
    }
    assertFalse(truth.controlProducts().isEmpty());
  }

  @Test
  void the_realised_visitor_loss_is_the_sum_of_counterfactual_minus_actual_over_the_post_days()
      throws IOException {
    GroundTruth truth = shop(SimConfig.defaults().withSeed(4).withPromotionSpike(true), "t");
    Map<String, Integer> visitors = new HashMap<>();
    for (var day : ShopFiles.read(tmp.resolve("t").resolve(Columns.TRAFFIC_FILE)).rows()) {
      visitors.put(day.get("商品ID") + "|" + day.get("日期"), Integer.parseInt(day.get("商品点击人数")));
    }
    long total = 0;
    for (GroundTruth.AffectedProduct p : truth.affectedProducts()) {
      assertEquals(truth.end().toEpochDay() - p.postStart().toEpochDay() + 1, p.daily().size());
      long loss = 0;
      for (GroundTruth.Day d : p.daily()) {
        assertEquals(visitors.get(p.productId() + "|" + d.date()), (int) d.visitors());
        assertTrue(d.visitors() <= d.counterfactualVisitors());
        loss += d.counterfactualVisitors() - d.visitors();
      }
      assertEquals(loss, p.visitorLoss());
      assertEquals(p.counterfactualVisitors() - p.actualVisitors(), p.visitorLoss());
      assertTrue(p.visitorLoss() > 0, p.productId());
      total += loss;
    }
    assertEquals(total, truth.totals().visitorLoss());
    assertNotNull(truth.promotion());
    assertTrue(
        truth.promotion().start().isAfter(truth.batches().get(truth.batches().size() - 1).date()));
    assertEquals(truth, GroundTruth.read(tmp.resolve("t").resolve(Columns.TRUTH_FILE)));
  }

  @Test
  void a_malicious_report_is_preceded_by_complaints_and_abnormal_refunds_on_best_sellers()
      throws IOException {
    GroundTruth truth =
        shop(SimConfig.defaults().withSeed(2).withScenario(Scenario.MALICIOUS_REPORT), "r");
    Path dir = tmp.resolve("r");
    GroundTruth.Batch batch = truth.batches().get(0);
    Map<String, Integer> complaints = new HashMap<>();
    ShopFiles.read(dir.resolve(Columns.SCORES_FILE))
        .rows()
        .forEach(r -> complaints.put(r.get("日期"), Integer.parseInt(r.get("投诉量"))));
    int before = 0;
    int usual = 0;
    for (int k = 1; k <= 2; k++) {
      before += complaints.get(batch.date().minusDays(k).toString());
      usual += complaints.get(batch.date().minusDays(10 + k).toString());
    }
    assertTrue(before > usual + 5, "complaints " + before + " vs usual " + usual);
    Set<String> hit = new HashSet<>(batch.products());
    long refunds =
        ShopFiles.read(dir.resolve(Columns.ORDERS_FILE)).rows().stream()
            .filter(o -> hit.contains(o.get("商品ID")) && o.get("售后状态").equals("退款成功"))
            .filter(
                o ->
                    LocalDate.parse(o.get("订单提交时间").substring(0, 10))
                            .isAfter(batch.date().minusDays(3))
                        && LocalDate.parse(o.get("订单提交时间").substring(0, 10)).isBefore(batch.date()))
            .count();
    assertTrue(refunds >= 5, refunds + " refunds before the report");
  }

  @Test
  void gb18030_shops_have_no_bom_and_read_back_in_chinese() throws IOException {
    shop(SimConfig.defaults().withGb18030(true), "g");
    Path file = tmp.resolve("g").resolve(Columns.ORDERS_FILE);
    assertEquals((byte) 0xD6, Files.readAllBytes(file)[0]);
    var table = ShopFiles.read(file, Charset.forName("GB18030"));
    assertEquals("主订单编号", table.header().get(0));
    assertTrue(table.rows().get(0).get("收件人").equals("##密文"));
  }

  @Test
  void the_orders_option_lands_within_ten_percent_of_its_target() throws IOException {
    Path out = tmp.resolve("big");
    int code =
        new picocli.CommandLine(new SimulateCommand())
            .execute("--out", out.toString(), "--orders", "100000", "--seed", "13");
    assertEquals(0, code);
    GroundTruth truth = GroundTruth.read(out.resolve(Columns.TRUTH_FILE));
    assertTrue(Math.abs(truth.orders() - 100_000) <= 10_000, "orders " + truth.orders());
    assertEquals(truth.orders() + 1, Files.lines(out.resolve(Columns.ORDERS_FILE)).count());
  }

  private static int hour(Map<String, String> order) {
    return Integer.parseInt(order.get("订单提交时间").substring(11, 13));
  }

  private static long fen(String money) {
    return Math.round(Double.parseDouble(money) * 100);
  }
}
