package com.meridian.ingest.stream;

import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The pipeline's Micrometer meters, so that operators see what happened to every record:
 * {@code meridian.ingest.records{outcome}} (accepted, added, modified, removed, duplicate, removed_unknown),
 * {@code meridian.ingest.dead.letters{stage, reason}} and {@code meridian.usage.units{tenant, metric, direction}}
 * (metered or reversed; billed usage is metered minus reversed).
 */
public final class PipelineMetrics {

    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One record reached {@code outcome}. */
    public void record(String outcome) {
        registry.counter("meridian.ingest.records", "outcome", outcome).increment();
    }

    /** One record was dead-lettered by {@code stage} for {@code reasonCode}. */
    public void deadLetter(String stage, String reasonCode) {
        registry.counter("meridian.ingest.dead.letters", "stage", stage, "reason", reasonCode).increment();
    }

    /** Usage of {@code tenant} changed by {@code quantity} units of {@code metric}. */
    public void usage(UUID tenant, String metric, long quantity) {
        Counter.builder("meridian.usage.units").tag("tenant", tenant.toString()).tag("metric", metric)
                .tag("direction", quantity > 0 ? "metered" : "reversed").register(registry)
                .increment(Math.abs(quantity));
    }

    /** The registry, for tests and for meters of the exception handlers. */
    public MeterRegistry registry() {
        return registry;
    }
}
