package io.reclab.cli;

import io.reclab.catalog.Catalogue;
import io.reclab.config.ConfigComposer;
import io.reclab.config.ConfigError;
import io.reclab.config.ConfigSource;
import io.reclab.data.DataFormatException;
import io.reclab.data.fetch.DataCache;
import io.reclab.data.fetch.DatasetCatalogue;
import io.reclab.data.fetch.DatasetEntry;
import io.reclab.data.fetch.Downloader;
import io.reclab.data.fetch.Fetcher;
import io.reclab.data.fetch.Progress;
import io.reclab.report.ConsoleLeaderboard;
import io.reclab.report.ReportWriter;
import io.reclab.run.Components;
import io.reclab.run.ExperimentRunner;
import io.reclab.tune.SearchSpace;
import io.reclab.tune.Tuner;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The {@code reclab} command line: {@code run} an experiment with Hydra-style overrides, {@code tune} one model's
 * hyperparameters on validation, {@code list} what is registered, {@code report} one or more run folders,
 * {@code bench} timings, {@code data} list, fetch and verify public datasets; {@code help <command>} and
 * {@code generate-completion} (a bash/zsh completion script: {@code source <(./reclab generate-completion)}).
 * Exit codes: 0 success, 1 a trial failed, 2 a configuration
 * mistake, 3 unreadable or malformed data.
 */
@Command(name = "reclab", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = ReclabCli.Version.class,
        description = "Reproducible recall and ranking experiments for recommender systems.",
        subcommands = {ReclabCli.Run.class, ReclabCli.Tune.class, ReclabCli.ListCommand.class, ReclabCli.Report.class, ReclabCli.Bench.class,
                ReclabCli.Data.class, CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class})
public final class ReclabCli implements Callable<Integer> {
    /** {@code --version}: the build's version, the same string run.json's environment records. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() { return new String[]{"reclab " + io.reclab.run.Environment.version()}; }
    }

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
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // loading or splitting outgrew the heap (trials catch their own and are recorded as failed)
            err.println("reclab: " + io.reclab.run.TrialRunner.outOfMemory(e));
            return EXIT_DATA;
        }
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

    /**
     * What a {@code run} or {@code tune} starts from (an experiment, or a folder to resume), where its folder goes and
     * where extra config groups are found.
     */
    static final class Target {
        @Parameters(index = "0", arity = "0..1", paramLabel = "EXPERIMENT", description = "experiment name or .conf path")
        String experiment;

        @Option(names = "--resume", paramLabel = "DIR", description = "continue an interrupted run (or tune) folder")
        Path resume;

        @Option(names = "--runs", paramLabel = "DIR", description = "root folder for run folders (default: ${DEFAULT-VALUE})")
        Path runs = Path.of("runs");

        @Option(names = "--conf-dir", paramLabel = "DIR", description = "extra folder of config groups, searched first")
        Path confDir;
    }

    /** Writes the run folder's report, prints the leaderboard and the report's path; exit 1 when a trial failed. */
    static int finish(java.io.PrintWriter out, Path runDir, List<io.reclab.run.RunRecord> shown, int failed, String extra)
            throws IOException {
        Path report = ReportWriter.writeRunReport(runDir);
        out.println();
        out.print(ConsoleLeaderboard.render(shown));
        out.println();
        if (extra != null) out.println(extra);
        out.println("report: " + report.toAbsolutePath());
        if (failed > 0) {
            out.println(failed + " trial(s) failed; see run.json files in " + runDir);
            return EXIT_TRIAL_FAILED;
        }
        return 0;
    }

    @Command(name = "run", description = {
            "Run an experiment (a name under conf/experiment/ or a path to a .conf file) with overrides:",
            "  group options   dataset=ml-100k  split=leave-one-out  recall=pop,itemcf",
            "  fields          recall.itemcf.neighbors=50  dataset.path=/some/dir  seed=7",
            "Sweeps (-m) run the cartesian product, one trial folder per point."})
    static final class Run implements Callable<Integer> {
        @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides")
        List<String> overrides = new ArrayList<>();

        @Option(names = "-m", paramLabel = "KEY=V1,V2", description = "sweep a key over values (repeatable)")
        List<String> sweeps = new ArrayList<>();

        @CommandLine.Mixin
        Target target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            java.io.PrintWriter out = spec.commandLine().getOut();
            ExperimentRunner runner = new ExperimentRunner(Catalogue.components(), out);
            ConfigComposer composer = new ConfigComposer(configSource(target.confDir));
            ExperimentRunner.Result result;
            if (target.resume != null) {
                if (target.experiment != null || !overrides.isEmpty() || !sweeps.isEmpty())
                    throw new ConfigError("--resume continues " + target.resume + " with the configuration saved there; drop the "
                            + "experiment name, overrides and -m (or start a new run)");
                result = runner.resume(composer, target.resume);
            } else {
                if (target.experiment == null) throw new ConfigError("name an experiment, e.g. `reclab run quickstart`; see `reclab list`");
                List<ExperimentRunner.Sweep> sw = sweeps.stream().map(ExperimentRunner.Sweep::parse).toList();
                result = runner.run(composer, target.experiment, overrides, sw, target.runs);
            }
            return finish(out, result.runDir(), result.records(), result.failed(), null);
        }
    }

    @Command(name = "tune", description = {
            "Search one model's hyperparameters on the validation part (test is computed once, for the selected trial):",
            "  ./reclab tune recbole-ml100k recall=bpr --trials 30 --sampler tpe \\",
            "      recall.bpr.learning-rate=loguniform(1e-4,1e-1) recall.bpr.l2=loguniform(1e-5,1e-1)",
            "Spaces: loguniform(a,b), uniform(a,b), int(a,b), choice(x,y,...), on the command line or in --space FILE.",
            "Iterative trials are pruned on their validation curves by successive halving (ASHA) unless --no-prune.",
            "Writes tune.json, best.conf (a ready-to-run experiment with the winning values) and report.html."})
    static final class Tune implements Callable<Integer> {
        @Parameters(index = "1..*", paramLabel = "KEY=VALUE|KEY=SPACE", description = "overrides and search spaces")
        List<String> words = new ArrayList<>();

        @Option(names = "--trials", paramLabel = "N", description = "trials to run (default: ${DEFAULT-VALUE})")
        int trials = 20;

        @Option(names = "--jobs", paramLabel = "J", description = "trials run at once (default: ${DEFAULT-VALUE})")
        int jobs = 1;

        @Option(names = "--sampler", paramLabel = "random|tpe", description = "how points are proposed (default: ${DEFAULT-VALUE})")
        String sampler = "tpe";

        @Option(names = "--space", paramLabel = "FILE", description = "a conf file of `key = \"loguniform(a,b)\"` lines")
        Path spaceFile;

        @Option(names = "--no-prune", description = "run every trial to its own early stop")
        boolean noPrune;

        @Option(names = "--min-epochs", paramLabel = "E", description = "first successive-halving rung (default: ${DEFAULT-VALUE})")
        int minEpochs = 10;

        @Option(names = "--eta", paramLabel = "ETA", description = "keep the top 1/ETA at each rung (default: ${DEFAULT-VALUE})")
        int eta = 3;

        @CommandLine.Mixin
        Target target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            java.io.PrintWriter out = spec.commandLine().getOut();
            ConfigComposer composer = new ConfigComposer(configSource(target.confDir));
            Tuner tuner = new Tuner(Catalogue.components(), out);
            Tuner.Result result;
            if (target.resume != null) {
                if (target.experiment != null || !words.isEmpty() || spaceFile != null)
                    throw new ConfigError("--resume continues " + target.resume + " with the setup saved there; drop the experiment, "
                            + "overrides and --space (or start a new tune)");
                result = tuner.resume(composer, target.resume);
            } else {
                if (target.experiment == null)
                    throw new ConfigError("name an experiment, e.g. `reclab tune quickstart recall=bpr recall.bpr.l2=loguniform(1e-5,1e-1)`");
                List<String> overrides = new ArrayList<>();
                Map<String, String> space = new LinkedHashMap<>();
                if (spaceFile != null) space.putAll(SearchSpace.readFile(spaceFile));
                SearchSpace.specsIn(words, overrides).forEach((k, v) -> {
                    if (space.put(k, v) != null && spaceFile != null)
                        out.println("tune: " + k + " from the command line replaces the one in " + spaceFile);
                });
                result = tuner.run(composer, target.experiment, overrides, space,
                        new Tuner.Settings(trials, jobs, sampler, !noPrune, minEpochs, eta), target.runs);
            }
            return finish(out, result.runDir(), List.of(result.selected()), result.failed(),
                    "best.conf: " + result.runDir().resolve(Tuner.BEST_CONF).toAbsolutePath());
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

    @Command(name = "bench", description = {
            "Benchmark an experiment's recall models: whole fits and top-K for every test user, repeated (median, min-max,",
            "CPU seconds, peak heap, NDCG/Recall beside each time). Suites of synthetic logs shaped like the public benchmarks:",
            "  bench-1m (6,040 x 3,706 x 1M)   bench-5m (50k x 20k x 5M)   bench-20m (138k x 27k x 20M)",
            "  bench-gowalla (29,858 x 40,981 x 810k, the LightGCN-protocol shape)",
            "or any experiment on local files (e.g. ml-latest-small). Writes bench.json, bench.csv and bench.html."})
    static final class Bench implements Callable<Integer> {
        @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides (recall=als,itemcf, dataset.users=...)")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--repeats", paramLabel = "N", description = "measured repeats of each phase (default: the suite's bench.repeats)")
        Integer repeats;

        @Option(names = "--warmup", paramLabel = "N", description = "unmeasured warm-up fits per model (default: the suite's bench.warmup)")
        Integer warmup;

        @CommandLine.Mixin
        Target target;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            java.io.PrintWriter out = spec.commandLine().getOut();
            if (target.resume != null) throw new ConfigError("bench has no --resume: a benchmark is rerun whole");
            if (target.experiment == null) throw new ConfigError("name a bench suite, e.g. `reclab bench bench-1m`; see `reclab bench --help`");
            ConfigComposer composer = new ConfigComposer(configSource(target.confDir));
            ConfigComposer.Composed composed = composer.compose(target.experiment, overrides);
            com.typesafe.config.Config c = composed.config();
            io.reclab.bench.BenchSettings settings = io.reclab.bench.BenchSettings.from(
                    io.reclab.config.ConfigBlock.at(c, "bench"));
            if (repeats != null) settings = settings.withRepeats(repeats);
            if (warmup != null) settings = settings.withWarmup(warmup);
            io.reclab.run.ExperimentPlan plan = io.reclab.run.ExperimentPlan.build(c, Catalogue.components());
            if (plan.ctr() != null)
                throw new ConfigError("experiment " + composed.experiment() + " reads CTR files: bench measures recall models on an interaction log");
            io.reclab.run.DataSource.Log source = (io.reclab.run.DataSource.Log) new io.reclab.run.InputCache(out).source(plan);
            io.reclab.bench.BenchResult result = new io.reclab.bench.BenchRunner(out).run(plan, source, settings);
            Path dir = io.reclab.run.RunStore.create(target.runs.resolve("bench"), composed.experiment()).dir();
            io.reclab.bench.BenchFiles.write(dir, result);
            io.reclab.run.AtomicFiles.writeString(dir.resolve("bench.html"), io.reclab.report.bench.BenchPage.render(result));
            out.println("bench: " + dir.resolve("bench.html").toAbsolutePath() + " (and bench.json, bench.csv)");
            out.flush();
            return 0;
        }
    }

    @Command(name = "data", description = {
            "List, fetch and verify the public datasets experiments name (dataset.fetch).",
            "Fetched data goes to $RECLAB_DATA/<name> (default ~/.reclab/data), where",
            "experiments look when dataset.path is not set.",
            "  ./reclab data list",
            "  ./reclab data fetch ml-100k",
            "  ./reclab data verify ml-100k --path ../shared/data/ml-100k",
            "  ./reclab data export bench-20m -o syn20m.csv"},
            subcommands = {Data.ListData.class, Data.Fetch.class, Data.Verify.class, Data.Export.class})
    static final class Data implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return 0;
        }

        /** The cache folder option every data subcommand takes. */
        static final class Cache {
            @Option(names = "--cache", paramLabel = "DIR", description = "the cache folder (default: $RECLAB_DATA, else ~/.reclab/data)")
            Path dir;

            DataCache cache() {
                return dir == null ? DataCache.fromEnvironment() : new DataCache(dir);
            }
        }

        @Command(name = "list", description = "List the datasets: address, pinned SHA-256, terms, whether fetched.")
        static final class ListData implements Callable<Integer> {
            @CommandLine.Mixin
            Cache cache;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() {
                java.io.PrintWriter out = spec.commandLine().getOut();
                DataCache c = cache.cache();
                out.println("Datasets for `reclab data fetch NAME`, kept in " + c.root() + ":");
                for (DatasetEntry e : DatasetCatalogue.builtIn().entries()) {
                    Path dir = c.dir(e.name());
                    out.println();
                    out.println(e.name() + (Files.isDirectory(dir) ? "  [fetched: " + dir + "]" : "  [not fetched]"));
                    out.println("  " + e.title());
                    for (DatasetEntry.Download d : e.downloads())
                        out.println("  " + d.url() + (d.bytes() > 0 ? String.format(java.util.Locale.ROOT, " (%,d bytes)", d.bytes()) : "")
                                + (d.sha256() == null ? "" : "\n    sha256 " + d.sha256()));
                    out.println(e.fullyPinned() ? "  checksums from " + e.pinnedFrom()
                            : "  no pinned checksum: fetch refuses unless --insecure-no-checksum");
                    out.println(e.files().isEmpty() ? "  verify: against the SHA256SUMS written when it is fetched"
                            : "  verify: " + e.files().size() + " extracted files have pinned SHA-256");
                    out.println("  terms: " + e.terms());
                }
                out.flush();
                return 0;
            }
        }

        @Command(name = "fetch", description = {
                "Download a dataset into the cache folder, resuming a partial download;",
                "its SHA-256 is checked before anything is extracted, and it is extracted",
                "into a temporary folder renamed into place."})
        static final class Fetch implements Callable<Integer> {
            @Parameters(index = "0", paramLabel = "NAME", description = "a name from `reclab data list`")
            String name;

            @Option(names = "--insecure-no-checksum", description = "accept a download that has no pinned SHA-256 (its hash is still recorded)")
            boolean insecure;

            @Option(names = "--force", description = "fetch again although the dataset folder exists (replaced only on success)")
            boolean force;

            @CommandLine.Mixin
            Cache cache;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() throws IOException {
                java.io.PrintWriter out = spec.commandLine().getOut();
                DatasetEntry e = DatasetCatalogue.builtIn().get(name);
                Downloader dl = new Downloader(Downloader.defaultClient(),
                        Progress.lines(out, System.console() != null));
                Fetcher.Result r = new Fetcher(cache.cache(), dl, out)
                        .fetch(e, new Fetcher.Options(insecure, force));
                if (r.alreadyPresent())
                    out.println(name + " is already in " + r.dir() + "; `reclab data verify " + name + "` checks it, --force fetches it again");
                else
                    out.println(name + ": " + r.files().size() + " files in " + r.dir() + " (their SHA-256 in "
                            + DataCache.SUMS + ")");
                out.flush();
                return 0;
            }
        }

        @Command(name = "export", description = {
                "Write an experiment's interaction log (as loaded, before preprocessing) as CSV with",
                "the header user,item,rating,time and external ids, e.g. a generated log for Spark",
                "(dataset=csv dataset.columns.rating=rating dataset.columns.time=time reads it back)."})
        static final class Export implements Callable<Integer> {
            @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "a shipped experiment or a .conf file")
            String experiment;

            @Parameters(index = "1..*", paramLabel = "KEY=VALUE", description = "overrides, as for run")
            List<String> overrides = new ArrayList<>();

            @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true, description = "the CSV file to write")
            Path output;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() throws IOException {
                java.io.PrintWriter out = spec.commandLine().getOut();
                ConfigComposer composer = new ConfigComposer(configSource(null));
                io.reclab.run.ExperimentPlan plan = io.reclab.run.ExperimentPlan.build(
                        composer.compose(experiment, overrides).config(), Catalogue.components());
                if (plan.loader() == null) throw new ConfigError(experiment + " reads CTR files, not an interaction log");
                io.reclab.data.Interactions x = plan.loader().load().interactions();
                io.reclab.data.loader.LogCsv.write(x, output);
                out.printf(java.util.Locale.ROOT, "%s: %,d interactions (%,d users, %,d items) as user,item,rating,time%n",
                        output, x.size(), x.numUsers(), x.numItems());
                out.flush();
                return 0;
            }
        }

        @Command(name = "verify", description = "Check a copy's files against their SHA-256 (exit 3 if any differs).")
        static final class Verify implements Callable<Integer> {
            @Parameters(index = "0", paramLabel = "NAME", description = "a name from `reclab data list`")
            String name;

            @Option(names = "--path", paramLabel = "DIR", description = "the folder to check (default: the dataset's cache folder)")
            Path path;

            @CommandLine.Mixin
            Cache cache;

            @CommandLine.Spec
            CommandLine.Model.CommandSpec spec;

            @Override
            public Integer call() throws IOException {
                java.io.PrintWriter out = spec.commandLine().getOut();
                DatasetEntry e = DatasetCatalogue.builtIn().get(name);
                Path dir = path != null ? path : cache.cache().dir(name);
                Fetcher.Report r = Fetcher.verify(e, dir);
                out.println("verify " + name + ": " + dir + " against " + r.against());
                int bad = 0;
                String first = null;
                for (Fetcher.Check c : r.checks()) {
                    switch (c.status()) {
                        case OK -> out.println("  ok        " + c.path());
                        case MISSING -> out.println("  MISSING   " + c.path());
                        case MISMATCH -> out.println("  MISMATCH  " + c.path() + ": expected " + c.expected() + ", got " + c.actual());
                    }
                    if (c.status() != Fetcher.Status.OK) {
                        bad++;
                        if (first == null) first = c.path() + (c.status() == Fetcher.Status.MISSING ? " is missing"
                                : " has sha256 " + c.actual() + ", expected " + c.expected());
                    }
                }
                out.println((r.checks().size() - bad) + " of " + r.checks().size() + " files match"
                        + (r.unchecked().isEmpty() ? "" : "; " + r.unchecked().size() + " other files not checked (nothing pins them)"));
                out.flush();
                if (bad > 0)
                    throw new IOException(dir + ": " + bad + " of " + r.checks().size() + " files of " + name + " fail verification ("
                            + first + (bad > 1 ? ", ..." : "") + ")");
                return 0;
            }
        }
    }
}
