package app.rebound.cli;

import app.rebound.Json;
import app.rebound.PlatformTime;
import app.rebound.advice.Assumptions;
import app.rebound.advice.appeal.AppealGroup;
import app.rebound.advice.appeal.AppealReport;
import app.rebound.analysis.ImpactAnalysis;
import app.rebound.analysis.ImpactReport;
import app.rebound.analysis.ShopData;
import app.rebound.ingest.FileReport;
import app.rebound.ingest.IngestReport;
import app.rebound.ingest.IngestWarning;
import app.rebound.report.AppealPackWriter;
import app.rebound.report.PlanWriters;
import app.rebound.service.ShopReport;
import app.rebound.store.UploadFile;
import app.rebound.store.UploadRefusedException;
import app.rebound.store.Workspaces;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.io.file.PathUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The pipeline without a server: reads a folder of exports into a scratch workspace and writes
 * reports.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description =
        "Reads every export in --input (kinds recognised by header) and writes ingest.json,"
            + " impact.json, plan.pdf, plan.md, actions.csv, appeal.json and an appeal pack per open group into --out.")
public final class AnalyzeCommand implements Callable<Integer> {

  static final int EXIT_REFUSED = 2;

  /** The scratch workspace's one shop. */
  private static final String SHOP = "analysis";

  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "DIR",
      description = "Folder of Douyin exports: .csv, .xlsx and .zip as downloaded.")
  Path input;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write reports into.")
  Path out;

  @Option(
      names = "--lang",
      defaultValue = "zh",
      paramLabel = "zh|en",
      description = "Language of the written reports (default: ${DEFAULT-VALUE}).")
  Language lang;

  @Option(
      names = "--now",
      paramLabel = "YYYY-MM-DD[THH:MM[:SS]]",
      converter = MomentConverter.class,
      description =
          "The moment the reports are made at, Beijing time; a date alone is the start of that day:"
              + " appeal windows and the plan are counted from it (default: now).")
  LocalDateTime now;

  @Option(
      names = "--max-rows",
      defaultValue = "20000000",
      paramLabel = "N",
      description =
          "Data rows one file may hold; a file over it is refused whole (default: ${DEFAULT-VALUE}).")
  long maxRows;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    if (!Files.isDirectory(input)) {
      err.println("--input " + input + " is not a folder");
      return EXIT_REFUSED;
    }
    if (maxRows < 1) {
      err.println("--max-rows must be at least 1 (got " + maxRows + ")");
      return EXIT_REFUSED;
    }
    List<UploadFile> files = exportsIn(input);
    if (files.isEmpty()) {
      err.println("no files in " + input);
      return EXIT_REFUSED;
    }
    Files.createDirectories(out);
    Path scratch = Files.createTempDirectory("rebound-analyze");
    try (Workspaces workspaces = new Workspaces(scratch, Clock.systemDefaultZone(), maxRows)) {
      IngestReport report;
      int exit = 0;
      try {
        report = workspaces.upload(SHOP, files, stage -> {});
      } catch (UploadRefusedException refused) {
        report = refused.report();
        exit = EXIT_REFUSED;
      }
      Json.MAPPER.writeValue(out.resolve("ingest.json").toFile(), report);
      for (FileReport file : report.files()) {
        outWriter.printf("%s: %s%n", file.name(), describe(file));
      }
      for (String skipped : skippedIn(input)) {
        outWriter.printf(
            "%s: skipped, not an export file type (%s)%n",
            skipped, String.join(", ", EXPORT_TYPES));
      }
      if (report.ordersDistinct() == 0) {
        err.println("no orders were read: the orders export (订单明细) is required");
        exit = EXIT_REFUSED;
      }
      outWriter.printf(
          "%d distinct orders; wrote %s%n", report.ordersDistinct(), out.resolve("ingest.json"));
      if (exit != 0) {
        return exit;
      }
      LocalDateTime at = now == null ? PlatformTime.now(Clock.systemUTC()) : now;
      ShopData shop = ShopData.load(workspaces.database(SHOP));
      ImpactAnalysis.Result result = ImpactAnalysis.run(shop);
      Assumptions assumptions = Assumptions.defaults();
      ShopReport shopReport = ShopReport.of(result, lang.name(), assumptions, at.toLocalDate());
      ImpactReport impact = shopReport.impact();
      Files.writeString(out.resolve("impact.json"), shopReport.json(), StandardCharsets.UTF_8);
      String shopName = input.toAbsolutePath().normalize().getFileName().toString();
      Files.write(out.resolve("plan.pdf"), PlanWriters.pdf(shopReport.plan(), impact, shopName));
      Files.writeString(
          out.resolve("plan.md"),
          PlanWriters.markdown(shopReport.plan(), impact, shopName),
          StandardCharsets.UTF_8);
      Files.write(out.resolve("actions.csv"), PlanWriters.csv(shopReport.plan()));
      outWriter.printf(
          "%d deleted orders in %d batches; visitors lost: %s; %d recovery actions; wrote impact.json,"
              + " plan.pdf, plan.md and actions.csv into %s%n",
          impact.deletions().orders(),
          impact.deletions().batches().size(),
          describe(impact.traffic().visitors()),
          shopReport.plan().actions().size(),
          out);
      AppealReport appeal =
          AppealReport.of(shop, result, (int) assumptions.get("appeal.window_days"));
      writeAppeal(appeal, at, outWriter);
      return 0;
    } finally {
      PathUtils.deleteDirectory(scratch);
    }
  }

  /** appeal.json, and a pack for each group whose window is still open at {@code at}. */
  private void writeAppeal(AppealReport appeal, LocalDateTime at, PrintWriter outWriter)
      throws IOException {
    Json.MAPPER.writeValue(out.resolve("appeal.json").toFile(), appeal.toJson(lang.name(), at));
    List<AppealGroup> open = appeal.groups().stream().filter(g -> !g.closed(at)).toList();
    for (AppealGroup group : open) {
      Files.write(out.resolve(group.pack()), AppealPackWriter.zip(group, appeal, lang.name()));
    }
    outWriter.printf(
        "analyze wrote: appeal.json (%d deleted orders, %d groups, %d still open at %s)%n",
        appeal.orders().size(), appeal.groups().size(), open.size(), at);
    for (AppealGroup group : open) {
      outWriter.printf(
          "analyze wrote: %s (%d orders, appeal by %s)%n",
          group.pack(), group.orders().size(), group.deadline());
    }
  }

  private static String describe(ImpactReport.Loss loss) {
    return loss.measured()
        ? String.format(
            Locale.ROOT,
            "%.0f (95%% interval %.0f to %.0f)",
            loss.loss(),
            loss.lossLow(),
            loss.lossHigh())
        : loss.message();
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
          .filter(AnalyzeCommand::isExportFile)
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
