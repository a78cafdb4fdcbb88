package io.reclab.config;

import java.nio.charset.StandardCharsets;

/**
 * Derives each component's seed from the master seed and the component's config path (e.g. {@code recall.bpr}),
 * so adding or removing a component never shifts another component's random stream.
 */
public final class Seeds {
    private Seeds() {}

    public static long derive(long master, String path) {
        long h = 0xcbf29ce484222325L; // FNV-1a over the path bytes
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return mix(master ^ mix(h));
    }

    /** SplitMix64 finaliser: a well-distributed 64-bit mix. */
    public static long mix(long z) {
        z += 0x9e3779b97f4a7c15L;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
