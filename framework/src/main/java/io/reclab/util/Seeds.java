package io.reclab.util;

import java.nio.charset.StandardCharsets;

/**
 * The one home of seed mixing (SplitMix64, Steele, Lea & Flood 2014). {@link #derive(long, String)} gives each
 * component its seed from the master seed and its config path (e.g. {@code recall.bpr}), so adding or removing a
 * component never shifts another's random stream; {@link #derive(long, long...)} and {@link #at} give independent
 * streams per integer coordinate (epoch, shard, user), fixed whichever thread draws from them.
 */
public final class Seeds {
    /** SplitMix64's increment, 2^64 / golden ratio. */
    private static final long GAMMA = 0x9e3779b97f4a7c15L;

    private Seeds() {}

    public static long derive(long master, String path) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the path bytes
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(master ^ mix(h));
    }

    /** A seed for the stream at coordinates {@code parts} under {@code seed}. */
    public static long derive(long seed, long... parts) {
        long h = finalise(seed ^ GAMMA);
        for (long p : parts) h = mix(h + GAMMA * p);
        return h;
    }

    /** The {@code index}-th output of the SplitMix64 sequence started at {@code seed}: one stream per index. */
    public static long at(long seed, long index) {
        return mix(seed + GAMMA * index);
    }

    /** One SplitMix64 step: advance by the increment, then {@link #finalise}. */
    public static long mix(long z) {
        return finalise(z + GAMMA);
    }

    /** SplitMix64's output function: a bijective, well-distributed 64-bit mix (also a good hash of a key). */
    public static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
