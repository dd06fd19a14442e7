package com.meridian.ingest.stream;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the real-time pipeline ({@code meridian.ingest.streams.*}).
 *
 * @param enabled whether this instance runs the pipeline; an API-only role sets it to false
 * @param applicationId the Kafka Streams application id (consumer group and prefix of internal topics)
 * @param threads stream threads per instance; more than the partitions it owns is wasted
 * @param standbyReplicas warm copies of each state store on other instances, for fast fail-over
 * @param commitInterval how often offsets, state and PostgreSQL batches are committed together
 * @param maxFutureDays how far after its arrival a booking date may lie (banks date pending items ahead)
 * @param maxPastDays how far before its arrival a booking date may lie
 * @param directoryTtl how long a known tenant or account is cached before PostgreSQL is asked again
 */
@ConfigurationProperties("meridian.ingest.streams")
public record IngestStreamsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("meridian-ingest") String applicationId,
        @DefaultValue("1") int threads,
        @DefaultValue("0") int standbyReplicas,
        @DefaultValue("100ms") Duration commitInterval,
        @DefaultValue("31") int maxFutureDays,
        @DefaultValue("3660") int maxPastDays,
        @DefaultValue("5m") Duration directoryTtl) {

    /** The date rules of validation. */
    public ValidationLimits limits() {
        return new ValidationLimits(maxFutureDays, maxPastDays);
    }

    /**
     * How far a booking date may be from the moment Meridian received the transaction.
     *
     * @param maxFutureDays days after arrival
     * @param maxPastDays days before arrival
     */
    public record ValidationLimits(int maxFutureDays, int maxPastDays) {
    }
}
