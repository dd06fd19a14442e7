package com.meridian.categorizer.model.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;

/**
 * The words a model saw often enough in training to have learnt something about them, as a hashed bit set
 * (2^18 bits, 32 KiB; with the ~10,000 training words about 4% of unseen words pass for seen ones, which errs
 * towards the confidence the model had before). Written after the weights in the model's {@code .bin}, so the
 * weights digest covers it. The hash is FNV-1a, stable across JVMs.
 */
public final class Vocabulary {

    private static final int MAGIC = 0x4d564f43; // "MVOC"
    private static final int BITS = 1 << 18;

    private final long[] bits;

    private Vocabulary(long[] bits) {
        this.bits = bits;
    }

    public static Vocabulary of(Collection<String> words) {
        long[] bits = new long[BITS / 64];
        for (String word : words) {
            int h = hash(word);
            bits[h >>> 6] |= 1L << (h & 63);
        }
        return new Vocabulary(bits);
    }

    public boolean contains(String word) {
        int h = hash(word);
        return (bits[h >>> 6] & (1L << (h & 63))) != 0;
    }

    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(BITS);
        for (long word : bits) {
            out.writeLong(word);
        }
        out.flush();
    }

    public static Vocabulary read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC || in.readInt() != BITS) {
            throw new IllegalArgumentException("model file has no vocabulary section");
        }
        long[] bits = new long[BITS / 64];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = in.readLong();
        }
        return new Vocabulary(bits);
    }

    private static int hash(String word) {
        int h = 0x811c9dc5;
        for (int i = 0; i < word.length(); i++) {
            h = (h ^ word.charAt(i)) * 0x01000193;
        }
        return (h ^ (h >>> 18)) & (BITS - 1);
    }
}
