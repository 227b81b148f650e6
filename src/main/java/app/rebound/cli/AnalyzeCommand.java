package app.rebound.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  static final int EXIT_REFUSED = ShopRun.EXIT_REFUSED;

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

  @Mixin ReportOptions report;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    if (!Files.isDirectory(input)) {
      err.println("--input " + input + " is not a folder");
      return EXIT_REFUSED;
    }
    if (report.maxRows < 1) {
      err.println("--max-rows must be at least 1 (got " + report.maxRows + ")");
      return EXIT_REFUSED;
    }
    return report.shopRun().run(input, out, outWriter, err).exit();
  }
}
