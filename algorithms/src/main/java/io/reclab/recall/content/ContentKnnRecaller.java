package io.reclab.recall.content;

import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.fmrecall.SideFeatures;
import io.reclab.recall.neighbors.ItemNeighborhoodModel;
import io.reclab.recall.neighbors.NeighborSelection;
import io.reclab.recall.neighbors.SparsePattern;
import io.reclab.recall.neighbors.SparseRows;

/**
 * Content-based item kNN: items are compared by their side features (genres, tags, year buckets, any categorical
 * field), not by who interacted with them, so an item nobody has interacted with yet still has neighbours. This is
 * the classic content-based recommender (Pazzani and Billsus 2007, "Content-based recommendation systems") in the
 * item-kNN form:
 * <pre>
 *   v_i = feature values of item i, weighted idf_f = log(n_items / df_f) (or 1)
 *   sim(i, j) = (v_i · v_j) / (|v_i| |v_j| + shrinkage),   truncated to the best {@code neighbors} per item
 *   score(u, i) = sum over j in I_u ∩ N_k(i) of sim(i, j)          (ItemCF's candidate-topk scoring)
 * </pre>
 * Scoring each candidate by its own content neighbours is what lets a cold item compete: its row is as full as
 * any other item's. Deterministic and identical for any thread count ({@link NeighborSelection}).
 */
public final class ContentKnnRecaller implements Recaller {
    private final ContentKnnConfig config;

    public ContentKnnRecaller(ContentKnnConfig config) {
        this.config = config;
    }

    @Override
    public ItemNeighborhoodModel fit(TrainContext context) {
        int ni = context.train().numItems();
        if (context.itemFeatures() == null || context.itemFeatures().isEmpty())
            throw new IllegalArgumentException("content-knn needs item features (genres, tags, ...); this dataset has none");
        SideFeatures sf = SideFeatures.encode(context.itemFeatures(), ni, config.numericBuckets(), "item features");
        int nf = sf.numIds(), fields = sf.numFields();
        int[] indptr = new int[ni + 1];
        for (int i = 0; i < ni; i++) indptr[i + 1] = indptr[i] + (sf.end(i, fields - 1) - sf.start(i, 0));
        int[] indices = new int[indptr[ni]];
        for (int i = 0; i < ni; i++) System.arraycopy(sf.ids(), sf.start(i, 0), indices, indptr[i], indptr[i + 1] - indptr[i]);
        SparsePattern itemFeatures = new SparsePattern(ni, nf, indptr, indices);
        SparsePattern featureItems = itemFeatures.transpose();
        double[] w2 = new double[nf];
        for (int f = 0; f < nf; f++) {
            int df = featureItems.degree(f);
            double w = config.idf() ? (df == 0 ? 0 : Math.log((double) ni / df)) : 1.0;
            w2[f] = w * w;
        }
        double[] norm = new double[ni];
        for (int i = 0; i < ni; i++) {
            double s = 0;
            for (int p = indptr[i]; p < indptr[i + 1]; p++) s += w2[indices[p]];
            norm[i] = Math.sqrt(s);
        }
        double shrink = config.shrinkage();
        SparseRows topk = NeighborSelection.build(ni, ni, config.neighbors(), Math.max(1, context.threads()),
                (i, acc) -> NeighborSelection.coOccurrence(itemFeatures, featureItems, w2, i, acc),
                (i, j, dot) -> norm[i] == 0 || norm[j] == 0 ? 0 : dot / (norm[i] * norm[j] + shrink));
        return new ItemNeighborhoodModel(SparsePattern.userItems(context.train()), topk.transpose());
    }

    @Override
    public String toString() { return config.toString(); }
}
