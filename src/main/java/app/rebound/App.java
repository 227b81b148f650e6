package app.rebound;

import app.rebound.cli.AnalyzeCommand;
import app.rebound.cli.AnalyzeManyCommand;
import app.rebound.cli.ServeCommand;
import app.rebound.sim.SimulateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Rebound's command line: one jar, several commands. */
@Command(
    name = "rebound",
    mixinStandardHelpOptions = true,
    version = "Rebound 0.1.0",
    description = "Measures what Douyin sales deletions cost a shop, and helps win it back.",
    subcommands = {
      ServeCommand.class,
      AnalyzeCommand.class,
      AnalyzeManyCommand.class,
      SimulateCommand.class
    })
public final class App implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new App()).execute(args));
  }
}
