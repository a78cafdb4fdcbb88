package io.reclab.spark;

import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.engine.EngineProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings of the Spark engine (block {@code spark}).
 *
 * @param master            the Spark master URL (key {@code master}; default: the one {@code spark-submit} set, else
 *                          {@code local[*]}); {@code local[2]} runs on two cores of this machine
 * @param appName           the application name in Spark's UI (key {@code app-name}; default {@code reclab})
 * @param shufflePartitions partitions of every shuffle (key {@code shuffle-partitions}; default 0 = twice the default
 *                          parallelism, i.e. twice the cores: Spark's own default of 200 costs more in task start-up
 *                          than it saves on a laptop-sized log; on a cluster set about 2-3 per executor core)
 * @param mode              {@code jobs} (default): each trial in turn, its data preparation, the models Spark has its own
 *                          form of and the full-ranking evaluation as Spark jobs, for data that outgrows one machine;
 *                          {@code trials}: every trial of a sweep one Spark task that runs it in-process on an executor,
 *                          for sweeps that outgrow one machine
 * @param itemCfJob         how ItemCF's co-occurrence matrix is computed (key {@code itemcf-job}): {@code broadcast}
 *                          (default): item-row ranges, one task each, against a broadcast of the histories, no
 *                          shuffle, fastest while an executor holds the histories (8 bytes per kept interaction);
 *                          {@code stripes}: the map-reduce job, per-block partial co-counts shuffled and summed by item,
 *                          nothing but item degrees broadcast (see docs/spark.md for the measured trade-off)
 * @param output            where the encoded, split log is written as Parquet for reuse (key {@code output}; any Hadoop
 *                          file system URI; default: not written)
 * @param conf              further Spark properties passed as they are (block {@code conf}, e.g.
 *                          {@code conf { "spark.executor.memory" = 8g }})
 */
public record SparkSettings(String master, String appName, int shufflePartitions, Mode mode, ItemCfJob itemCfJob, String output,
                            Map<String, String> conf) implements EngineProvider.EngineSettings {
    /** How trials map onto Spark. */
    public enum Mode { JOBS, TRIALS }

    /** The two forms of the ItemCF similarity job. */
    public enum ItemCfJob { BROADCAST, STRIPES }

    public static SparkSettings from(ConfigBlock b) {
        String master = b.has("master") ? b.getString("master", null) : null;
        String app = b.getString("app-name", "reclab");
        int shuffle = b.nonNegativeInt("shuffle-partitions", 0);
        String mode = b.getEnum("mode", "jobs", List.of("jobs", "trials"));
        String job = b.getEnum("itemcf-job", "broadcast", List.of("broadcast", "stripes"));
        String output = b.has("output") ? b.getString("output", null) : null;
        Map<String, String> conf = new TreeMap<>();
        if (b.has("conf")) {
            com.typesafe.config.Config c = b.raw().getConfig("conf");
            for (Map.Entry<String, com.typesafe.config.ConfigValue> e : c.entrySet()) {
                String k = e.getKey().replace("\"", "");
                if (!k.startsWith("spark."))
                    throw new ConfigError("`" + b.path() + ".conf." + k + "`: expected a Spark property (spark.*)");
                conf.put(k, String.valueOf(e.getValue().unwrapped()));
            }
        }
        b.finish();
        return new SparkSettings(master, app, shuffle, Mode.valueOf(mode.toUpperCase(java.util.Locale.ROOT)),
                ItemCfJob.valueOf(job.toUpperCase(java.util.Locale.ROOT)), output, conf);
    }

    @Override
    public String key() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("master", master);
        k.put("shuffle", String.valueOf(shufflePartitions));
        k.put("app", appName);
        k.put("mode", mode.name());
        k.put("itemcf-job", itemCfJob.name());
        k.put("output", output);
        return k + "|" + conf;
    }
}
