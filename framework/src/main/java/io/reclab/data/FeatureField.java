package io.reclab.data;

import java.util.List;

/**
 * One side-feature column of a {@link FeatureTable}, for every entity (user or item) by dense id.
 * Categorical and multi-valued fields store codes into {@link #vocabulary()}; numeric fields store floats.
 * Missing categorical values use code -1; missing numeric values are NaN.
 */
public sealed interface FeatureField {
    String name();

    /** One category per entity, e.g. gender or occupation. */
    record Categorical(String name, int[] codes, List<String> vocabulary) implements FeatureField {
        public int code(int entity) { return codes[entity]; }
    }

    /** Several categories per entity, e.g. a movie's genres: entity e owns {@code codes[offsets[e]..offsets[e+1])}. */
    record MultiValued(String name, int[] offsets, int[] codes, List<String> vocabulary) implements FeatureField {
        public int[] codesOf(int entity) { return java.util.Arrays.copyOfRange(codes, offsets[entity], offsets[entity + 1]); }
    }

    /** A real number per entity, e.g. age or release year. */
    record Numeric(String name, float[] values) implements FeatureField {
        public float value(int entity) { return values[entity]; }
    }

    /** A free-text attribute kept for display only (e.g. a movie title); never a model input. */
    record Text(String name, String[] values) implements FeatureField {
        public String value(int entity) { return values[entity]; }
    }
}
