package com.meridian.categorizer.model.internal;

/** A sparse feature vector: ascending bucket indices and their values. */
public record SparseVector(int[] indices, float[] values) {

    /** Scales {@code values} to unit length, so long descriptors do not outweigh short ones. */
    static SparseVector normalized(int[] indices, float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v * v;
        }
        float scale = sum == 0 ? 0f : (float) (1.0 / Math.sqrt(sum));
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return new SparseVector(indices, values);
    }
}
