package io.reclab.recall.twotower;

import io.reclab.data.Interactions;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.recall.fmrecall.SideFeatures;
import io.reclab.recall.item2vec.UserSequences;
import io.reclab.train.EpochLoop;

import java.util.SplittableRandom;

/**
 * Two-tower retrieval: a user tower and an item tower map features to embeddings whose inner product scores the
 * pair. Huang, P.-S. et al. (2013), "Learning Deep Structured Semantic Models for Web Search using Clickthrough
 * Data", CIKM (DSSM: two towers, softmax over sampled items); Covington, P., Adams, J. and Sargin, E. (2016), "Deep
 * Neural Networks for YouTube Recommendations", RecSys (user tower from id-free features and mean-pooled watch
 * history, ReLU MLP); Yi, X. et al. (2019), "Sampling-Bias-Corrected Neural Modeling for Large Corpus Item
 * Recommendations", RecSys (in-batch softmax, logQ correction, normalised embeddings with temperature).
 * <p>User tower: [user-id embedding] + one embedding per user side field + mean of the embeddings of the user's
 * last {@code history} items (a table separate from the item tower's ids), concatenated, MLP. Item tower: item id
 * + item side fields, MLP. Q(i) is the exact frequency of i among training pairs (the whole stream is known, so
 * Yi et al.'s streaming estimator is not needed). Trained with Adam by default; each epoch shuffles the training
 * pairs; a final batch of one pair is skipped (it has no in-batch negative).
 * <p>Served as an {@link EmbeddingRecaller} over the tower outputs precomputed for every user (from the user's
 * features and last training items) and every item: the score is their inner product, the cosine when
 * {@code normalize = true} (the logits of training are that divided by the temperature, a monotone scaling that
 * ranks the same; the logQ correction is a training device and is not applied when serving). Retrieval is exact
 * or through an HNSW index ({@code retrieval}). The epoch loop and early stopping are the shared {@link EpochLoop}.
 */
public final class TwoTower implements Recaller {
    private final TwoTowerConfig config;

    public TwoTower(TwoTowerConfig config) { this.config = config; }

    public TwoTowerConfig config() { return config; }

    @Override
    public EmbeddingRecaller fit(TrainContext ctx) {
        Interactions train = ctx.train();
        SideFeatures uf = SideFeatures.encode(ctx.userFeatures(), train.numUsers(), config.numericBuckets(), "user features");
        SideFeatures itf = SideFeatures.encode(ctx.itemFeatures(), train.numItems(), config.numericBuckets(), "item features");
        SplittableRandom rng = new SplittableRandom(ctx.seed());
        try (TwoTowerNet net = new TwoTowerNet(config, uf, itf, UserSequences.of(train), train.itemCounts(),
                ctx.threads(), rng.nextLong())) {
            int n = train.size(), bs = config.batchSize();
            int[] order = new int[n];
            int[] bu = new int[bs], bi = new int[bs];
            EpochLoop.Trainee<EmbeddingRecaller> trainee = new EpochLoop.Trainee<>() {
                @Override
                public double trainEpoch(int epoch) {
                    for (int i = 0; i < n; i++) order[i] = i;
                    for (int i = n - 1; i > 0; i--) {
                        int j = rng.nextInt(i + 1);
                        int t = order[i]; order[i] = order[j]; order[j] = t;
                    }
                    double loss = 0;
                    long seen = 0;
                    for (int s = 0; s + 1 < n; s += bs) {
                        int b = Math.min(bs, n - s);
                        for (int a = 0; a < b; a++) {
                            bu[a] = train.user(order[s + a]);
                            bi[a] = train.item(order[s + a]);
                        }
                        loss += net.forwardBackward(bu, bi, b) * b;
                        net.step();
                        seen += b;
                    }
                    return seen == 0 ? 0 : loss / seen;
                }

                @Override
                public EmbeddingRecaller snapshot() {
                    return EmbeddingRecaller.exact(net.dim, net.embedUsers(), net.embedItems(), null);
                }
            };
            EmbeddingRecaller best = EpochLoop.run("twotower", config.epochs(), config.stopping(), ctx, trainee, m -> m).model();
            return config.retrieval().approximate() ? best.withRetrieval(config.retrieval(), ctx.threads()) : best;
        }
    }
}
