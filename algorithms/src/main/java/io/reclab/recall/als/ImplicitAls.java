package io.reclab.recall.als;

import io.reclab.recall.FittedRecaller;
import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.embedding.EmbeddingRecaller;
import io.reclab.train.EpochLoop;
import io.reclab.train.Init;
import io.reclab.util.Parallel;
import io.reclab.util.Seeds;

/**
 * Implicit-feedback ALS: Hu, Koren, Volinsky 2008, "Collaborative Filtering for Implicit Feedback Datasets", ICDM.
 * Minimises {@code Σ_{u,i} c_ui (p_ui − x_uᵀ y_i)² + λ (Σ||x_u||² + Σ||y_i||²)} over all user-item pairs, with
 * preference p = 1 on observed pairs (0 elsewhere) and confidence c = 1 + α r, by alternating exact (Cholesky) or
 * conjugate-gradient (Takács et al. 2011) least-squares solves for all users, then all items. Each sweep runs in
 * parallel over rows; rows are independent, so the factors are the same for any thread count. Records the
 * objective as {@code loss} after each iteration.
 */
public final class ImplicitAls implements Recaller {
    private final AlsConfig config;

    public ImplicitAls(AlsConfig config) {
        this.config = config;
    }

    public AlsConfig config() { return config; }

    @Override
    public FittedRecaller fit(TrainContext ctx) {
        int k = config.factors();
        int users = ctx.train().numUsers(), items = ctx.train().numItems();
        ConfidenceMatrix cm = ConfidenceMatrix.build(ctx.train(), config.alpha(), config.useValues());
        float[] x = Init.normal(users * k, config.initStd(), Seeds.derive(ctx.seed(), 1));
        float[] y = Init.normal(items * k, config.initStd(), Seeds.derive(ctx.seed(), 2));
        boolean chol = config.solver().equals("cholesky");
        try (Parallel par = new Parallel(ctx.threads())) {
            EpochLoop.Trainee<EmbeddingRecaller> trainee = new EpochLoop.Trainee<>() {
                @Override
                public double trainEpoch(int epoch) {
                    AlsSolver.sweep(cm.byUser, x, y, k, AlsSolver.gram(y, items, k, config.reg(), par), chol, config.cgSteps(), par);
                    AlsSolver.sweep(cm.byItem, y, x, k, AlsSolver.gram(x, users, k, config.reg(), par), chol, config.cgSteps(), par);
                    return AlsSolver.loss(cm.byUser, x, y, k, AlsSolver.gram(y, items, k, config.reg(), par), config.reg(), par);
                }

                @Override
                public EmbeddingRecaller snapshot() {
                    return EmbeddingRecaller.exact(k, x.clone(), y.clone(), null);
                }
            };
            EpochLoop.Result<EmbeddingRecaller> r = EpochLoop.run("als", config.iterations(), config.stopping(), ctx, trainee, m -> m);
            return config.retrieval().approximate() ? r.model().withRetrieval(config.retrieval(), ctx.threads()) : r.model();
        }
    }
}
