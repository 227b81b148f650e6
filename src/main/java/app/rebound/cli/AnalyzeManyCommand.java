package app.rebound.cli;

import app.rebound.report.CsvTables;
import app.rebound.report.ShopsSummary;
import app.rebound.report.Table;
import app.rebound.report.XlsxTables;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * For agencies: every shop folder under a root analysed by the same per-shop function as {@code
 * analyze} ({@link ShopRun}), each into its own out folder and isolated from the others (one shop's
 * refused or broken exports never stop another), then a summary of all of them.
 */
@Command(
    name = "analyze-many",
    mixinStandardHelpOptions = true,
    description =
        "Analyses every shop folder under --input-root as `analyze` does, each into"
            + " --out-root/<shop>/, and writes summary.csv and summary.xlsx (shop, status, orders,"
            + " GMV loss with its interval, top action) into --out-root. Exits 2 when any shop is"
            + " not ok.")
public final class AnalyzeManyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--input-root",
      required = true,
      paramLabel = "DIR",
      description =
          "Folder holding one folder of exports per shop (the folder's name is the shop).")
  Path inputRoot;

  @Option(
      names = "--out-root",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write each shop's reports and the summary into.")
  Path outRoot;

  @Option(
      names = "--jobs",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Shops analysed at once (default: ${DEFAULT-VALUE}); each holds one shop's tables in"
              + " memory.")
  int jobs;

  @Mixin ReportOptions report;

  /** One shop's run: its line of the summary and what it printed. */
  private record Done(ShopsSummary.Line line, String log) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(inputRoot)) {
      err.println("--input-root " + inputRoot + " is not a folder");
      return ShopRun.EXIT_REFUSED;
    }
    if (jobs < 1 || report.maxRows < 1) {
      err.println("--jobs and --max-rows must be at least 1");
      return ShopRun.EXIT_REFUSED;
    }
    List<Path> shops;
    try (Stream<Path> children = Files.list(inputRoot)) {
      shops =
          children
              .filter(Files::isDirectory)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted(Comparator.comparing(p -> p.getFileName().toString()))
              .toList();
    }
    if (shops.isEmpty()) {
      err.println("no shop folders in " + inputRoot);
      return ShopRun.EXIT_REFUSED;
    }
    Files.createDirectories(outRoot);
    ShopRun run = report.shopRun();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, shops.size()));
    List<Done> done = new ArrayList<>();
    try {
      List<Future<Done>> running = new ArrayList<>();
      for (Path shop : shops) {
        running.add(pool.submit(() -> analyse(run, shop)));
      }
      for (Future<Done> each : running) {
        done.add(each.get());
      }
    } finally {
      pool.shutdownNow();
    }
    for (Done shop : done) {
      out.printf("== %s: %s%n", shop.line().shop(), shop.line().status());
      out.print(shop.log());
    }
    Table summary = ShopsSummary.table(done.stream().map(Done::line).toList(), report.lang.code());
    Files.write(outRoot.resolve("summary.csv"), CsvTables.bytes(summary));
    try (OutputStream xlsx = Files.newOutputStream(outRoot.resolve("summary.xlsx"))) {
      XlsxTables.write(summary, xlsx);
    }
    long notOk = done.stream().filter(d -> !d.line().status().equals("ok")).count();
    out.printf(
        "%d shops, %d ok; wrote summary.csv and summary.xlsx into %s%n",
        done.size(), done.size() - notOk, outRoot);
    return notOk == 0 ? 0 : ShopRun.EXIT_REFUSED;
  }

  /** One shop, isolated: whatever it throws ends its own line, never the run. */
  private Done analyse(ShopRun run, Path shop) {
    String name = shop.getFileName().toString();
    StringWriter log = new StringWriter();
    try (PrintWriter writer = new PrintWriter(log)) {
      try {
        ShopRun.Outcome outcome = run.run(shop, outRoot.resolve(name), writer, writer);
        return new Done(
            new ShopsSummary.Line(
                name,
                outcome.exit() == 0 ? "ok" : "refused",
                outcome.reason(),
                outcome.orders(),
                outcome.gmv(),
                outcome.topAction()),
            log.toString());
      } catch (Exception e) {
        writer.println("failed: " + e);
        writer.flush();
        return new Done(
            new ShopsSummary.Line(name, "failed", e.toString(), 0, null, null), log.toString());
      }
    }
  }
}
