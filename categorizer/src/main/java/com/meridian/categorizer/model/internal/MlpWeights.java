package com.meridian.categorizer.model.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The trained network's parameters: one ReLU hidden layer over the hashed features and a softmax output.
 * {@code w1} is row-major [inputs][hidden] (the rows of a sparse input's active buckets are contiguous),
 * {@code w2} row-major [hidden][classes]. The file format is a magic number, the three sizes and the four arrays
 * as big-endian float32, exactly the values DL4J trained.
 */
public record MlpWeights(int inputs, int hidden, int classes, float[] w1, float[] b1, float[] w2, float[] b2) {

    private static final int MAGIC = 0x4d434154; // "MCAT"
    private static final int FORMAT = 1;

    public MlpWeights {
        check(w1.length == inputs * hidden && b1.length == hidden && w2.length == hidden * classes
                && b2.length == classes, "weight shapes do not match " + inputs + "x" + hidden + "x" + classes);
    }

    /** Raw class scores (logits) of one sparse input; {@code hiddenScratch} has {@code hidden} floats. */
    public void logits(SparseVector x, float[] hiddenScratch, double[] out) {
        System.arraycopy(b1, 0, hiddenScratch, 0, hidden);
        int[] idx = x.indices();
        float[] val = x.values();
        for (int k = 0; k < idx.length; k++) {
            int row = idx[k] * hidden;
            float v = val[k];
            for (int j = 0; j < hidden; j++) {
                hiddenScratch[j] += v * w1[row + j];
            }
        }
        for (int c = 0; c < classes; c++) {
            out[c] = b2[c];
        }
        for (int j = 0; j < hidden; j++) {
            float h = hiddenScratch[j];
            if (h > 0f) {
                int row = j * classes;
                for (int c = 0; c < classes; c++) {
                    out[c] += h * w2[row + c];
                }
            }
        }
    }

    public void write(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(inputs);
        out.writeInt(hidden);
        out.writeInt(classes);
        for (float[] array : new float[][] {w1, b1, w2, b2}) {
            for (float f : array) {
                out.writeFloat(f);
            }
        }
        out.flush();
    }

    public static MlpWeights read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        check(in.readInt() == MAGIC && in.readInt() == FORMAT, "not a Meridian categorizer weights file");
        int inputs = in.readInt();
        int hidden = in.readInt();
        int classes = in.readInt();
        return new MlpWeights(inputs, hidden, classes, floats(in, inputs * hidden), floats(in, hidden),
                floats(in, hidden * classes), floats(in, classes));
    }

    private static float[] floats(DataInputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n * 4);
        check(bytes.length == n * 4, "weights file is truncated");
        float[] out = new float[n];
        java.nio.ByteBuffer.wrap(bytes).asFloatBuffer().get(out);
        return out;
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
