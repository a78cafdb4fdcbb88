package io.reclab.catalog;

import io.reclab.config.ConfigSource;
import io.reclab.config.Registry;
import io.reclab.data.DatasetLoader;
import io.reclab.metric.rank.RankMetrics;
import io.reclab.metric.ranking.RankingMetrics;
import io.reclab.data.loader.DelimitedFactory;
import io.reclab.data.loader.LightGcnFactory;
import io.reclab.data.loader.MovieLens100kFactory;
import io.reclab.data.loader.MovieLensCsvFactory;
import io.reclab.data.loader.MovieLensDatFactory;
import io.reclab.data.loader.RecBoleFactory;
import io.reclab.data.synthetic.SyntheticFactory;
import io.reclab.rank.Ranker;
import io.reclab.rank.source.CtrSourceConfig;
import io.reclab.rank.dcn.DcnFactory;
import io.reclab.rank.deepfm.DeepFmFactory;
import io.reclab.rank.ffm.FfmFactory;
import io.reclab.rank.fm.FmFactory;
import io.reclab.rank.widedeep.WideDeepFactory;
import io.reclab.rank.gbdt.GbdtFactory;
import io.reclab.rank.gbdt.GbdtLrFactory;
import io.reclab.rank.lr.LrFactory;
import io.reclab.recall.Recaller;
import io.reclab.recall.als.AlsFactory;
import io.reclab.recall.bpr.BprFactory;
import io.reclab.recall.ease.EaseFactory;
import io.reclab.recall.fmrecall.FmRecallFactory;
import io.reclab.recall.item2vec.Item2VecFactory;
import io.reclab.recall.twotower.TwoTowerFactory;
import io.reclab.recall.itemcf.ItemCfFactory;
import io.reclab.recall.pop.PopFactory;
import io.reclab.recall.rp3beta.Rp3BetaFactory;
import io.reclab.recall.swing.SwingFactory;
import io.reclab.recall.usercf.UserCfFactory;
import io.reclab.run.Components;
import io.reclab.split.LeaveOneOutSplitterFactory;
import io.reclab.split.PredefinedSplitterFactory;
import io.reclab.split.RandomSplitterFactory;
import io.reclab.split.Splitter;
import io.reclab.split.TemporalSplitterFactory;

import io.reclab.config.ConfigError;
import io.reclab.engine.EngineProvider;
import io.reclab.engine.Engines;

import java.util.Map;
import java.util.Set;

/**
 * Everything reclab can build from a config, registered in plain code (LibRec-style short names; no reflection,
 * so a config can only pick among these). {@code reclab list} prints it.
 */
public final class Catalogue {
    /** The config groups of {@code experiments/conf}: one folder each, one file per option. */
    public static final Set<String> GROUPS = Set.of("dataset", "split", "evaluation", "recall", "rank", "features", "samples", "pipeline", "ctr");

    private Catalogue() {}

    public static Components components() {
        Registry<DatasetLoader> datasets = new Registry<DatasetLoader>("dataset format")
                .register(SyntheticFactory.NAME, SyntheticFactory.DESCRIPTION, new SyntheticFactory())
                .register(MovieLens100kFactory.NAME, MovieLens100kFactory.DESCRIPTION, new MovieLens100kFactory())
                .register(MovieLensDatFactory.NAME, MovieLensDatFactory.DESCRIPTION, new MovieLensDatFactory())
                .register(MovieLensCsvFactory.NAME, MovieLensCsvFactory.DESCRIPTION, new MovieLensCsvFactory())
                .register(RecBoleFactory.NAME, RecBoleFactory.DESCRIPTION, new RecBoleFactory())
                .register(LightGcnFactory.NAME, LightGcnFactory.DESCRIPTION, new LightGcnFactory())
                .register(DelimitedFactory.NAME, DelimitedFactory.DESCRIPTION, new DelimitedFactory())
                .register(io.reclab.data.loader.ParquetFactory.NAME, io.reclab.data.loader.ParquetFactory.DESCRIPTION,
                        new io.reclab.data.loader.ParquetFactory());
        Registry<Splitter> splitters = new Registry<Splitter>("split method")
                .register(RandomSplitterFactory.NAME, RandomSplitterFactory.DESCRIPTION, new RandomSplitterFactory())
                .register(LeaveOneOutSplitterFactory.NAME, LeaveOneOutSplitterFactory.DESCRIPTION, new LeaveOneOutSplitterFactory())
                .register(TemporalSplitterFactory.NAME, TemporalSplitterFactory.DESCRIPTION, new TemporalSplitterFactory())
                .register(PredefinedSplitterFactory.NAME, PredefinedSplitterFactory.DESCRIPTION, new PredefinedSplitterFactory())
                .register(io.reclab.split.ColdItemSplitterFactory.NAME, io.reclab.split.ColdItemSplitterFactory.DESCRIPTION,
                        new io.reclab.split.ColdItemSplitterFactory());
        Registry<Recaller> recallers = new Registry<Recaller>("recall model")
                .register(PopFactory.NAME, PopFactory.DESCRIPTION, new PopFactory())
                .register(ItemCfFactory.NAME, ItemCfFactory.DESCRIPTION, new ItemCfFactory())
                .register(UserCfFactory.NAME, UserCfFactory.DESCRIPTION, new UserCfFactory())
                .register(Rp3BetaFactory.NAME, Rp3BetaFactory.DESCRIPTION, new Rp3BetaFactory())
                .register(SwingFactory.NAME, SwingFactory.DESCRIPTION, new SwingFactory())
                .register(EaseFactory.NAME, EaseFactory.DESCRIPTION, new EaseFactory())
                .register(AlsFactory.NAME, AlsFactory.DESCRIPTION, new AlsFactory())
                .register(BprFactory.NAME, BprFactory.DESCRIPTION, new BprFactory())
                .register(io.reclab.recall.lightgcn.LightGcnFactory.NAME, io.reclab.recall.lightgcn.LightGcnFactory.DESCRIPTION,
                        new io.reclab.recall.lightgcn.LightGcnFactory())
                .register(Item2VecFactory.NAME, Item2VecFactory.DESCRIPTION, new Item2VecFactory())
                .register(FmRecallFactory.NAME, FmRecallFactory.DESCRIPTION, new FmRecallFactory())
                .register(TwoTowerFactory.NAME, TwoTowerFactory.DESCRIPTION, new TwoTowerFactory())
                .register(io.reclab.recall.content.ContentKnnFactory.NAME, io.reclab.recall.content.ContentKnnFactory.DESCRIPTION,
                        new io.reclab.recall.content.ContentKnnFactory());
        Registry<Ranker> rankers = new Registry<Ranker>("rank model")
                .register(LrFactory.NAME, LrFactory.DESCRIPTION, new LrFactory())
                .register(GbdtLrFactory.NAME, GbdtLrFactory.DESCRIPTION, new GbdtLrFactory())
                .register(GbdtFactory.NAME, GbdtFactory.DESCRIPTION, new GbdtFactory())
                .register(FmFactory.NAME, FmFactory.DESCRIPTION, new FmFactory())
                .register(FfmFactory.NAME, FfmFactory.DESCRIPTION, new FfmFactory())
                .register(WideDeepFactory.NAME, WideDeepFactory.DESCRIPTION, new WideDeepFactory())
                .register(DeepFmFactory.NAME, DeepFmFactory.DESCRIPTION, new DeepFmFactory())
                .register(DcnFactory.NAME, DcnFactory.DESCRIPTION, new DcnFactory());
        // engines on the class path (the spark module) add the models that exist only there, e.g. spark-als
        for (EngineProvider p : Engines.providers().values())
            p.recallers().forEach((name, r) -> recallers.register(name, r.description(), r.factory()));
        if (!recallers.contains("spark-als"))
            recallers.register("spark-als", "Spark MLlib implicit ALS; needs engine=spark (the spark module)", block -> {
                throw new ConfigError("recall model spark-als runs on Apache Spark: add engine=spark (./reclab then puts the spark "
                        + "module on the class path; spark.master=local[2] runs it on this machine)");
            });
        return new Components(datasets, splitters, recallers, rankers);
    }

    /** A human-readable listing of registered components, metrics and shipped config options. */
    public static String describe(ConfigSource source) {
        Components c = components();
        StringBuilder sb = new StringBuilder();
        section(sb, "Dataset formats (dataset.format)", c.datasets());
        section(sb, "Split methods (split.method)", c.splitters());
        section(sb, "Recall models (recall=...)", c.recallers());
        section(sb, "Rank models (rank=...)", c.rankers());
        sb.append("Engines (engine=...)\n");
        sb.append(String.format("  %-16s %s%n", Engines.IN_PROCESS, "this JVM (the default)"));
        for (EngineProvider p : Engines.providers().values()) sb.append(String.format("  %-16s %s%n", p.name(), p.description()));
        if (!Engines.providers().containsKey("spark"))
            sb.append(String.format("  %-16s %s%n", "spark", "Apache Spark (the spark module; ./reclab adds it when the command line says engine=spark)"));
        sb.append('\n');
        sb.append("CTR benchmark file formats (ctr.format; the rank stage reads them instead of a dataset)\n");
        for (CtrSourceConfig.Format f : CtrSourceConfig.Format.values())
            sb.append(String.format("  %-16s %s%n", f.id, f.description));
        sb.append('\n');
        sb.append("Ranking metrics (evaluation.metrics, with @K from evaluation.ks)\n");
        for (RankingMetrics.Info i : RankingMetrics.catalogue())
            sb.append(String.format("  %-16s %s%n", i.name(), i.description()));
        sb.append("\nRank metrics (evaluation.rank-metrics)\n");
        RankMetrics.catalogue().forEach((k, v) -> sb.append(String.format("  %-16s %s%n", k, v)));
        sb.append('\n');
        for (String g : new java.util.TreeSet<>(GROUPS)) {
            sb.append("Shipped ").append(g).append(" options: ").append(String.join(", ", source.options(g))).append('\n');
        }
        sb.append("Experiments: ").append(String.join(", ", source.options("experiment"))).append('\n');
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, Registry<?> r) {
        sb.append(title).append('\n');
        for (Map.Entry<String, ? extends Registry.Entry<?>> e : r.entries().entrySet())
            sb.append(String.format("  %-16s %s%n", e.getKey(), e.getValue().description()));
        sb.append('\n');
    }
}
