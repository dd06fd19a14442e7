package com.meridian.categorizer.model;

import java.util.List;
import java.util.Map;

/**
 * What a model file says about itself ({@code <name>.json} next to {@code <name>.bin}). A model is only loaded if
 * its weights digest matches, and its evaluation figures are the ones the training command measured on held-out
 * data.
 *
 * @param version            the model's version, written into every decision it makes
 * @param taxonomyVersion    the standard taxonomy its category codes belong to
 * @param labels             the training labels, in output order
 * @param labelCodes         the standard category code of each label; {@code TRANSFER} is resolved by direction
 * @param dimensions         hashed feature buckets
 * @param hidden             hidden units
 * @param temperature        the calibration temperature fitted on the whole calibration split
 * @param temperatures       the temperature per {@link Familiarity} (by name), fitted on the calibration rows of that
 *                           familiarity; a level without enough rows uses {@code temperature}
 * @param trainingDataDigest SHA-256 over the training sources (data files, label mapping, feature settings)
 * @param weightsDigest      SHA-256 of the weights file
 * @param evaluation         figures measured by the training command (accuracy, macro-F1, ECE...)
 */
public record ModelMetadata(String version, String taxonomyVersion, List<String> labels, List<String> labelCodes,
        int dimensions, int hidden, double temperature, Map<String, Double> temperatures, String trainingDataDigest,
        String weightsDigest, Map<String, Object> evaluation) {

    /** The calibration temperature for text of this familiarity. */
    public double temperature(Familiarity familiarity) {
        Double t = temperatures == null ? null : temperatures.get(familiarity.name());
        return t == null ? temperature : t;
    }
}
