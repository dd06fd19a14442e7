package com.meridian.categorizer.training.internal;

import java.math.BigDecimal;

import com.meridian.categorizer.model.internal.SparseVector;
import com.meridian.categorizer.normalize.NormalizedDescriptor;

/**
 * One labelled transaction: its raw text, its sign ({@code -1} money out, {@code 1} in; the corpus has no amounts,
 * only "debit"/"credit"), its normalized descriptor and features, and its label index.
 */
public record LabelledExample(String text, BigDecimal sign, NormalizedDescriptor descriptor, SparseVector features,
        int label) {
}
