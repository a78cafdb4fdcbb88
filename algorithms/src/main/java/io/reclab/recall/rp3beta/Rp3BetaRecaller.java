package io.reclab.recall.rp3beta;

import io.reclab.recall.Recaller;
import io.reclab.recall.TrainContext;
import io.reclab.recall.neighbors.ItemNeighborhoodModel;
import io.reclab.recall.neighbors.NeighborSelection;
import io.reclab.recall.neighbors.SparsePattern;
import io.reclab.recall.neighbors.SparseRows;

/**
 * RP3beta, a popularity-penalised 3-step random walk on the user-item graph (Paudel, Christoffel, Bernstein 2017,
 * "Updatable, accurate, diverse, and scalable recommendations for interactive applications", ACM TiiS; P3alpha from
 * Christoffel, Paudel, Newell, Bernstein 2015, "Blockbusters and wallflowers", RecSys). Implicit feedback: the log
 * is read as a 0/1 matrix X (any interaction = 1, values ignored).
 * <pre>
 *   P_ui = X_ui / |I_u|  (user → item),   P_iu = X_ui / |U_i|  (item → user)
 *   W_ij = (sum over u of P_iu^alpha P_uj^alpha) / |U_j|^beta
 *        = |U_i|^-alpha · (sum over u in U_i ∩ U_j of |I_u|^-alpha) · |U_j|^-beta
 *   score(u, j) = sum over i in I_u of W_ij, over the top-{@code neighbors} row of each i
 * </pre>
 * Computed sparsely row by row in parallel; identical for any thread count.
 */
public final class Rp3BetaRecaller implements Recaller {
    private final Rp3BetaConfig config;

    public Rp3BetaRecaller(Rp3BetaConfig config) {
        this.config = config;
    }

    public Rp3BetaConfig config() { return config; }

    @Override
    public ItemNeighborhoodModel fit(TrainContext context) {
        SparsePattern userItems = SparsePattern.userItems(context.train());
        SparsePattern itemUsers = userItems.transpose();
        double alpha = config.alpha(), beta = config.beta();
        double[] userStep = new double[userItems.rows];
        for (int u = 0; u < userItems.rows; u++) {
            int d = userItems.degree(u);
            userStep[u] = d == 0 ? 0 : Math.pow(d, -alpha);
        }
        double[] rowStep = new double[itemUsers.rows], popPenalty = new double[itemUsers.rows];
        for (int i = 0; i < itemUsers.rows; i++) {
            int d = itemUsers.degree(i);
            rowStep[i] = d == 0 ? 0 : Math.pow(d, -alpha);
            popPenalty[i] = d == 0 ? 0 : Math.pow(d, -beta);
        }
        SparseRows w = NeighborSelection.build(itemUsers.rows, itemUsers.rows, config.neighbors(),
                Math.max(1, context.threads()),
                (i, acc) -> NeighborSelection.coOccurrence(itemUsers, userItems, userStep, i, acc),
                (i, j, walk) -> rowStep[i] * walk * popPenalty[j]);
        return new ItemNeighborhoodModel(userItems, config.normalize() ? w.normalizeRowsL1() : w);
    }

    @Override
    public String toString() { return config.toString(); }
}
