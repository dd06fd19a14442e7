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
import com.meridian.categorizer.model.internal.Vocabulary;
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
    private final Vocabulary vocabulary;
    private final FeatureHasher hasher;
    private final double[] temperatures;

    private CategoryModel(ModelMetadata metadata, MlpWeights weights, Vocabulary vocabulary) {
        this.metadata = metadata;
        this.weights = weights;
        this.vocabulary = vocabulary;
        this.hasher = new FeatureHasher(metadata.dimensions());
        this.temperatures = new double[Familiarity.values().length];
        for (Familiarity f : Familiarity.values()) {
            temperatures[f.ordinal()] = metadata.temperature(f);
        }
    }

    /** Loads a model, refusing weights whose digest or shape differs from what the metadata promises. */
    public static CategoryModel of(ModelMetadata metadata, byte[] weightsFile) {
        String digest = sha256(weightsFile);
        if (!digest.equals(metadata.weightsDigest())) {
            throw new IllegalArgumentException("weights digest " + digest + " does not match model "
                    + metadata.version() + " (" + metadata.weightsDigest() + ")");
        }
        try {
            ByteArrayInputStream in = new ByteArrayInputStream(weightsFile);
            MlpWeights weights = MlpWeights.read(in);
            if (weights.inputs() != metadata.dimensions() || weights.classes() != metadata.labels().size()) {
                throw new IllegalArgumentException("weights shape does not match metadata of " + metadata.version());
            }
            if (in.available() == 0) {
                throw new IllegalArgumentException("model " + metadata.version()
                        + " has no vocabulary after its weights (made before familiarity existed): retrain it");
            }
            return new CategoryModel(metadata, weights, Vocabulary.read(in));
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

    /** How much of the descriptor's text the model knows from training. */
    public Familiarity familiarity(NormalizedDescriptor descriptor) {
        int known = 0;
        for (String token : descriptor.tokens()) {
            known += vocabulary.contains(token) ? 1 : 0;
        }
        if (known == descriptor.tokens().size() && known > 0) {
            return Familiarity.FAMILIAR;
        }
        boolean brand = descriptor.signals().stream().anyMatch(s -> s.startsWith("brand:"));
        return known > 0 || brand ? Familiarity.PARTLY : Familiarity.UNFAMILIAR;
    }

    /**
     * Calibrated probabilities per label for one transaction, with the temperature of its text's familiarity;
     * reuse {@code scratch} across calls of one thread.
     */
    public double[] probabilities(SparseVector features, Familiarity familiarity, Scratch scratch) {
        double[] logits = scratch.logits;
        weights.logits(features, scratch.hidden, logits);
        return softmax(logits, temperatures[familiarity.ordinal()], new double[logits.length]);
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
