package app.rebound.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.rebound.Json;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.service.StoredShop;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import app.rebound.web.WebApp;
import app.rebound.web.WebConfig;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives and workbooks at their extremes, uploaded through the API onto a shop that holds the
 * sample's orders: each is answered 400 with the file's reason, and the stored shop, its uploads
 * and its analysis are exactly as before.
 */
class BrokenArchiveUploadTest {

  private static final Path SAMPLES = Path.of("src/test/resources/samples/douyin-export-small");

  @TempDir Path data;

  @Test
  void each_broken_archive_or_workbook_is_refused_with_its_reason_and_changes_nothing()
      throws Exception {
    Map<String, Case> cases = new LinkedHashMap<>();
    byte[] zip = ExportFilesTest.zip("订单明细.csv", Files.readAllBytes(SAMPLES.resolve("订单明细.csv")));
    cases.put("file_zip_damaged", new Case("订单明细.zip", Arrays.copyOf(zip, zip.length / 2)));
    cases.put("file_zip_encrypted", new Case("资金流水.zip", ExportFilesTest.encryptedFlag(zip)));
    byte[] nested = zip;
    for (int depth = 0; depth < ExportFiles.MAX_ZIP_DEPTH; depth++) {
      nested = ExportFilesTest.zip("level" + depth + ".zip", nested);
    }
    cases.put("file_zip_too_deep", new Case("outer.zip", nested));
    Object[] entries = new Object[2 * (ExportFiles.DEFAULT_MAX_ENTRIES + 1)];
    for (int i = 0; i <= ExportFiles.DEFAULT_MAX_ENTRIES; i++) {
      entries[2 * i] = "f" + i + ".csv";
      entries[2 * i + 1] = new byte[] {'x'};
    }
    cases.put("file_zip_too_many_entries", new Case("many.zip", ExportFilesTest.zip(entries)));
    byte[] book = ExportFilesTest.workbook(new Object[][] {ExportFilesTest.ORDERS_HEADER});
    cases.put(
        "file_workbook_damaged", new Case("订单明细.xlsx", Arrays.copyOf(book, book.length - 200)));
    cases.put("file_workbook_encrypted", new Case("订单明细.xlsx", ExportFilesTest.encrypted(book)));
    cases.put("file_xls", new Case("订单明细.xls", ExportFilesTest.xls()));
    Object[] wide = new Object[2_001];
    for (int c = 0; c < wide.length; c++) {
      wide[c] =
          c < ExportFilesTest.ORDERS_HEADER.length ? ExportFilesTest.ORDERS_HEADER[c] : "列" + c;
    }
    cases.put(
        "file_too_many_columns",
        new Case("订单明细.xlsx", ExportFilesTest.workbook(new Object[][] {wide})));

    try (Workspaces workspaces = new Workspaces(data, Clock.systemDefaultZone())) {
      workspaces.upload(
          "demo",
          List.of(
              new UploadFile("订单明细.csv", () -> Files.newInputStream(SAMPLES.resolve("订单明细.csv")))),
          p -> {});
      long orders = workspaces.database("demo").count(FileKind.ORDERS);
      long upload = workspaces.database("demo").latestUploadId().orElseThrow();
      String analysis = analysis(workspaces);
      JavalinTest.test(
          WebApp.create(workspaces, WebConfig.defaults()),
          (server, client) -> {
            for (Map.Entry<String, Case> each : cases.entrySet()) {
              String code = each.getKey();
              Case sent = each.getValue();
              HttpResponse<String> response = post(server.port(), sent);
              assertEquals(400, response.statusCode(), code + ": " + response.body());
              JsonNode file = Json.MAPPER.readTree(response.body()).at("/files/0");
              assertEquals(code, file.get("message_code").asText(), response.body());
              assertTrue(
                  file.get("name").asText().startsWith(sent.name()), file.get("name").asText());
              assertTrue(file.get("message").asText().length() < 500, file.get("message").asText());
              assertEquals(orders, workspaces.database("demo").count(FileKind.ORDERS), code);
              assertEquals(
                  upload, workspaces.database("demo").latestUploadId().orElseThrow(), code);
              assertEquals(analysis, analysis(workspaces), code + ": the analysis is as before");
            }
          });
    }
  }

  private record Case(String name, byte[] bytes) {}

  private static String analysis(Workspaces workspaces) throws Exception {
    return Json.MAPPER.writeValueAsString(
        ImpactAnalysis.run(StoredShop.load(workspaces.database("demo")), "en"));
  }

  private static HttpResponse<String> post(int port, Case upload) throws Exception {
    String boundary = "----BrokenArchive";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + upload.name()
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(upload.bytes());
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/shops/demo/uploads"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
