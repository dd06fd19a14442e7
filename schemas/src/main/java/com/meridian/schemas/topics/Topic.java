package com.meridian.schemas.topics;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;

/**
 * A Kafka topic with everything needed to use it: its name, the serdes of its key and value, and how it is
 * created. Declared once per topic in {@link Topics}; everyone uses {@code Topics.X.name()}, {@code keySerde()}
 * and {@code valueSerde()} rather than literals or serdes of their own.
 *
 * <p>Names follow {@code meridian.<domain>.<entity>.v<major>}; the major version changes only with a breaking change
 * of the key or value contract, as a new topic.
 *
 * @param name the topic name
 * @param keySerde the serde of the key
 * @param valueSerde the serde of the value
 * @param defaultPartitions the partition count to create the topic with; raising it later moves keys to other
 *     partitions, so per-key order only holds for records written after the change
 * @param cleanupPolicy how old records are discarded
 * @param retention how long records are kept
 * @param keySchema the classpath resource of the key's JSON Schema, or null for a plain UTF-8 text key
 * @param valueSchema the classpath resource of the value's JSON Schema
 * @param <K> the key type
 * @param <V> the value type
 */
public record Topic<K, V>(
        String name,
        Serde<K> keySerde,
        Serde<V> valueSerde,
        int defaultPartitions,
        CleanupPolicy cleanupPolicy,
        Duration retention,
        String keySchema,
        String valueSchema) {

    private static final Pattern NAME = Pattern.compile("meridian(\\.[a-z][a-z0-9-]*)+\\.v[1-9][0-9]*");

    public Topic {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("topic name " + name + " must match " + NAME.pattern());
        }
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(valueSchema, "valueSchema");
        if (defaultPartitions < 1 || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(name + ": partitions and retention must be positive");
        }
    }

    /** The topic configs to create it with: cleanup policy and retention. */
    public Map<String, String> configs() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, cleanupPolicy.config(),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
    }

    /** The topic to create with {@link #defaultPartitions()} and the broker's default replication factor. */
    public NewTopic newTopic() {
        return newTopic(defaultPartitions);
    }

    /** The topic to create with the given partition count and the broker's default replication factor. */
    public NewTopic newTopic(int partitions) {
        return new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(configs());
    }
}
