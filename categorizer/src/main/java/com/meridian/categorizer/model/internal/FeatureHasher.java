package com.meridian.categorizer.model.internal;

import java.math.BigDecimal;
import java.util.Arrays;

import com.meridian.categorizer.normalize.NormalizedDescriptor;

/**
 * Turns a normalized descriptor, a direction and an amount into a sparse, L2-normalized feature vector of
 * {@code dimensions} hashed buckets: words, word pairs, character 3-5-grams of each word (robust to typos,
 * truncation and compound words), the normalizer's signals and the direction. The size of the amount is not a
 * feature: the labelled training data carries none, so its weights would be noise. The hash is FNV-1a over the feature's characters, so a model trained today scores the same features
 * on any JVM tomorrow.
 */
public final class FeatureHasher {

    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 5;

    private final int dimensions;

    public FeatureHasher(int dimensions) {
        if (Integer.bitCount(dimensions) != 1) {
            throw new IllegalArgumentException("dimensions must be a power of two: " + dimensions);
        }
        this.dimensions = dimensions;
    }

    public int dimensions() {
        return dimensions;
    }

    /** The features of one transaction; {@code amount} may be null (direction and size then unknown). */
    public SparseVector features(NormalizedDescriptor descriptor, BigDecimal amount) {
        Accumulator acc = new Accumulator();
        String previous = "<s>";
        for (String token : descriptor.tokens()) {
            acc.add(hash("w:", token));
            acc.add(hash2("b:", previous, token));
            grams(acc, token);
            previous = token;
        }
        for (String signal : descriptor.signals()) {
            acc.add(hash("s:", signal));
        }
        acc.add(hash("d:", direction(amount)));
        return acc.toVector();
    }

    private void grams(Accumulator acc, String token) {
        String padded = "<" + token + ">";
        for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
            for (int i = 0; i + n <= padded.length(); i++) {
                acc.add(hashRange(padded, i, i + n));
            }
        }
    }

    static String direction(BigDecimal amount) {
        if (amount == null) {
            return "unknown";
        }
        return amount.signum() < 0 ? "out" : "in";
    }

    private int hash(String prefix, String value) {
        int h = fnv(0x811c9dc5, prefix, 0, prefix.length());
        return bucket(fnv(h, value, 0, value.length()));
    }

    private int hash2(String prefix, String a, String b) {
        int h = fnv(0x811c9dc5, prefix, 0, prefix.length());
        h = fnv(h, a, 0, a.length());
        h = (h ^ ' ') * 0x01000193;
        return bucket(fnv(h, b, 0, b.length()));
    }

    private int hashRange(String s, int from, int to) {
        int h = (0x811c9dc5 ^ 'g') * 0x01000193;
        return bucket(fnv(h, s, from, to));
    }

    private static int fnv(int h, String s, int from, int to) {
        for (int i = from; i < to; i++) {
            h = (h ^ s.charAt(i)) * 0x01000193;
        }
        return h;
    }

    private int bucket(int h) {
        // fold the high bits in: FNV's low bits alone are weak for short strings
        return (h ^ (h >>> 16)) & (dimensions - 1);
    }

    /** Counts per bucket, kept sorted by index for a cache-friendly forward pass. */
    private static final class Accumulator {
        private int[] buckets = new int[128];
        private int size;

        void add(int bucket) {
            if (size == buckets.length) {
                buckets = Arrays.copyOf(buckets, size * 2);
            }
            buckets[size++] = bucket;
        }

        SparseVector toVector() {
            Arrays.sort(buckets, 0, size);
            int[] indices = new int[size];
            float[] values = new float[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                if (n > 0 && indices[n - 1] == buckets[i]) {
                    values[n - 1] += 1f;
                } else {
                    indices[n] = buckets[i];
                    values[n++] = 1f;
                }
            }
            return SparseVector.normalized(Arrays.copyOf(indices, n), Arrays.copyOf(values, n));
        }
    }
}
