/**
 * The real-time pipeline: bank-feed transactions are validated, de-duplicated, categorized, metered and stored,
 * exactly once, in one Kafka Streams application.
 *
 * <p>{@link com.meridian.ingest.stream.TransactionPipelineTopology} composes the stages, one class each with a pure
 * {@code build} method; {@link com.meridian.ingest.stream.StreamPipelineConfiguration} runs them with
 * {@code exactly_once_v2}. Everything under {@code internal} is hidden.
 */
package com.meridian.ingest.stream;
