package app.rebound.web;

import app.rebound.service.Analyses;
import app.rebound.store.UploadFile;
import app.rebound.store.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
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
    List<UploadFile> files =
        FILES.stream()
            .map(
                name ->
                    new UploadFile(
                        name, () -> Files.newInputStream(Multipart.SAMPLES.resolve(name))))
            .toList();
    workspaces.upload(shop, files, step -> {});
  }

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
