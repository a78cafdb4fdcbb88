package io.reclab.rank.gbdt;

import io.reclab.metric.rank.Auc;
import io.reclab.rank.FittedRanker;
import io.reclab.rank.RankTrainContext;
import io.reclab.rank.Ranker;
import io.reclab.rank.Samples;
import io.reclab.rank.lr.LogisticLoss;
import io.reclab.run.TrainingLog;
import io.reclab.util.Parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Histogram gradient-boosted decision trees for binary labels (Friedman 2001, "Greedy Function Approximation: A
 * Gradient Boosting Machine", Annals of Statistics), with the second-order (Newton) leaf values and split gain of
 * Chen &amp; Guestrin 2016 ("XGBoost", KDD): for gradient sums G and hessian sums H of the logistic loss,
 * gain = 1/2 [G_L^2/(H_L+l2) + G_R^2/(H_R+l2) - G^2/(H+l2)] - min-split-gain, leaf value = -lr G/(H+l2).
 * The Samples' nonzeros form a sparse matrix (absent = 0). Trees grow best-gain-first up to {@code leaves} leaves
 * and {@code depth} levels; the child with fewer rows gets a fresh histogram, its sibling the parent's minus it.
 * Training is deterministic (no sampling); histograms are built on {@code threads} fixed row blocks.
 * Logs {@code <prefix>loss} (training log loss after each tree) and {@code <prefix>valid.auc}. With validation
 * samples and {@code patience} &gt; 0, boosting stops after {@code patience} trees without a better validation AUC
 * and the ensemble is cut back to the best round (the boosting analogue of keeping the best epoch).
 */
public final class Gbdt implements Ranker {
    private static final int PARALLEL_MIN_ROWS = 16384;
    private final GbdtConfig config;
    private final String logPrefix;

    public Gbdt(GbdtConfig config) { this(config, ""); }

    public Gbdt(GbdtConfig config, String logPrefix) {
        this.config = config;
        this.logPrefix = logPrefix;
    }

    @Override
    public FittedRanker fit(RankTrainContext ctx) { return fitGbdt(ctx); }

    public FittedGbdt fitGbdt(RankTrainContext ctx) {
        try (Parallel pool = new Parallel(Math.max(1, ctx.threads()))) {
            return new Run(ctx, pool).train();
        }
    }

    /** Mutable state of one training run. */
    private final class Run {
        final Samples train;
        final Samples valid;
        final TrainingLog log;
        final int threads;
        final Parallel pool;
        final BinnedData data;
        final int n;
        final double[] g, h, margin;
        final float[] y;
        final int[] perm, tmp;
        final int totalBins;

        Run(RankTrainContext ctx, Parallel pool) {
            train = ctx.train();
            valid = ctx.valid();
            log = ctx.log();
            this.threads = pool.threads();
            this.pool = pool;
            data = new BinnedData(train, config.bins());
            n = train.size();
            g = new double[n];
            h = new double[n];
            margin = new double[n];
            y = train.labels();
            perm = new int[n];
            tmp = new int[n];
            totalBins = data.totalBins();
        }

        FittedGbdt train() {
            if (n == 0) throw new IllegalArgumentException("no training samples");
            double pos = 0;
            for (float v : y) pos += v;
            double rate = Math.min(Math.max(pos / n, 1e-6), 1 - 1e-6);
            float base = (float) Math.log(rate / (1 - rate)); // start from the prior log-odds
            Arrays.fill(margin, base);
            boolean validate = valid != null && valid.size() > 0;
            double[] validMargin = validate ? new double[valid.size()] : null;
            if (validate) Arrays.fill(validMargin, base);
            float[] dense = new float[data.numFeatures];
            float[] vm = validate ? new float[valid.size()] : null;
            List<Tree> trees = new ArrayList<>();
            boolean early = validate && config.patience() > 0;
            double bestAuc = Double.NEGATIVE_INFINITY;
            int bestTrees = 0, sinceBest = 0;
            for (int t = 0; t < config.trees(); t++) {
                for (int r = 0; r < n; r++) {
                    double p = LogisticLoss.sigmoid(margin[r]);
                    g[r] = p - y[r];
                    h[r] = Math.max(p * (1 - p), 1e-16);
                }
                Tree tree = grow();
                trees.add(tree);
                if (log != null) {
                    double loss = 0;
                    for (int r = 0; r < n; r++) loss += LogisticLoss.lossFromMargin(margin[r], y[r]);
                    log.record(logPrefix + "loss", t + 1, loss / n);
                }
                if (validate) {
                    for (int r = 0; r < valid.size(); r++) {
                        validMargin[r] += FittedGbdt.eval(tree, valid, r, dense);
                        vm[r] = (float) validMargin[r];
                    }
                    double auc = Auc.auc(vm, valid.labels());
                    if (log != null) log.record(logPrefix + "valid.auc", t + 1, auc);
                    if (early) {
                        // keep the ensemble that scored best on validation; later trees only overfit it
                        if (auc > bestAuc) {
                            bestAuc = auc;
                            bestTrees = t + 1;
                            sinceBest = 0;
                        } else if (++sinceBest >= config.patience()) {
                            break;
                        }
                    }
                }
            }
            if (early && bestTrees > 0) trees = new ArrayList<>(trees.subList(0, bestTrees));
            return new FittedGbdt(trees, base, data.numFeatures, threads);
        }

        /** A leaf under construction: its rows perm[begin, end), sums, histogram and best split. */
        final class Leaf {
            final int begin, end, depth, node;
            final double sumG, sumH;
            double[] hist;
            int feature = -1, bin;
            double gain;

            Leaf(int begin, int end, int depth, int node, double sumG, double sumH) {
                this.begin = begin; this.end = end; this.depth = depth; this.node = node; this.sumG = sumG; this.sumH = sumH;
            }
        }

        Tree grow() {
            int maxLeaves = config.leaves(), cap = 2 * maxLeaves;
            int[] feature = new int[cap], left = new int[cap], right = new int[cap];
            float[] thr = new float[cap], value = new float[cap];
            Arrays.fill(feature, -1);
            int nodes = 1;
            for (int i = 0; i < n; i++) perm[i] = i;
            double G = 0, H = 0;
            for (int i = 0; i < n; i++) { G += g[i]; H += h[i]; }
            List<Leaf> open = new ArrayList<>();
            Leaf root = new Leaf(0, n, 0, 0, G, H);
            root.hist = histogram(0, n, G, H);
            findSplit(root);
            open.add(root);
            List<Leaf> done = new ArrayList<>();
            int leaves = 1;
            while (leaves < maxLeaves) {
                Leaf best = null;
                for (Leaf l : open) if (l.feature >= 0 && (best == null || l.gain > best.gain)) best = l;
                if (best == null) break;
                open.remove(best);
                int mid = partition(best);
                int ln = nodes++, rn = nodes++;
                feature[best.node] = best.feature;
                thr[best.node] = data.thresholds[best.feature][best.bin];
                left[best.node] = ln;
                right[best.node] = rn;
                double[] hp = best.hist;
                int off = data.binOffset[best.feature];
                double gl = 0, hl = 0;
                for (int b = 0; b <= best.bin; b++) { gl += hp[2 * (off + b)]; hl += hp[2 * (off + b) + 1]; }
                Leaf l = new Leaf(best.begin, mid, best.depth + 1, ln, gl, hl);
                Leaf r = new Leaf(mid, best.end, best.depth + 1, rn, best.sumG - gl, best.sumH - hl);
                Leaf small = (mid - best.begin) <= (best.end - mid) ? l : r, large = small == l ? r : l;
                small.hist = histogram(small.begin, small.end, small.sumG, small.sumH);
                for (int k = 0; k < hp.length; k++) hp[k] -= small.hist[k];
                large.hist = hp;
                best.hist = null;
                findSplit(l);
                findSplit(r);
                open.add(l);
                open.add(r);
                leaves++;
            }
            done.addAll(open);
            int[] leafIndex = new int[nodes];
            Arrays.fill(leafIndex, -1);
            done.sort((a, b) -> Integer.compare(a.node, b.node));
            float lr = (float) config.learningRate();
            for (int i = 0; i < done.size(); i++) {
                Leaf leaf = done.get(i);
                float v = (float) (-lr * leaf.sumG / (leaf.sumH + config.l2()));
                value[leaf.node] = v;
                leafIndex[leaf.node] = i;
                for (int k = leaf.begin; k < leaf.end; k++) margin[perm[k]] += v;
                leaf.hist = null;
            }
            return new Tree(Arrays.copyOf(feature, nodes), Arrays.copyOf(thr, nodes), Arrays.copyOf(left, nodes),
                    Arrays.copyOf(right, nodes), Arrays.copyOf(value, nodes), leafIndex, done.size());
        }

        /** Best split of a leaf by scanning every feature's bins (ties keep the first found: lowest feature, bin). */
        void findSplit(Leaf leaf) {
            leaf.feature = -1;
            if (leaf.depth >= config.depth()) return;
            double lambda = config.l2(), mcw = config.minChildWeight();
            double G = leaf.sumG, H = leaf.sumH;
            double parent = G * G / (H + lambda);
            double[] hist = leaf.hist;
            double bestGain = 0;
            for (int f = 0; f < data.numFeatures; f++) {
                int off = data.binOffset[f], nb = data.numBins(f);
                if (nb < 2) continue;
                double gl = 0, hl = 0;
                for (int b = 0; b < nb - 1; b++) {
                    gl += hist[2 * (off + b)];
                    hl += hist[2 * (off + b) + 1];
                    double hr = H - hl;
                    if (hl < mcw || hr < mcw) continue;
                    double gr = G - gl;
                    double gain = 0.5 * (gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parent) - config.minSplitGain();
                    if (gain > bestGain + 1e-12) {
                        bestGain = gain;
                        leaf.feature = f;
                        leaf.bin = b;
                    }
                }
            }
            leaf.gain = bestGain;
        }

        /** Stable partition of the leaf's rows: local bin <= split bin first. Returns the boundary. */
        int partition(Leaf leaf) {
            int f = leaf.feature, sb = leaf.bin;
            int a = leaf.begin, nr = 0;
            for (int k = leaf.begin; k < leaf.end; k++) {
                int r = perm[k];
                if (data.localBin(r, f) <= sb) perm[a++] = r; else tmp[nr++] = r;
            }
            System.arraycopy(tmp, 0, perm, a, nr);
            return a;
        }

        /** (G, H) per flat bin over perm[begin, end), the zero bins completed from the totals. */
        double[] histogram(int begin, int end, double G, double H) {
            double[] hist;
            int rows = end - begin;
            if (threads == 1 || rows < PARALLEL_MIN_ROWS) {
                hist = new double[2 * totalBins];
                accumulate(hist, begin, end);
            } else {
                double[][] parts = new double[threads][];
                pool.forRanges(rows, threads, (b, from, to) -> {
                    double[] part = new double[2 * totalBins];
                    accumulate(part, begin + from, begin + to);
                    parts[b] = part;
                });
                hist = parts[0];
                for (int b = 1; b < threads; b++) {
                    double[] p = parts[b];
                    for (int k = 0; k < hist.length; k++) hist[k] += p[k];
                }
            }
            for (int f = 0; f < data.numFeatures; f++) {
                int off = data.binOffset[f], nb = data.numBins(f);
                if (nb < 2) continue;
                double sg = 0, sh = 0;
                for (int b = 0; b < nb; b++) { sg += hist[2 * (off + b)]; sh += hist[2 * (off + b) + 1]; }
                int z = off + data.zeroBin[f];
                hist[2 * z] += G - sg;
                hist[2 * z + 1] += H - sh;
            }
            return hist;
        }

        void accumulate(double[] hist, int begin, int end) {
            int[] ptr = data.ptr, nzBin = data.nzBin;
            for (int k = begin; k < end; k++) {
                int r = perm[k];
                double gr = g[r], hr = h[r];
                for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                    int b = 2 * nzBin[p];
                    hist[b] += gr;
                    hist[b + 1] += hr;
                }
            }
        }
    }
}
