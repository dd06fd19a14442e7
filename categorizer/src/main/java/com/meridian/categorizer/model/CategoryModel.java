package com.meridian.categorizer.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.meridian.categorizer.model.internal.FeatureHasher;
import com.meridian.categorizer.model.internal.MlpWeights;
import com.meridian.categorizer.model.internal.SparseVector;
import com.meridian.categorizer.normalize.NormalizedDescriptor;
import com.meridian.categorizer.taxonomy.LabelMapping;

/**
 * A trained categorization model, immutable and thread-safe: hashed text features, one hidden layer, a softmax
 * over the training labels, and the temperature that calibrates its probabilities.
 *
 * <p>Business rule: the probabilities it returns are calibrated (temperature scaling fitted on held-out data),
 * so "0.9" means right about nine times in ten, which the confidence levels rely on. Scoring is a plain-Java
 * forward pass over the weights DL4J trained; {@code ModelEquivalenceTest} proves it gives DL4J's outputs.
 */
public final class CategoryModel {

    private final ModelMetadata metadata;
    private final MlpWeights weights;
    private final FeatureHasher hasher;

    private CategoryModel(ModelMetadata metadata, MlpWeights weights) {
        this.metadata = metadata;
        this.weights = weights;
        this.hasher = new FeatureHasher(metadata.dimensions());
    }

    /** Loads a model, refusing weights whose digest or shape differs from what the metadata promises. */
    public static CategoryModel of(ModelMetadata metadata, byte[] weightsFile) {
        String digest = sha256(weightsFile);
        if (!digest.equals(metadata.weightsDigest())) {
            throw new IllegalArgumentException("weights digest " + digest + " does not match model "
                    + metadata.version() + " (" + metadata.weightsDigest() + ")");
        }
        try {
            MlpWeights weights = MlpWeights.read(new ByteArrayInputStream(weightsFile));
            if (weights.inputs() != metadata.dimensions() || weights.classes() != metadata.labels().size()) {
                throw new IllegalArgumentException("weights shape does not match metadata of " + metadata.version());
            }
            return new CategoryModel(metadata, weights);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    public String version() {
        return metadata.version();
    }

    public int labelCount() {
        return metadata.labels().size();
    }

    /** The standard category code of output {@code label} for a transaction of {@code amount}. */
    public String code(int label, BigDecimal amount) {
        return LabelMapping.code(metadata.labels().get(label), amount);
    }

    /** The hashed features of one transaction. */
    public SparseVector features(NormalizedDescriptor descriptor, BigDecimal amount) {
        return hasher.features(descriptor, amount);
    }

    /** Calibrated probabilities per label for one transaction; reuse {@code scratch} across calls of one thread. */
    public double[] probabilities(SparseVector features, Scratch scratch) {
        double[] logits = scratch.logits;
        weights.logits(features, scratch.hidden, logits);
        return softmax(logits, metadata.temperature(), new double[logits.length]);
    }

    /** Uncalibrated logits (temperature 1), for calibration and the DL4J equivalence check. */
    public double[] logits(SparseVector features) {
        Scratch scratch = newScratch();
        weights.logits(features, scratch.hidden, scratch.logits);
        return scratch.logits.clone();
    }

    public Scratch newScratch() {
        return new Scratch(new float[weights.hidden()], new double[weights.classes()]);
    }

    /** Softmax of {@code logits / temperature}, numerically stable. */
    public static double[] softmax(double[] logits, double temperature, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            out[i] = Math.exp((logits[i] - max) / temperature);
            sum += out[i];
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= sum;
        }
        return out;
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per-thread working memory of the forward pass. */
    public record Scratch(float[] hidden, double[] logits) {
    }
}
