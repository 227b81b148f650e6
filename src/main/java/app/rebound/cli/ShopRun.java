package app.rebound.cli;

import app.rebound.Json;
import app.rebound.PlatformTime;
import app.rebound.advice.Assumptions;
import app.rebound.advice.RankedAction;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.Reason;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import app.rebound.ingest.IngestWarning;
import app.rebound.report.AppealPackWriter;
import app.rebound.report.PlanWriters;
import app.rebound.report.ShopsSummary;
import app.rebound.service.ShopReport;
import app.rebound.service.StoredShop;
import app.rebound.store.Durability;
import app.rebound.store.RowsInHand;
import app.rebound.store.UploadFile;
import app.rebound.store.UploadRefusedException;
import app.rebound.store.Workspaces;
import app.rebound.web.Lang;
import app.rebound.web.Messages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;

/**
 * One shop's whole analysis without a server: a folder of exports in, reports out. It reads nothing
 * but its arguments and writes nothing but its out folder and a scratch workspace of its own, so
 * shops can run one after another or many at once ({@code analyze}, {@code analyze-many}).
 *
 * @param lang the language of the written reports
 * @param now the moment the reports are made at (Beijing time); null for the clock's now
 * @param maxRows the data rows one file may hold
 */
record ShopRun(Lang lang, LocalDateTime now, long maxRows) {

  static final int EXIT_REFUSED = 2;

  /** The scratch workspace's one shop. */
  private static final String SHOP = "analysis";

  /**
   * What one shop's run came to, for a summary of many.
   *
   * @param exit 0 when every report was written, {@link #EXIT_REFUSED} when the exports were
   *     refused
   * @param reason why not, as a {@link ShopsSummary.Line} reason code, or null
   * @param gmv the GMV loss, null when the run stopped before measuring it
   * @param topAction the first action of the plan, null when there is none
   */
  record Outcome(
      int exit, String reason, long orders, ImpactReport.Loss gmv, RankedAction topAction) {

    static Outcome refused(String reason, long orders) {
      return new Outcome(EXIT_REFUSED, reason, orders, null, null);
    }
  }

  /** Reads the exports in {@code input} and writes every report into {@code out}. */
  Outcome run(Path input, Path out, PrintWriter log, PrintWriter err)
      throws IOException, SQLException {
    List<UploadFile> files = exportsIn(input);
    if (files.isEmpty()) {
      err.println("no files in " + input);
      return Outcome.refused(ShopsSummary.NO_FILES, 0);
    }
    Files.createDirectories(out);
    Path scratch = Files.createTempDirectory("rebound-analyze");
    try (Workspaces workspaces =
        new Workspaces(scratch, Clock.systemDefaultZone(), maxRows, Durability.SCRATCH)) {
      IngestReport report;
      boolean refused = false;
      RowsInHand inHand = StoredShop.rowsInHand();
      try {
        report = workspaces.upload(SHOP, files, stage -> {}, inHand);
      } catch (UploadRefusedException e) {
        report = e.report();
        refused = true;
      }
      // Codes and arguments as stored; the sentences in the report's language.
      Json.MAPPER.writeValue(
          out.resolve("ingest.json").toFile(), report.worded(Messages.of(lang)::problem));
      for (FileReport file : report.files()) {
        log.printf("%s: %s%n", file.name(), describe(file));
      }
      for (String skipped : skippedIn(input)) {
        log.printf(
            "%s: skipped, not an export file type (%s)%n",
            skipped, String.join(", ", EXPORT_TYPES));
      }
      String noOrders = null;
      if (report.ordersDistinct() == 0) {
        noOrders = "no orders were read: the orders export (订单明细) is required";
        err.println(noOrders);
      }
      log.printf(
          "%d distinct orders; wrote %s%n", report.ordersDistinct(), out.resolve("ingest.json"));
      if (refused || noOrders != null) {
        return Outcome.refused(
            noOrders != null ? ShopsSummary.NO_ORDERS : ShopsSummary.ALL_REFUSED,
            report.ordersDistinct());
      }
      LocalDateTime at = now == null ? PlatformTime.now(Clock.systemUTC()) : now;
      ShopData shop = StoredShop.load(workspaces.database(SHOP), inHand);
      ImpactAnalysis.Result result = ImpactAnalysis.run(shop);
      Assumptions assumptions = Assumptions.defaults();
      ShopReport shopReport = ShopReport.of(result, lang.code(), assumptions, at.toLocalDate());
      ImpactReport impact = shopReport.impact();
      Files.writeString(out.resolve("impact.json"), shopReport.json(), StandardCharsets.UTF_8);
      String shopName = input.toAbsolutePath().normalize().getFileName().toString();
      Files.write(out.resolve("plan.pdf"), PlanWriters.pdf(shopReport.plan(), impact, shopName));
      Files.writeString(
          out.resolve("plan.md"),
          PlanWriters.markdown(shopReport.plan(), impact, shopName),
          StandardCharsets.UTF_8);
      Files.write(out.resolve("actions.csv"), PlanWriters.csv(shopReport.plan()));
      log.printf(
          "%d deleted orders in %d batches; visitors lost: %s; %d recovery actions; wrote impact.json,"
              + " plan.pdf, plan.md and actions.csv into %s%n",
          impact.deletions().orders(),
          impact.deletions().batches().size(),
          describe(impact.traffic().visitors()),
          shopReport.plan().actions().size(),
          out);
      AppealReport appeal =
          AppealReport.of(shop, result, (int) assumptions.get("appeal.window_days"));
      writeAppeal(appeal, at, out, log);
      List<RankedAction> actions = shopReport.plan().actions();
      return new Outcome(
          0,
          null,
          report.ordersDistinct(),
          impact.gmv(),
          actions.isEmpty() ? null : actions.get(0));
    } finally {
      PathUtils.deleteDirectory(scratch);
    }
  }

  /** appeal.json, and a pack for each group whose window is still open at {@code at}. */
  private void writeAppeal(AppealReport appeal, LocalDateTime at, Path out, PrintWriter log)
      throws IOException {
    Json.MAPPER.writeValue(out.resolve("appeal.json").toFile(), appeal.toJson(lang.code(), at));
    List<AppealGroup> open = appeal.groups().stream().filter(g -> !g.closed(at)).toList();
    for (AppealGroup group : open) {
      Files.write(out.resolve(group.pack()), AppealPackWriter.zip(group, appeal, lang.code()));
    }
    log.printf(
        "analyze wrote: appeal.json (%d deleted orders, %d groups, %d still open at %s Beijing time)%n",
        appeal.orders().size(),
        appeal.groups().size(),
        open.size(),
        at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    for (AppealGroup group : open) {
      log.printf(
          "analyze wrote: %s (%d orders, appeal by %s Beijing time)%n",
          group.pack(), group.orders().size(), PlatformTime.lastMinute(group.deadline(), false));
    }
  }

  static String describe(ImpactReport.Loss loss) {
    return loss.measured()
        ? String.format(
            Locale.ROOT,
            "%.0f (95%% interval %.0f to %.0f)",
            loss.loss(),
            loss.lossLow(),
            loss.lossHigh())
        : Reason.text(loss.reason(), false);
  }

  private static String describe(FileReport file) {
    if (file.refused()) {
      return "refused: " + file.message();
    }
    StringBuilder text =
        new StringBuilder(
            String.format(
                "%s, %s, %d rows read, %d accepted, %d rejected",
                file.kind(),
                file.encoding(),
                file.rowsRead(),
                file.rowsAccepted(),
                file.rowsRejected()));
    for (IngestWarning warning : file.warnings()) {
      text.append("; warning: ").append(warning.message());
      if (!warning.examples().isEmpty()) {
        text.append(" (e.g. ").append(String.join(", ", warning.examples())).append(')');
      }
    }
    return text.toString();
  }

  /**
   * The folder's exports (.csv, .tsv, .txt, .xlsx, .xlsm, .xls, .zip; their kind is then told by
   * their bytes and header) in name order, so reports are the same on every run. Other files, such
   * as a simulator's truth.json, are not exports; {@link #skippedIn} names them.
   */
  static List<UploadFile> exportsIn(Path dir) throws IOException {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(ShopRun::isExportFile)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .map(p -> new UploadFile(p.getFileName().toString(), () -> Files.newInputStream(p)))
          .toList();
    }
  }

  static boolean isExportFile(Path path) {
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && EXPORT_TYPES.stream().anyMatch(name::endsWith);
  }

  private static final List<String> EXPORT_TYPES =
      List.of(".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".xls", ".zip");

  /** The folder's other files, named in the output so none is left out without a word. */
  static List<String> skippedIn(Path dir) throws IOException {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(p -> !isExportFile(p))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    }
  }
}
