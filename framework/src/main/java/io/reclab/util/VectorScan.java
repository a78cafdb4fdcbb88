package io.reclab.util;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The Vector API half of {@link Scan}; loaded only after {@link Scan} found the module. */
final class VectorScan {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    private VectorScan() {}

    static int lanes() { return SPECIES.length(); }

    static int skipNotAbove(float[] a, int from, int to, float thr) {
        int w = SPECIES.length(), i = from, end = to - w;
        while (i <= end && !FloatVector.fromArray(SPECIES, a, i).compare(VectorOperators.GT, thr).anyTrue()) i += w;
        return i;
    }
}
