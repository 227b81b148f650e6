package app.rebound.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.App;
import app.rebound.Json;
import app.rebound.advice.ActionId;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnalyzeCommandTest {

  @TempDir Path out;

  static Path sampleDir() throws URISyntaxException {
    return Path.of(AnalyzeCommandTest.class.getResource("/samples/douyin-export-small").toURI());
  }

  static int run(String... args) {
    CommandLine cli = new CommandLine(new App());
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  /**
   * Runs analyze on the sample into {@code out} with {@code more} options, asserting it exits 0.
   */
  private void analyzeTheSample(String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("analyze", "--input", sampleDir().toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    assertEquals(0, run(args.toArray(String[]::new)));
  }

  @Test
  void analyze_refuses_a_file_over_the_row_limit_whole_and_reads_the_others() throws Exception {
    // Both orders exports have 425 data rows; the other files fewer than 300.
    assertEquals(
        2,
        run(
            "analyze",
            "--input",
            sampleDir().toString(),
            "--out",
            out.toString(),
            "--max-rows",
            "300"));
    JsonNode ingest = Json.MAPPER.readTree(out.resolve("ingest.json").toFile());
    assertEquals(0, ingest.get("orders_distinct").asLong());
    for (JsonNode file : ingest.get("files")) {
      boolean orders = file.get("name").asText().startsWith("订单明细");
      assertEquals(
          orders ? "file_too_many_rows" : null,
          file.get("message_code").textValue(),
          file.toString());
      if (orders) {
        // in the report's language (zh, the default), the code and its arguments beside it
        assertTrue(
            file.get("message").asText().contains(file.get("name").asText() + " 超过 300 行数据"),
            file.get("message").asText());
        assertEquals("300", file.get("message_args").get(1).asText());
      }
    }
  }

  @Test
  void analyze_reads_the_sample_as_downloaded_xlsx_and_zip_and_names_every_sheet_member_and_skip()
      throws Exception {
    Path real =
        Path.of(AnalyzeCommandTest.class.getResource("/samples/douyin-export-real-small").toURI());
    CommandLine cli = new CommandLine(new App());
    StringWriter printed = new StringWriter();
    cli.setOut(new PrintWriter(printed));
    cli.setErr(new PrintWriter(new StringWriter()));
    assertEquals(0, cli.execute("analyze", "--input", real.toString(), "--out", out.toString()));
    JsonNode ingest = Json.MAPPER.readTree(out.resolve("ingest.json").toFile());
    assertEquals(420, ingest.get("orders_distinct").asLong());
    List<String> names = new ArrayList<>();
    ingest
        .get("files")
        .forEach(f -> names.add(f.get("name").asText() + " " + f.get("kind").asText()));
    assertTrue(names.contains("订单明细.xlsx [订单明细] orders"), names.toString());
    assertTrue(names.contains("精选联盟订单明细.xlsx [订单明细] commissions"), names.toString());
    assertTrue(names.contains("售后列表.csv after_sales"), names.toString());
    assertTrue(
        names.contains("罗盘商品卡列表数据.zip/商品卡列表数据_2026_05_01~2026_05_01.xlsx [商品卡列表数据] traffic"),
        names.toString());
    assertTrue(printed.toString().contains("README.md: skipped, not an export file type"));
    JsonNode impact = Json.MAPPER.readTree(out.resolve("impact.json").toFile());
    assertTrue(impact.get("traffic").get("visitors").get("measured").asBoolean());
  }

  @Test
  void analyze_on_the_shared_sample_writes_ingest_json_with_every_file_and_the_refused_rows()
      throws Exception {
    analyzeTheSample();
    JsonNode ingest = Json.MAPPER.readTree(out.resolve("ingest.json").toFile());
    assertEquals(420, ingest.get("orders_distinct").asLong());
    List<String> kinds = new ArrayList<>();
    for (JsonNode file : ingest.get("files")) {
      kinds.add(file.get("kind").asText());
      assertEquals(
          file.get("rows_read").asLong(),
          file.get("rows_accepted").asLong() + file.get("rows_rejected").asLong(),
          file.get("name").asText());
    }
    assertEquals(
        List.of(
            "traffic",
            "chats",
            "shop_scores",
            "orders",
            "orders",
            "reviews",
            "affiliates",
            "deletions"),
        kinds);
    JsonNode orders = ingest.get("files").get(4);
    assertEquals("订单明细.csv", orders.get("name").asText());
    assertEquals("UTF-8 BOM", orders.get("encoding").asText());
    assertEquals(4, orders.get("rows_rejected").asLong());
    List<Long> lines = new ArrayList<>();
    orders.get("errors").forEach(e -> lines.add(e.get("line").asLong()));
    assertEquals(List.of(422L, 423L, 424L, 425L), lines);
    JsonNode first = orders.get("errors").get(0);
    assertEquals("订单应付金额", first.get("column").asText());
    assertEquals("¥abc", first.get("value").asText());
  }

  @Test
  void analyze_writes_impact_json_with_batches_causes_and_losses() throws Exception {
    analyzeTheSample("--lang", "en");
    JsonNode impact = Json.MAPPER.readTree(out.resolve("impact.json").toFile());
    assertEquals(70, impact.at("/deletions/orders").asLong());
    JsonNode batches = impact.at("/deletions/batches");
    assertEquals(
        List.of("WG3B1", "WG3B2"),
        List.of(batches.get(0).get("id").asText(), batches.get(1).get("id").asText()));
    for (JsonNode batch : batches) {
      assertTrue(
          List.of("system_error", "malicious_report", "violation")
              .contains(batch.get("likely_cause").asText()));
      double confidence = batch.get("confidence").asDouble();
      assertTrue(confidence > 0 && confidence <= 1);
      assertTrue(batch.get("date").asText().matches("\\d{4}-\\d{2}-\\d{2}"));
      assertTrue(batch.get("signals").size() > 3);
      // The diagnosis's lines come first; the orders-export line is a plain English sentence.
      int inOrders = 0;
      while (!batch
          .get("signal_values")
          .get(inOrders)
          .get("code")
          .asText()
          .equals("in_orders_share")) {
        inOrders++;
      }
      assertTrue(
          batch.get("signals").get(inOrders).asText().matches("[\\x00-\\x7F¥–—’…]*"),
          "English sentences");
      assertEquals(3, batch.get("probabilities").size());
      assertTrue(batch.get("drivers").isArray());
    }
    for (String path :
        new String[] {"/traffic/visitors", "/traffic/impressions", "/conversion", "/gmv"}) {
      JsonNode loss = impact.at(path);
      assertTrue(loss.get("measured").asBoolean(), path);
      assertTrue(loss.get("loss_low").asDouble() <= loss.get("loss").asDouble(), path);
      assertTrue(loss.get("loss").asDouble() <= loss.get("loss_high").asDouble(), path);
    }
    assertTrue(impact.get("products").size() > 0);
    assertTrue(impact.at("/series/visitors/days").size() > 0);
    JsonNode actions = impact.get("actions");
    assertTrue(actions.size() > 0);
    for (int i = 0; i < actions.size(); i++) {
      JsonNode action = actions.get(i);
      assertEquals(i + 1, action.get("rank").asInt(), "actions in rank order");
      // ActionIdTest pins the catalogue's codes themselves.
      assertTrue(ActionId.codes().contains(action.get("id").asText()));
      for (String field :
          List.of(
              "expected_gmv",
              "expected_gmv_low",
              "expected_gmv_high",
              "cost",
              "effort",
              "confidence",
              "products",
              "rationale")) {
        assertTrue(action.has(field), field);
      }
    }
    byte[] pdf = Files.readAllBytes(out.resolve("plan.pdf"));
    assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
    assertTrue(Files.readString(out.resolve("plan.md")).contains("|"));
    byte[] csv = Files.readAllBytes(out.resolve("actions.csv"));
    assertEquals(0xEF, csv[0] & 0xFF, "UTF-8 BOM so Excel reads the Chinese");
  }

  @Test
  void now_takes_a_plain_date_as_the_start_of_that_day() throws Exception {
    analyzeTheSample("--now", "2026-06-01");
    JsonNode appeal = Json.MAPPER.readTree(out.resolve("appeal.json").toFile());
    assertEquals("2026-06-01T00:00", appeal.get("as_of").asText());
  }

  @Test
  void a_now_that_is_not_a_moment_is_refused_with_the_forms_accepted_and_no_parser_words() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new App());
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute("analyze", "--input", "x", "--out", "y", "--now", "2026-07-13T25:00");
    assertEquals(2, code);
    String message = err.toString();
    assertTrue(message.contains("'2026-07-13T25:00' is not a moment"), message);
    assertTrue(message.contains("YYYY-MM-DD"), message);
    assertFalse(message.contains("DateTimeParseException"), message);
  }

  @Test
  void analyze_writes_appeal_json_and_a_pack_for_each_group_still_open_at_now() throws Exception {
    analyzeTheSample("--now", "2026-06-01T12:00");
    JsonNode appeal = Json.MAPPER.readTree(out.resolve("appeal.json").toFile());
    assertEquals("zh", appeal.get("lang").asText());
    assertEquals("2026-06-01T12:00", appeal.get("as_of").asText());
    JsonNode orders = appeal.get("orders");
    assertEquals(70, orders.size(), "every deleted order");
    Set<String> orderIds = new HashSet<>();
    for (JsonNode o : orders) {
      for (String field :
          List.of(
              "order_id", "batch", "score", "verdict", "missing", "reasons", "flags", "checks")) {
        assertTrue(o.has(field), field);
      }
      orderIds.add(o.get("order_id").asText());
      double score = o.get("score").asDouble();
      assertTrue(score >= 0 && score <= 1, "score " + score);
      assertTrue(
          List.of("appeal", "appeal_after_proof", "do_not_appeal")
              .contains(o.get("verdict").asText()));
      o.get("checks")
          .forEach(
              state ->
                  assertTrue(List.of("present", "absent", "unknown").contains(state.asText())));
    }
    JsonNode groups = appeal.get("groups");
    assertTrue(groups.size() > 0);
    int open = 0;
    for (JsonNode g : groups) {
      for (String field :
          List.of(
              "id",
              "orders",
              "products",
              "from",
              "to",
              "pack",
              "deadline",
              "hours_left",
              "closed",
              "evidence_needed")) {
        assertTrue(g.has(field), field);
      }
      g.get("orders")
          .forEach(
              id ->
                  assertTrue(orderIds.contains(id.asText()), "a group's order is a deleted order"));
      if (!g.get("closed").asBoolean()) {
        open++;
        Path pack = out.resolve(g.get("pack").asText());
        assertTrue(Files.exists(pack), pack.toString());
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(pack))) {
          for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
            entries.add(e.getName());
          }
        }
        assertEquals(
            List.of(
                "letter.txt",
                "letter.pdf",
                "orders.csv",
                "evidence_index.csv",
                "screenshots_checklist.txt"),
            entries);
      }
    }
    assertTrue(open > 0, "notice WG3B1 of 2026-05-30 is open on 1 June");
  }

  @Test
  void groups_whose_window_has_closed_get_no_pack() throws Exception {
    analyzeTheSample("--now", "2026-07-01T00:00", "--lang", "en");
    JsonNode appeal = Json.MAPPER.readTree(out.resolve("appeal.json").toFile());
    assertTrue(appeal.get("groups").size() > 0);
    for (JsonNode g : appeal.get("groups")) {
      assertTrue(g.get("closed").asBoolean());
      assertTrue(g.get("pack").isNull());
      assertEquals(0, g.get("hours_left").asLong());
    }
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".zip")).toList());
    }
  }

  @Test
  void analyze_without_an_orders_export_says_so_and_fails() throws Exception {
    Path input = Files.createDirectories(out.resolve("in"));
    Files.copy(sampleDir().resolve("评价.csv"), input.resolve("评价.csv"));
    assertEquals(
        AnalyzeCommand.EXIT_REFUSED,
        run("analyze", "--input", input.toString(), "--out", out.resolve("report").toString()));
    assertTrue(Files.exists(out.resolve("report/ingest.json")));
  }

  @Test
  void every_command_has_help() {
    for (String command : new String[] {"serve", "analyze"}) {
      assertEquals(0, run(command, "--help"), command);
    }
    assertEquals(0, run("--help"));
  }
}
