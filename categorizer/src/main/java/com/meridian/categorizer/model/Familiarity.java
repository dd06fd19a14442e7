package com.meridian.categorizer.model;

/**
 * How much of a transaction's text the model knows from training: every word, some of them, or none (a known
 * brand from the merchant dictionary counts as a known word).
 *
 * <p>Business rule: a network scores any text, even one it has never seen a word of, and is as sure of a guess
 * from shared letter groups ("gmbh" once scored Shopping at 0.99) as of a known merchant. So each level of
 * familiarity has its own calibration temperature, fitted on held-out rows of that level: unfamiliar text gets the
 * confidence it has earned on unfamiliar text, and is sent to review when that is low.
 */
public enum Familiarity {
    FAMILIAR, PARTLY, UNFAMILIAR
}
