package com.meridian.schemas.topics;

/** A topic's {@code cleanup.policy}: how Kafka discards old records. */
public enum CleanupPolicy {
    /** Segments older than the retention are deleted. */
    DELETE("delete"),
    /** Only the latest record per key is kept. */
    COMPACT("compact"),
    /** Compacted, and segments older than the retention are deleted too. */
    COMPACT_DELETE("compact,delete");

    private final String config;

    CleanupPolicy(String config) {
        this.config = config;
    }

    /** The value of the {@code cleanup.policy} topic config. */
    public String config() {
        return config;
    }
}
