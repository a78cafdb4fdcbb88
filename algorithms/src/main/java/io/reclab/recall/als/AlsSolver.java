package io.reclab.recall.als;

import io.reclab.data.Csr;
import io.reclab.util.Parallel;

/**
 * The numerical core of implicit ALS. With the other side's factors Y fixed, row u's factor solves
 * <pre>  (YᵀY + λI + Yᵀ(C_u − I)Y) x_u = Yᵀ C_u p(u)  </pre>
 * where {@code C_u − I} is nonzero only on u's observed items (Hu et al. 2008, §4). YᵀY + λI (the "Gram") is
 * computed once per half-sweep, so a row costs O(n_u k²) to add its observed terms plus O(k³) for Cholesky, or
 * O(k² + n_u k) per conjugate-gradient step, where the matrix is never formed:
 * {@code A v = Gram v + Σ_i (c_ui − 1) (y_i·v) y_i}.
 * Rows are independent given Y, so results do not depend on how rows are spread over threads.
 */
final class AlsSolver {
    private AlsSolver() {}

    /**
     * {@code YᵀY + reg I} (k × k, row-major, double) over the n rows of Y, summed over a fixed number of parts
     * (independent of the thread count) in part order.
     */
    static double[] gram(float[] y, int n, int k, double reg, Parallel par) {
        final int parts = 16;
        double[][] partial = new double[parts][];
        par.forRanges(n, parts, (part, from, to) -> {
            double[] g = new double[k * k];
            for (int r = from; r < to; r++) {
                int o = r * k;
                for (int a = 0; a < k; a++) {
                    double ya = y[o + a];
                    if (ya == 0) continue;
                    int ga = a * k;
                    for (int b = a; b < k; b++) g[ga + b] += ya * y[o + b];
                }
            }
            partial[part] = g;
        });
        double[] g = new double[k * k];
        for (double[] p : partial) if (p != null) for (int t = 0; t < g.length; t++) g[t] += p[t];
        for (int a = 0; a < k; a++) {
            for (int b = a + 1; b < k; b++) g[b * k + a] = g[a * k + b];
            g[a * k + a] += reg;
        }
        return g;
    }

    /** Scratch buffers of one worker. */
    static final class Work {
        final double[] a;
        final double[] b;
        final double[] x;
        final double[] r;
        final double[] p;
        final double[] ap;

        Work(int k) {
            a = new double[k * k];
            b = new double[k];
            x = new double[k];
            r = new double[k];
            p = new double[k];
            ap = new double[k];
        }
    }

    /** Updates every row of X (rows of {@code m}) with Y fixed; {@code gram} = YᵀY + reg I. */
    static void sweep(Csr m, float[] x, float[] y, int k, double[] gram, boolean cholesky, int cgSteps, Parallel par) {
        int parts = Math.min(Math.max(1, m.rows), par.threads() * 8);
        int[] bounds = Parallel.balancedBounds(m.indptr, m.rows, parts, k);
        par.forEach(parts, part -> {
            Work w = new Work(k);
            for (int row = bounds[part]; row < bounds[part + 1]; row++) {
                if (cholesky) solveCholesky(m, row, x, y, k, gram, w);
                else solveCg(m, row, x, y, k, gram, cgSteps, w);
            }
        });
    }

    /** Exact solve of row {@code row}'s normal equations by Cholesky factorisation; writes x[row]. */
    static void solveCholesky(Csr m, int row, float[] x, float[] y, int k, double[] gram, Work w) {
        double[] a = w.a, b = w.b;
        System.arraycopy(gram, 0, a, 0, k * k);
        java.util.Arrays.fill(b, 0);
        for (int q = m.indptr[row]; q < m.indptr[row + 1]; q++) {
            int o = m.indices[q] * k;
            double cm1 = m.values[q];        // c - 1
            double c = 1 + cm1;              // preference 1 on observed pairs
            for (int s = 0; s < k; s++) {
                double ys = y[o + s];
                b[s] += c * ys;
                double wy = cm1 * ys;
                int as = s * k;
                for (int t = s; t < k; t++) a[as + t] += wy * y[o + t];
            }
        }
        // in-place Cholesky on the upper triangle: A = Rᵀ R, R upper triangular stored in a[s*k + t], t >= s
        for (int s = 0; s < k; s++) {
            double d = a[s * k + s];
            for (int t = 0; t < s; t++) d -= a[t * k + s] * a[t * k + s];
            if (!(d > 0)) throw new IllegalStateException("ALS normal equations not positive definite (pivot " + d + ")");
            d = Math.sqrt(d);
            a[s * k + s] = d;
            for (int t = s + 1; t < k; t++) {
                double v = a[s * k + t];
                for (int l = 0; l < s; l++) v -= a[l * k + s] * a[l * k + t];
                a[s * k + t] = v / d;
            }
        }
        // Rᵀ z = b, then R x = z
        for (int s = 0; s < k; s++) {
            double v = b[s];
            for (int l = 0; l < s; l++) v -= a[l * k + s] * b[l];
            b[s] = v / a[s * k + s];
        }
        for (int s = k - 1; s >= 0; s--) {
            double v = b[s];
            for (int t = s + 1; t < k; t++) v -= a[s * k + t] * b[t];
            b[s] = v / a[s * k + s];
        }
        int o = row * k;
        for (int s = 0; s < k; s++) x[o + s] = (float) b[s];
    }

    /**
     * {@code steps} conjugate-gradient iterations on row {@code row}'s normal equations, starting from the current
     * x[row] (Takács et al. 2011); writes x[row].
     */
    static void solveCg(Csr m, int row, float[] x, float[] y, int k, double[] gram, int steps, Work w) {
        double[] xv = w.x, r = w.r, p = w.p, ap = w.ap;
        int o = row * k;
        for (int s = 0; s < k; s++) xv[s] = x[o + s];
        // r = b - A x = -Gram x + Σ_i [c_i - (c_i - 1)(y_i·x)] y_i
        for (int s = 0; s < k; s++) {
            double v = 0;
            int gs = s * k;
            for (int t = 0; t < k; t++) v -= gram[gs + t] * xv[t];
            r[s] = v;
        }
        int from = m.indptr[row], to = m.indptr[row + 1];
        for (int q = from; q < to; q++) {
            int yo = m.indices[q] * k;
            double cm1 = m.values[q];
            double dot = 0;
            for (int s = 0; s < k; s++) dot += y[yo + s] * xv[s];
            double coef = (1 + cm1) - cm1 * dot;
            for (int s = 0; s < k; s++) r[s] += coef * y[yo + s];
        }
        double rs = 0;
        for (int s = 0; s < k; s++) { p[s] = r[s]; rs += r[s] * r[s]; }
        for (int it = 0; it < steps && rs > 1e-20; it++) {
            // ap = A p
            for (int s = 0; s < k; s++) {
                double v = 0;
                int gs = s * k;
                for (int t = 0; t < k; t++) v += gram[gs + t] * p[t];
                ap[s] = v;
            }
            for (int q = from; q < to; q++) {
                int yo = m.indices[q] * k;
                double dot = 0;
                for (int s = 0; s < k; s++) dot += y[yo + s] * p[s];
                double coef = m.values[q] * dot;
                for (int s = 0; s < k; s++) ap[s] += coef * y[yo + s];
            }
            double pap = 0;
            for (int s = 0; s < k; s++) pap += p[s] * ap[s];
            if (!(pap > 0)) break;
            double step = rs / pap;
            double rsNew = 0;
            for (int s = 0; s < k; s++) {
                xv[s] += step * p[s];
                r[s] -= step * ap[s];
                rsNew += r[s] * r[s];
            }
            double beta = rsNew / rs;
            for (int s = 0; s < k; s++) p[s] = r[s] + beta * p[s];
            rs = rsNew;
        }
        for (int s = 0; s < k; s++) x[o + s] = (float) xv[s];
    }

    /**
     * The implicit-ALS objective {@code Σ_{u,i} c_ui (p_ui − x_u·y_i)² + reg (Σ||x_u||² + Σ||y_i||²)} over all
     * user-item pairs, computed as {@code Σ_u x_uᵀ(YᵀY)x_u + Σ_{observed} [c (1 − s)² − s²] + reg(...)} in
     * O(nnz k + (users + items) k²). {@code gramY} = YᵀY + reg I as from {@link #gram}.
     */
    static double loss(Csr byUser, float[] x, float[] y, int k, double[] gramY, double reg, Parallel par) {
        final int parts = 16;
        double[] partial = new double[parts];
        int users = byUser.rows;
        par.forRanges(users, parts, (part, from, to) -> {
            double sum = 0;
            for (int u = from; u < to; u++) {
                int o = u * k;
                double quad = 0, norm = 0;
                for (int s = 0; s < k; s++) {
                    double v = 0;
                    int gs = s * k;
                    for (int t = 0; t < k; t++) v += gramY[gs + t] * x[o + t];
                    quad += x[o + s] * v;
                    norm += (double) x[o + s] * x[o + s];
                }
                sum += quad - reg * norm; // gramY carries +reg I: x(YᵀY)x = x(Gram)x − reg||x||²
                for (int q = byUser.indptr[u]; q < byUser.indptr[u + 1]; q++) {
                    int yo = byUser.indices[q] * k;
                    double sc = 0;
                    for (int s = 0; s < k; s++) sc += (double) x[o + s] * y[yo + s];
                    double c = 1 + byUser.values[q];
                    sum += c * (1 - sc) * (1 - sc) - sc * sc;
                }
                sum += reg * norm;
            }
            partial[part] = sum;
        });
        double total = 0;
        for (double v : partial) total += v;
        double ny = 0;
        for (float v : y) ny += (double) v * v;
        return total + reg * ny;
    }
}
