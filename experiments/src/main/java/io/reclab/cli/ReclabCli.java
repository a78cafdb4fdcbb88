package io.reclab.cli;

import io.reclab.catalog.Catalogue;
import io.reclab.config.ConfigComposer;
import io.reclab.config.ConfigError;
import io.reclab.config.ConfigSource;
import io.reclab.data.DataFormatException;
import io.reclab.report.ConsoleLeaderboard;
import io.reclab.report.ReportWriter;
import io.reclab.run.Components;
import io.reclab.run.ExperimentRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code reclab} command line: {@code run} an experiment with Hydra-style overrides, {@code list} what is
 * registered, {@code report} one or more run folders. Exit codes: 0 success, 1 a trial failed, 2 a configuration
 * mistake, 3 unreadable or malformed data.
 */
@Command(name = "reclab", mixinStandardHelpOptions = true, version = "reclab 0.1.0",
        description = "Reproducible recall and ranking experiments for recommender systems.",
        subcommands = {ReclabCli.Run.class, ReclabCli.ListCommand.class, ReclabCli.Report.class})
public final class ReclabCli implements Callable<Integer> {
    static final int EXIT_TRIAL_FAILED = 1;
    static final int EXIT_CONFIG = 2;
    static final int EXIT_DATA = 3;

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new ReclabCli());
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof ConfigError) {
                err.println("reclab: configuration error: " + ex.getMessage());
                return EXIT_CONFIG;
            }
            if (ex instanceof NoSuchFileException nf) {
                err.println("reclab: file not found: " + nf.getFile());
                return EXIT_DATA;
            }
            if (ex instanceof IOException || ex instanceof DataFormatException || ex instanceof java.io.UncheckedIOException) {
                err.println("reclab: data error: " + ex.getMessage());
                return EXIT_DATA;
            }
            throw ex;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("reclab: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return EXIT_CONFIG;
        });
        return cl.execute(args);
    }

    /** Where config groups are searched: the user's folder (if any), the project's, then the jar. */
    static ConfigSource configSource(Path confDir) {
        List<Path> dirs = new ArrayList<>();
        if (confDir != null) {
            if (!Files.isDirectory(confDir)) throw new ConfigError("--conf-dir " + confDir + " is not a folder");
            dirs.add(confDir);
        }
        String env = System.getenv("RECLAB_CONF");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) dirs.add(Path.of(env));
        if (Files.isDirectory(Path.of("experiments", "conf"))) dirs.add(Path.of("experiments", "conf"));
        return new ConfigSource(dirs, ReclabCli.class.getClassLoader(), Catalogue.GROUPS);
    }

    @Command(name = "run", description = {
            "Run an experiment (a name under conf/experiment/ or a path to a .conf file) with overrides:",
            "  group options   dataset=ml-100k  split=leave-one-out  recall=pop,itemcf",
            "  fields          recall.itemcf.neighbors=50  dataset.path=/some/dir  seed=7",
            "Sweeps (-m) run the cartesian product, one trial folder per point."})
    static final class Run implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "EXPERIMENT", description = "experiment name or .conf path")
        String experiment;

        @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides")
        List<String> overrides = new ArrayList<>();

        @Option(names = "-m", paramLabel = "KEY=V1,V2", description = "sweep a key over values (repeatable)")
        List<String> sweeps = new ArrayList<>();

        @Option(names = "--runs", paramLabel = "DIR", description = "root folder for run folders (default: ${DEFAULT-VALUE})")
        Path runs = Path.of("runs");

        @Option(names = "--conf-dir", paramLabel = "DIR", description = "extra folder of config groups, searched first")
        Path confDir;

        @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue an interrupted run folder")
        Path resume;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            java.io.PrintWriter out = spec.commandLine().getOut();
            ExperimentRunner runner = new ExperimentRunner(Catalogue.components(), out);
            ConfigComposer composer = new ConfigComposer(configSource(confDir));
            ExperimentRunner.Result result;
            if (resume != null) {
                result = runner.resume(composer, resume);
            } else {
                if (experiment == null) throw new ConfigError("name an experiment, e.g. `reclab run quickstart`; see `reclab list`");
                List<ExperimentRunner.Sweep> sw = sweeps.stream().map(ExperimentRunner.Sweep::parse).toList();
                result = runner.run(composer, experiment, overrides, sw, runs);
            }
            Path report = ReportWriter.writeRunReport(result.runDir());
            out.println();
            out.print(ConsoleLeaderboard.render(result.records()));
            out.println();
            out.println("report: " + report.toAbsolutePath());
            if (result.failed() > 0) {
                out.println(result.failed() + " trial(s) failed; see run.json files in " + result.runDir());
                return EXIT_TRIAL_FAILED;
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List registered datasets, splitters, models, metrics and shipped experiments.")
    static final class ListCommand implements Callable<Integer> {
        @Option(names = "--conf-dir", paramLabel = "DIR")
        Path confDir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            java.io.PrintWriter out = spec.commandLine().getOut();
            out.print(Catalogue.describe(configSource(confDir)));
            out.flush();
            return 0;
        }
    }

    @Command(name = "report", description = "Write an HTML report for one run folder, or a comparison of several.")
    static final class Report implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "RUN_DIR")
        List<Path> runDirs;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "output file (required for several runs)")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            java.io.PrintWriter out = spec.commandLine().getOut();
            Path written;
            if (runDirs.size() == 1 && output == null) {
                written = ReportWriter.writeRunReport(runDirs.get(0));
            } else {
                written = ReportWriter.writeComparison(runDirs, output == null ? Path.of("compare.html") : output);
            }
            out.println("report: " + written.toAbsolutePath());
            out.flush();
            return 0;
        }
    }
}
