package io.reclab.train;

/**
 * Derives independent 64-bit seeds from a base seed and integer coordinates (epoch, shard, ...) with the
 * SplitMix64 finaliser, so each (seed, epoch, shard) stream is fixed no matter which thread draws from it.
 */
public final class Seeds {
    private Seeds() {}

    /** A seed for the stream at {@code parts} under {@code seed}. */
    public static long derive(long seed, long... parts) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long p : parts) h = mix(h + 0x9E3779B97F4A7C15L * (p + 1));
        return h;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
