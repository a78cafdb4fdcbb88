package io.reclab.rank.gbdt;

/**
 * One regression tree of a boosted ensemble, as flat arrays. Node 0 is the root; an internal node sends a sample
 * left when {@code x[feature] <= threshold} (an absent feature has value 0); a leaf ({@code feature == -1}) carries
 * its (already shrunk) value and its leaf index {@code 0..numLeaves-1}, used as a categorical feature by GBDT+LR.
 */
public final class Tree {
    private final int[] feature;
    private final float[] threshold;
    private final int[] left;
    private final int[] right;
    private final float[] value;
    private final int[] leafIndex;
    private final int numLeaves;

    Tree(int[] feature, float[] threshold, int[] left, int[] right, float[] value, int[] leafIndex, int numLeaves) {
        this.feature = feature;
        this.threshold = threshold;
        this.left = left;
        this.right = right;
        this.value = value;
        this.leafIndex = leafIndex;
        this.numLeaves = numLeaves;
    }

    public int numNodes() { return feature.length; }
    public int numLeaves() { return numLeaves; }
    public int feature(int node) { return feature[node]; }
    public float threshold(int node) { return threshold[node]; }
    public int left(int node) { return left[node]; }
    public int right(int node) { return right[node]; }
    public float value(int node) { return value[node]; }
    public boolean isLeaf(int node) { return feature[node] < 0; }

    /** The leaf node reached by a dense feature vector. */
    public int leafNode(float[] x) {
        int n = 0;
        while (feature[n] >= 0) n = x[feature[n]] <= threshold[n] ? left[n] : right[n];
        return n;
    }

    public float predict(float[] x) { return value[leafNode(x)]; }

    public int leaf(float[] x) { return leafIndex[leafNode(x)]; }

    /** Depth of the deepest leaf (root alone = 0). */
    public int depth() { return depth(0); }

    private int depth(int n) { return isLeaf(n) ? 0 : 1 + Math.max(depth(left[n]), depth(right[n])); }
}
