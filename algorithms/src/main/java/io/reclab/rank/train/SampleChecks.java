package io.reclab.rank.train;

import io.reclab.rank.Samples;

/** Checks that samples fit the feature space a model was built for, naming the offending sample and value. */
final class SampleChecks {
    private SampleChecks() {}

    static void check(Samples s, int numFeatures, int numFields, String what) {
        if (s.numFields() != numFields)
            throw new IllegalArgumentException(what + " have " + s.numFields() + " fields; the model has " + numFields);
        if (s.numFeatures() > numFeatures)
            throw new IllegalArgumentException(what + " have " + s.numFeatures() + " features; the model knows "
                    + numFeatures + " (encode them with the training feature map)");
        int[] ptr = s.rowPtr(), ids = s.featIds(), fl = s.featFields();
        float[] vals = s.featVals();
        for (int r = 0; r < s.size(); r++) {
            for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                if (ids[p] < 0 || ids[p] >= numFeatures)
                    throw new IllegalArgumentException(what + ": sample " + r + " has feature id " + ids[p]
                            + ", expected 0.." + (numFeatures - 1));
                if (fl[p] < 0 || fl[p] >= numFields)
                    throw new IllegalArgumentException(what + ": sample " + r + " has field " + fl[p]
                            + ", expected 0.." + (numFields - 1));
                if (!Float.isFinite(vals[p]))
                    throw new IllegalArgumentException(what + ": sample " + r + " has non-finite value " + vals[p]
                            + " for feature " + ids[p]);
            }
        }
    }
}
