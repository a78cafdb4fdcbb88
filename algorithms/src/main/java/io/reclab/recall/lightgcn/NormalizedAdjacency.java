package io.reclab.recall.lightgcn;

import io.reclab.data.Csr;

/**
 * The symmetric normalised adjacency {@code Â = D^{-1/2} A D^{-1/2}} of the user-item bipartite graph, as a CSR
 * over {@code users + items} nodes (users first, then items offset by the user count). Duplicate interactions
 * count once; isolated nodes get an empty row (their 1/sqrt(0) is taken as 0, as in the LightGCN code).
 */
final class NormalizedAdjacency {
    private NormalizedAdjacency() {}

    static Csr build(Csr byUser) {
        int users = byUser.rows, items = byUser.cols, n = users + items;
        int[] degU = new int[users], degI = new int[items];
        for (int u = 0; u < users; u++)
            for (int q = byUser.indptr[u]; q < byUser.indptr[u + 1]; q++)
                if (q == byUser.indptr[u] || byUser.indices[q] != byUser.indices[q - 1]) { degU[u]++; degI[byUser.indices[q]]++; }
        int nnz = 0;
        for (int d : degU) nnz += d;
        int[] rows = new int[2 * nnz], cols = new int[2 * nnz];
        float[] vals = new float[2 * nnz];
        int e = 0;
        for (int u = 0; u < users; u++)
            for (int q = byUser.indptr[u]; q < byUser.indptr[u + 1]; q++) {
                int i = byUser.indices[q];
                if (q != byUser.indptr[u] && i == byUser.indices[q - 1]) continue;
                float w = (float) (1.0 / Math.sqrt((double) degU[u] * degI[i]));
                rows[e] = u; cols[e] = users + i; vals[e++] = w;
                rows[e] = users + i; cols[e] = u; vals[e++] = w;
            }
        return Csr.fromCoo(n, n, rows, cols, vals);
    }
}
