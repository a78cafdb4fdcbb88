package io.reclab.pipeline;

import io.reclab.data.FeatureTable;
import io.reclab.data.IdMap;
import io.reclab.data.Interactions;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.Samples;
import io.reclab.rank.features.FeaturePipeline;
import io.reclab.rank.features.FieldSpec;
import io.reclab.rank.features.FittedFeaturePipeline;
import io.reclab.rank.features.SampleBuilder;
import io.reclab.rank.features.SampleConfig;
import io.reclab.recall.FittedRecaller;

import java.util.List;

/** Hand-built logs, score-table recallers and a ranker that reads back the (user, item) of each encoded row. */
final class PipelineFixtures {
    private PipelineFixtures() {}

    static Interactions log(int users, int items, int[] u, int[] i) {
        long[] t = new long[u.length];
        for (int r = 0; r < t.length; r++) t[r] = 10L * (r + 1);
        float[] v = new float[u.length];
        java.util.Arrays.fill(v, 1f);
        return new Interactions(u, i, v, t, IdMap.identity(users), IdMap.identity(items));
    }

    /** Same rows, but sharing {@code like}'s id maps (split parts share their parent's maps). */
    static Interactions sameMaps(Interactions x, Interactions like) {
        return new Interactions(x.userColumn(), x.itemColumn(), x.valueColumn(), x.timeColumn(), like.users(), like.items());
    }

    /** A recaller that returns {@code scores[user]}. */
    static FittedRecaller table(float[][] scores) {
        return new FittedRecaller() {
            @Override public int numItems() { return scores[0].length; }

            @Override public void scoreBlock(int[] users, int from, int to, float[] out) {
                for (int k = from; k < to; k++) System.arraycopy(scores[users[k]], 0, out, (k - from) * numItems(), numItems());
            }
        };
    }

    /**
     * A user_id / item_id one-hot pipeline fitted on every (user, item) pair, so every id has its own feature (no
     * OOV), plus a history field when {@code history > 0}.
     */
    static FittedFeaturePipeline idPipeline(Interactions train, int history) {
        int nu = train.numUsers(), ni = train.numItems();
        int[] u = new int[nu * ni], it = new int[nu * ni];
        for (int a = 0; a < nu; a++) for (int b = 0; b < ni; b++) { u[a * ni + b] = a; it[a * ni + b] = b; }
        Interactions all = new Interactions(u, it, new float[u.length], new long[u.length], train.users(), train.items());
        SampleConfig sc = new SampleConfig(SampleConfig.Label.IMPLICIT, 0, 0, history);
        List<FieldSpec> fields = new java.util.ArrayList<>(List.of(
                new FieldSpec.Categorical("user_id", "user_id", 1, 0, 0),
                new FieldSpec.Categorical("item_id", "item_id", 1, 0, 0)));
        if (history > 0) fields.add(new FieldSpec.Sequence("history", "history", "|", FieldSpec.Pooling.SUM, 1, history));
        return new FeaturePipeline(fields, 7).fit(new SampleBuilder(sc).build(all, FeatureTable.empty(nu),
                FeatureTable.empty(ni), train, 0));
    }

    /**
     * Scores a row by {@code pair[user][item]}, decoding user and item from their one-hot features; a history field,
     * if any, adds {@code historyWeight} per history item.
     */
    static FittedRanker pairRanker(FittedFeaturePipeline fp, float[][] pair, float historyWeight) {
        int nu = pair.length, ni = pair[0].length;
        int uOff = fp.offset("user_id"), iOff = fp.offset("item_id");
        int[] userOf = new int[fp.numFeatures()], itemOf = new int[fp.numFeatures()];
        java.util.Arrays.fill(userOf, -1);
        java.util.Arrays.fill(itemOf, -1);
        for (int a = 0; a < nu; a++) userOf[fp.featureId("user_id", Integer.toString(a))] = a;
        for (int b = 0; b < ni; b++) itemOf[fp.featureId("item_id", Integer.toString(b))] = b;
        int uField = fp.fieldIndex("user_id"), iField = fp.fieldIndex("item_id");
        return (Samples s) -> {
            float[] out = new float[s.size()];
            for (int r = 0; r < s.size(); r++) {
                int user = -1, item = -1;
                float hist = 0;
                for (int p = s.rowPtr()[r]; p < s.rowPtr()[r + 1]; p++) {
                    int f = s.featFields()[p], id = s.featIds()[p];
                    if (f == uField) user = userOf[id];
                    else if (f == iField) item = itemOf[id];
                    else hist += s.featVals()[p];
                }
                if (user < 0 || item < 0) throw new AssertionError("row " + r + " lacks user or item (offsets " + uOff + ", " + iOff + ")");
                out[r] = pair[user][item] + historyWeight * hist;
            }
            return out;
        };
    }
}
