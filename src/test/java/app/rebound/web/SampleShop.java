package app.rebound.web;

import app.rebound.ingest.CompassFiles;
import app.rebound.service.Analyses;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The sample exports uploaded as one shop, with its analysis awaited: what the dashboard tests
 * read.
 */
final class SampleShop {

  static final String ID = "sample";
  static final List<String> FILES =
      List.of(
          "订单明细.csv", "销量删除记录.csv", "商品流量.csv", "评价.csv", "店铺体验分.csv", "达人合作.csv", "客服聊天记录.csv");

  private SampleShop() {}

  static void upload(Workspaces workspaces, String shop) throws Exception {
    upload(workspaces, shop, List.of());
  }

  /** The sample exports and {@code more} in one upload. */
  static void upload(Workspaces workspaces, String shop, List<UploadFile> more) throws Exception {
    List<UploadFile> files = new ArrayList<>();
    for (String name : FILES) {
      files.add(new UploadFile(name, () -> Files.newInputStream(Multipart.SAMPLES.resolve(name))));
    }
    files.addAll(more);
    workspaces.upload(shop, files, step -> {});
  }

  /**
   * The 罗盘 exports beside the sample: the 成交分析 workbook over the sample's traffic days (直播 exposure
   * halving from the first deletion, 2026-05-30) and the 流量来源 of April and of May.
   */
  static List<UploadFile> compassFiles() throws Exception {
    byte[] deal =
        CompassFiles.dealWorkbook(
            LocalDate.of(2026, 5, 1),
            LocalDate.of(2026, 6, 14),
            LocalDate.of(2026, 5, 30),
            List.of("3500000000003000009", "3500000000003007928"));
    byte[] april = CompassFiles.sourcesWorkbook(7);
    byte[] may = CompassFiles.sourcesWorkbook(1);
    return List.of(
        new UploadFile(DEAL_WORKBOOK, () -> new ByteArrayInputStream(deal)),
        new UploadFile(
            "商品卡流量分析流量来源数据_2026_04_01~2026_04_30.xlsx", () -> new ByteArrayInputStream(april)),
        new UploadFile(
            "商品卡流量分析流量来源数据_2026_05_01~2026_05_31.xlsx", () -> new ByteArrayInputStream(may)));
  }

  static final String DEAL_WORKBOOK = "抖音电商罗盘-成交分析-20260501-20260614.xlsx";

  /** The READY status of the shop's analysis in a language, waiting up to 60 s. */
  static Analyses.Status awaitReady(Analyses analyses, String shop, String lang) throws Exception {
    for (int i = 0; i < 600; i++) {
      Analyses.Status status = analyses.status(shop, lang);
      if (status.state() == Analyses.State.READY) {
        return status;
      }
      if (status.state() != Analyses.State.RUNNING) {
        throw new AssertionError(
            "analysis of " + shop + " is " + status.state() + ": " + status.error());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("analysis still running after 60 s");
  }

  static Path samples() {
    return Multipart.SAMPLES;
  }
}
