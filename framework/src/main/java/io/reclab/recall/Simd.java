package io.reclab.recall;

/**
 * Decides once per JVM whether {@link VectorKernel} can be used: only when the incubating Vector API module was
 * resolved at startup ({@code --add-modules jdk.incubator.vector}, which the {@code reclab} launcher and the build
 * pass). This class never names a Vector API type, so it (and {@link DotProductScorer}) loads without the module;
 * {@link VectorKernel} is touched only after the module check.
 */
final class Simd {
    /** True when the Vector API is resolved and its preferred species has at least 4 float lanes. */
    static final boolean AVAILABLE = probe();

    private Simd() {}

    private static boolean probe() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            // narrower than 128 bits the register-blocked kernel has no advantage over the scalar one
            return VectorKernel.lanes() >= 4;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The fastest available kernel, or the scalar one when {@code vector} is false or the Vector API is absent. */
    static ScoringKernel kernel(int dim, float[] itemVecs, int numItems, float[] bias, boolean vector) {
        // through a factory typed ScoringKernel: the verifier then never has to load VectorKernel to check this method
        return vector && AVAILABLE ? VectorKernel.create(dim, itemVecs, numItems, bias)
                                   : new ScalarKernel(dim, itemVecs, numItems, bias);
    }
}
