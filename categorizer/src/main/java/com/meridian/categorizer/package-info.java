/**
 * The categorization engine: the standard taxonomy and tenant categories, tenant rules applied first,
 * then the Deeplearning4j model with calibrated confidence; used by the stream and batch pipelines.
 */
package com.meridian.categorizer;
