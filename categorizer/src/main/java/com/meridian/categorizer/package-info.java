/**
 * The categorization engine: the standard taxonomy and tenant categories, tenant rules applied first,
 * then the Deeplearning4j model with calibrated confidence. {@link com.meridian.categorizer.TransactionCategorizer}
 * is the public interface; everything under {@code internal} is hidden.
 */
package com.meridian.categorizer;
