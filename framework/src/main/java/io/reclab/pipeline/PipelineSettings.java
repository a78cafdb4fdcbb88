package io.reclab.pipeline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigRenderOptions;
import io.reclab.config.ConfigBlock;
import io.reclab.config.ConfigError;
import io.reclab.config.Suggest;
import io.reclab.metric.RankingMetric;
import io.reclab.metric.ranking.RankingMetrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed {@code pipeline} block: recall channels, how their candidates merge, how the ranker is trained, and how
 * long the final lists are.
 * <pre>
 *   pipeline {
 *     channels = [ { model = itemcf, quota = 100 }, { model = als, quota = 100, retrieval = hnsw } ]
 *     quotas { itemcf = 150 }               # optional: quota by channel name (what a sweep or tune sets)
 *     merge { strategy = quota, size = 0 }   # quota | round-robin | score-normalised; size: cut (0 = none)
 *     rank {
 *       model = fm                           # a rank model; other keys here override rank.&lt;model&gt;
 *       negatives = candidates               # candidates (recalled, not chosen) | random (unseen items)
 *       ratio = 4                            # negatives per positive; 0 = every recalled non-positive
 *       random = 0                           # extra random unseen negatives per positive
 *       holdout = auto                       # auto (as the split) | time (latest rows) | fold (random) | items (new items)
 *       holdout-fraction = 0.2               # share of each user's training rows the ranker learns labels from
 *       folds = 1                            # K >= 2: K-fold stacking (holdout fold), every row labelled once
 *       history = 20                         # recent items in the ranker's history field (0 = none)
 *       max-positives = 0                    # labelled positives per user at most (0 = all)
 *     }
 *     final-k = [10, 20]                     # default: evaluation.ks
 *   }
 * </pre>
 * A channel's {@code model} is a selected recall option ({@code defaults.recall}), so the run also holds its
 * full-ranking trial as a baseline; keys besides {@code model} and {@code quota} override that option's block for
 * the channel only. Defaults are the constants below; the shipped {@code pipeline/*.conf} files say where they come
 * from.
 *
 * @param name     the option that configured the pipeline ({@code defaults.pipeline}), used as the trial's name
 * @param channels recall channels, in merge order; distinct models, at least one
 * @param merge    how the channels' lists become one candidate set
 * @param rank     the ranker and its training scheme
 * @param ks       final list lengths, positive
 */
public record PipelineSettings(String name, List<Channel> channels, Merge merge, Rank rank, List<Integer> ks) {
    /** Candidates per channel per user when a channel gives no {@code quota}. */
    public static final int DEFAULT_QUOTA = 100;
    /** Source tags are bits of an int, so at most this many channels. */
    public static final int MAX_SOURCES = 31;
    public static final int DEFAULT_RATIO = 4;
    public static final int DEFAULT_RANDOM = 0;
    public static final double DEFAULT_HOLDOUT_FRACTION = 0.2;
    /** One holdout (no stacking); {@code folds = K} labels every training row once over K channel fits. */
    public static final int DEFAULT_FOLDS = 1;
    public static final int DEFAULT_HISTORY = 20;
    /** Labelled positives per user at most (0 = all). */
    public static final int DEFAULT_MAX_POSITIVES = 0;

    /**
     * One recall channel.
     *
     * @param model     the recall option it runs
     * @param quota     candidates it contributes per user
     * @param overrides keys that override the option's block for this channel (empty: the option as configured)
     */
    public record Channel(String model, int quota, Config overrides) {
        public boolean overridden() { return !overrides.isEmpty(); }
    }

    /** How channel lists are merged. */
    public enum Strategy {
        /** Channels in order, each its quota, first occurrence kept. */
        QUOTA,
        /** One item from each channel in turn (rank 1 of every channel, then rank 2, ...). */
        ROUND_ROBIN,
        /** Sum over channels of each candidate's score min-max normalised within the user's list of that channel. */
        SCORE_NORMALISED;

        public String key() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }
    }

    /** @param size the merged list is cut to this many candidates; 0 = no cut (the sum of the quotas) */
    public record Merge(Strategy strategy, int size) {}

    /** Where the ranker's negatives come from. */
    public enum Negatives {
        /** Recalled but not chosen: what the ranker faces when serving. */
        CANDIDATES,
        /** Uniformly sampled unseen items: the usual CTR-sampling shortcut, kept to show what it costs. */
        RANDOM;

        public String key() { return name().toLowerCase(Locale.ROOT); }
    }

    /** Which part of train the ranker learns its labels from (the channels are fit on the rest). */
    public enum Holdout {
        /**
         * Mirror the experiment's split, so the ranker learns on the kind of rows it is tested on: {@code time} when
         * the split holds out each user's latest rows ({@code temporal}, {@code leave-one-out}), {@code fold} when it
         * holds out random ones ({@code random}, {@code predefined}), {@code items} when it holds out new items
         * ({@code cold-items}).
         */
        AUTO,
        /** Each user's latest {@code holdout-fraction} of training rows, by time. */
        TIME,
        /** A seeded random {@code holdout-fraction} of each user's training rows. */
        FOLD,
        /** The {@code holdout-fraction} of training items first seen last, with all their rows: new items within train. */
        ITEMS;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        /** AUTO resolved for a split method; other values as they are. */
        public Holdout resolve(String splitMethod) {
            if (this != AUTO) return this;
            if ("cold-items".equals(splitMethod)) return ITEMS;
            return "temporal".equals(splitMethod) || "leave-one-out".equals(splitMethod) ? TIME : FOLD;
        }
    }

    /**
     * The ranker and its leakage-free training scheme.
     *
     * @param model     rank model name (a rank option or a registered model)
     * @param overrides keys that override {@code rank.<model>} for the pipeline's ranker
     */
    public record Rank(String model, Config overrides, Negatives negatives, int ratio, int random, Holdout holdout,
                       double holdoutFraction, int folds, int history, int maxPositives) {}

    public PipelineSettings {
        channels = List.copyOf(channels);
        ks = List.copyOf(ks);
        if (channels.isEmpty()) throw new ConfigError("`pipeline.channels` is empty: expected at least one { model = ..., quota = ... }");
        if (channels.size() > MAX_SOURCES)
            throw new ConfigError("`pipeline.channels` lists " + channels.size() + " channels: at most " + MAX_SOURCES);
        Set<String> seen = new HashSet<>();
        for (Channel c : channels) {
            if (!seen.add(c.model())) throw new ConfigError("`pipeline.channels`: channel `" + c.model() + "` is listed twice");
            if (c.quota() <= 0) throw new ConfigError("`pipeline.channels` quota of " + c.model() + " = " + c.quota() + ": expected a positive integer");
        }
        if (ks.isEmpty()) throw new ConfigError("`pipeline.final-k` is empty: expected positive integers, e.g. [10, 20]");
        for (int k : ks) if (k <= 0) throw new ConfigError("`pipeline.final-k` contains " + k + ": expected positive integers");
        if (merge.size() < 0) throw new ConfigError("`pipeline.merge.size` = " + merge.size() + ": expected 0 (no cut) or a positive integer");
    }

    /** Channel model names, in merge order. */
    public List<String> sources() { return channels.stream().map(Channel::model).toList(); }

    public int[] quotas() {
        int[] q = new int[channels.size()];
        for (int i = 0; i < q.length; i++) q[i] = channels.get(i).quota();
        return q;
    }

    /** The quota of channel {@code s}. */
    public int quota(int s) { return channels.get(s).quota(); }

    /** The most candidates a user can get: the sum of the quotas (fewer after deduplication). */
    public int maxCandidates() {
        int n = 0;
        for (Channel c : channels) n += c.quota();
        return n;
    }

    /** Candidates per user after the merge's cut (at most; fewer after deduplication). */
    public int mergeSize() {
        return merge.size() == 0 ? maxCandidates() : Math.min(merge.size(), maxCandidates());
    }

    /** A merger for these settings over a catalogue of {@code numItems}. */
    public CandidateMerger merger(int numItems) {
        return new CandidateMerger(quotas(), merge.strategy(), mergeSize(), numItems);
    }

    /** The largest final list length. */
    public int maxK() {
        int m = 0;
        for (int k : ks) m = Math.max(m, k);
        return m;
    }

    /**
     * The final-stage metrics: the experiment's evaluation metrics at this pipeline's list lengths. When the lengths
     * are the evaluation's own, the evaluation's metric list is used unchanged (explicit {@code name@K} ids kept).
     */
    public List<RankingMetric> finalMetrics(List<RankingMetric> evaluation, List<Integer> evaluationKs) {
        if (ks.equals(evaluationKs)) return evaluation;
        Set<String> names = new LinkedHashSet<>();
        for (RankingMetric m : evaluation) names.add(m.id().substring(0, m.id().indexOf('@')));
        List<RankingMetric> out = new ArrayList<>();
        for (String n : names) for (int k : ks) out.add(RankingMetrics.create(n, k));
        return out;
    }

    private static final Set<String> RANK_KEYS = Set.of("model", "negatives", "ratio", "random", "holdout",
            "holdout-fraction", "folds", "history", "max-positives");

    /**
     * Reads the block and rejects unknown keys.
     *
     * @param name      the option name ({@code defaults.pipeline}), or null for an inline block
     * @param recall    the selected recall options (channels must be among them)
     * @param rankers   rank model names the ranker may name (selected options and registered models)
     * @param defaultKs {@code evaluation.ks}
     */
    public static PipelineSettings parse(ConfigBlock b, String name, List<String> recall, List<String> rankers,
                                         List<Integer> defaultKs) {
        for (String old : List.of("sources", "quota", "ranker", "k")) {
            if (b.raw().hasPath(old))
                throw new ConfigError("`" + b.path() + "." + old + "` is the former pipeline layout; write channels = [ { model = itemcf,"
                        + " quota = 100 }, ... ], rank { model = lr } and final-k = [10, 20] instead");
        }
        List<Channel> channels = new ArrayList<>();
        b.has("channels");
        List<? extends Config> list;
        try {
            list = b.raw().getConfigList("channels");
        } catch (ConfigException.Missing e) {
            throw new ConfigError("`" + b.path() + ".channels` is missing: expected a list like [ { model = itemcf, quota = 100 } ]");
        } catch (ConfigException.WrongType e) {
            throw new ConfigError("`" + b.path() + ".channels`: expected a list of blocks like { model = itemcf, quota = 100 }");
        }
        for (int i = 0; i < list.size(); i++) {
            Config c = list.get(i);
            String at = b.path() + ".channels[" + i + "]";
            if (!c.hasPath("model")) throw new ConfigError("`" + at + "` has no `model`: expected a recall option, e.g. model = itemcf");
            ConfigBlock cb = new ConfigBlock(c, at);
            String model = cb.getString("model", null);
            if (!recall.contains(model)) {
                String sug = Suggest.closest(model, recall);
                throw new ConfigError("`" + at + ".model` = " + model + " is not a selected recall model"
                        + (sug == null ? "" : "; did you mean `" + sug + "`?")
                        + " Selected (defaults.recall): " + (recall.isEmpty() ? "none" : String.join(", ", recall)));
            }
            int quota = cb.positiveInt("quota", DEFAULT_QUOTA);
            channels.add(new Channel(model, quota, c.withoutPath("model").withoutPath("quota")));
        }

        // per-channel quota overrides by name: list elements have no config path, so sweeps and tunes set these
        if (b.has("quotas")) {
            ConfigBlock qb = b.child("quotas");
            for (String key : qb.raw().root().keySet()) {
                int at = -1;
                for (int i = 0; i < channels.size(); i++) if (channels.get(i).model().equals(key)) at = i;
                if (at < 0) {
                    String sug = Suggest.closest(key, channels.stream().map(Channel::model).toList());
                    throw new ConfigError("`" + qb.path() + "." + key + "`: no channel `" + key + "`"
                            + (sug == null ? "" : "; did you mean `" + sug + "`?"));
                }
                Channel c = channels.get(at);
                channels.set(at, new Channel(c.model(), qb.positiveInt(key, c.quota()), c.overrides()));
            }
        }
        ConfigBlock mb = b.child("merge");
        Strategy strategy = Strategy.valueOf(mb.getEnum("strategy", Strategy.QUOTA.key(),
                List.of("quota", "round-robin", "score-normalised")).toUpperCase(Locale.ROOT).replace('-', '_'));
        if (!mb.getBoolean("dedupe", true))
            throw new ConfigError("`" + mb.path() + ".dedupe` = false is not supported: an item several channels recall is one"
                    + " candidate, tagged with every channel that produced it (its source-tag features say so)");
        int size = mb.nonNegativeInt("size", 0);
        mb.finish();

        ConfigBlock rb = b.child("rank");
        String model = rb.getString("model", null);
        if (model == null) throw new ConfigError("`" + rb.path() + ".model` is missing: expected a rank model, e.g. model = fm");
        if (!rankers.contains(model)) {
            String sug = Suggest.closest(model, rankers);
            throw new ConfigError("`" + rb.path() + ".model` = " + model + " is not a rank model"
                    + (sug == null ? "" : "; did you mean `" + sug + "`?") + " Known: " + String.join(", ", rankers));
        }
        Negatives negatives = Negatives.valueOf(rb.getEnum("negatives", Negatives.CANDIDATES.key(),
                List.of("candidates", "random")).toUpperCase(Locale.ROOT));
        int ratio = rb.nonNegativeInt("ratio", DEFAULT_RATIO);
        int random = rb.nonNegativeInt("random", DEFAULT_RANDOM);
        if (negatives == Negatives.RANDOM && ratio == 0)
            throw new ConfigError("`" + rb.path() + ".ratio` = 0 means every candidate, which random negatives do not have: give a positive ratio");
        String h = rb.getString("holdout", Holdout.AUTO.key());
        if (h.equals("valid") || h.equals("validation") || h.equals("test"))
            throw new ConfigError("`" + rb.path() + ".holdout` = " + h + " would train the ranker on " + (h.equals("test") ? "test" : "validation")
                    + " rows: leakage. Validation only chooses settings and epochs and test is read once; the ranker"
                    + " learns from a part of train instead: holdout = auto (as the split), time (each user's latest rows) or fold (a seeded random part)");
        Holdout holdout = Holdout.valueOf(rb.getEnum("holdout", Holdout.AUTO.key(), List.of("auto", "time", "fold", "items")).toUpperCase(Locale.ROOT));
        double fraction = rb.getDouble("holdout-fraction", DEFAULT_HOLDOUT_FRACTION);
        if (!(fraction > 0 && fraction < 1))
            throw new ConfigError("`" + rb.path() + ".holdout-fraction` = " + fraction + ": expected a number in (0, 1)");
        int folds = rb.positiveInt("folds", DEFAULT_FOLDS);
        if (folds > 1 && (holdout == Holdout.TIME || holdout == Holdout.ITEMS))
            throw new ConfigError("`" + rb.path() + ".folds` = " + folds + " deals random folds of each user's rows, which `holdout` = "
                    + holdout.key() + " does not: use holdout = fold (or auto on a random split), or folds = 1");
        int history = rb.nonNegativeInt("history", DEFAULT_HISTORY);
        int maxPositives = rb.nonNegativeInt("max-positives", DEFAULT_MAX_POSITIVES);
        Config overrides = rb.raw();
        for (String k : RANK_KEYS) overrides = overrides.withoutPath(k);
        rb.allow(overrides.root().keySet().toArray(String[]::new));
        rb.finish();

        List<Integer> ks = b.getIntList("final-k", defaultKs);
        b.finish();
        return new PipelineSettings(name == null ? "pipeline" : name, channels, new Merge(strategy, size),
                new Rank(model, overrides, negatives, ratio, random, holdout, fraction, folds, history, maxPositives), ks);
    }

    /** The settings, typed, for run.json's params. */
    public Map<String, Object> params() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("channels", sources());
        for (Channel c : channels) {
            p.put("quota." + c.model(), c.quota());
            c.overrides().entrySet().forEach(e -> p.put("channel." + c.model() + "." + e.getKey(), e.getValue().unwrapped()));
        }
        p.put("merge.strategy", merge.strategy().key());
        p.put("merge.size", mergeSize());
        p.put("rank.model", rank.model());
        p.put("rank.negatives", rank.negatives().key());
        p.put("rank.ratio", rank.ratio());
        p.put("rank.random", rank.random());
        p.put("rank.holdout", rank.holdout().key());
        p.put("rank.holdout-fraction", rank.holdoutFraction());
        p.put("rank.folds", rank.folds());
        p.put("rank.history", rank.history());
        p.put("rank.max-positives", rank.maxPositives());
        rank.overrides().entrySet().forEach(e -> p.put("rank." + e.getKey(), e.getValue().unwrapped()));
        p.put("final-k", ks);
        return p;
    }

    /** A stable rendering of a channel's overrides (for cache keys). */
    public static String render(Config c) {
        return c.root().render(ConfigRenderOptions.concise());
    }
}
