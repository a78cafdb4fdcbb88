package io.reclab.rank.features;

import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3 (x86, 32-bit; Appleby 2011) over the UTF-8 bytes of a string, with an explicit seed, for the hashing
 * trick. Java's {@code String.hashCode} is avoided because it is unseeded and clusters on similar strings.
 */
public final class FeatureHash {
    private FeatureHash() {}

    public static int murmur3(String s, int seed) {
        byte[] data = s.getBytes(StandardCharsets.UTF_8);
        return murmur3(data, data.length, seed);
    }

    public static int murmur3(byte[] data, int len, int seed) {
        final int c1 = 0xcc9e2d51, c2 = 0x1b873593;
        int h = seed;
        int blocks = len / 4;
        for (int i = 0; i < blocks; i++) {
            int p = i * 4;
            int k = (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16 | (data[p + 3] & 0xff) << 24;
            k *= c1;
            k = Integer.rotateLeft(k, 15);
            k *= c2;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int tail = blocks * 4, k = 0;
        switch (len & 3) {
            case 3: k ^= (data[tail + 2] & 0xff) << 16;
            case 2: k ^= (data[tail + 1] & 0xff) << 8;
            case 1:
                k ^= data[tail] & 0xff;
                k *= c1;
                k = Integer.rotateLeft(k, 15);
                k *= c2;
                h ^= k;
            default:
        }
        h ^= len;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    /** Bucket of {@code s} among {@code buckets}. */
    public static int bucket(String s, int seed, int buckets) {
        return Math.floorMod(murmur3(s, seed), buckets);
    }
}
