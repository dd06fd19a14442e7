package com.meridian.categorizer.normalize;

import java.util.List;
import java.util.Set;

/**
 * A transaction's text after normalization: what the model and the rules look at.
 *
 * @param text        lower-case words with card numbers, dates, references, store numbers, processor prefixes,
 *                    trailing locations and SEPA field labels removed, and German/Dutch/French banking words
 *                    translated into the English the model was trained on
 * @param tokens      {@code text} split on spaces
 * @param signals     what was stripped, kept as features (for example {@code proc:square}, {@code has:card},
 *                    {@code kind:direct_debit})
 * @param merchantKey the key corrections are grouped by: the merchant (or, without one, the counterparty or
 *                    the normalized description), lower-case and free of numbers
 */
public record NormalizedDescriptor(String text, List<String> tokens, Set<String> signals, String merchantKey) {
}
