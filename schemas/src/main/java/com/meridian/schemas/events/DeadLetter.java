package com.meridian.schemas.events;

import static com.meridian.schemas.events.Checks.check;
import static com.meridian.schemas.events.Checks.required;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A record some stage could not process, kept verbatim so that it can be inspected and replayed: the value of
 * {@code meridian.dead-letters.v1}, keyed by {@link #key()} (schema {@code events/dead-letter.v1.schema.json}).
 *
 * <p>Business rules:
 * <ul>
 *   <li>The original key and value bytes are kept exactly as read (base64 in JSON), even when they are not valid
 *       JSON; replaying means producing them again to {@code sourceTopic}.</li>
 *   <li>{@code sourceTopic}, {@code sourcePartition} and {@code sourceOffset} identify the rejected record, so a
 *       replay tool can skip records already replayed.</li>
 *   <li>The tenant is set when the stage could tell it; otherwise the record is keyed {@value #UNKNOWN_TENANT}.</li>
 *   <li>{@code reasonCode} is a stable upper-case code ({@code DESERIALIZATION_FAILED}, {@code VALIDATION_FAILED},
 *       ...) that alerts and replay tooling match on; {@code reasonMessage} is for people and may change.</li>
 * </ul>
 *
 * @param schemaVersion always 1 on this contract
 * @param tenantId the tenant of the rejected record, if known
 * @param sourceTopic the topic the rejected record was read from
 * @param sourcePartition its partition
 * @param sourceOffset its offset
 * @param originalKey its key bytes, absent for a null key
 * @param originalValue its value bytes, absent for a null value
 * @param reasonCode the stable code of the failure
 * @param reasonMessage the human-readable failure
 * @param stage the processing stage that rejected it, lower-case with dashes (for example {@code categorize})
 * @param failedAt when it was rejected
 */
public record DeadLetter(
        int schemaVersion,
        UUID tenantId,
        String sourceTopic,
        int sourcePartition,
        long sourceOffset,
        byte[] originalKey,
        byte[] originalValue,
        String reasonCode,
        String reasonMessage,
        String stage,
        Instant failedAt) {

    /** Key of a dead letter whose tenant is unknown. */
    public static final String UNKNOWN_TENANT = "unknown";

    private static final Pattern REASON_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static final Pattern STAGE = Pattern.compile("[a-z][a-z0-9-]*");

    public DeadLetter {
        Checks.schemaVersion(schemaVersion);
        Checks.requiredText(sourceTopic, "sourceTopic");
        check(sourcePartition >= 0 && sourceOffset >= 0, "sourcePartition and sourceOffset must not be negative");
        required(reasonCode, "reasonCode");
        Checks.matches(reasonCode, REASON_CODE, "reasonCode");
        required(reasonMessage, "reasonMessage");
        required(stage, "stage");
        Checks.matches(stage, STAGE, "stage");
        required(failedAt, "failedAt");
        originalKey = copy(originalKey);
        originalValue = copy(originalValue);
    }

    /** The Kafka key: the tenant id, or {@value #UNKNOWN_TENANT}. */
    public String key() {
        return tenantId == null ? UNKNOWN_TENANT : tenantId.toString();
    }

    /** A copy of the original key bytes, or null. */
    @Override
    public byte[] originalKey() {
        return copy(originalKey);
    }

    /** A copy of the original value bytes, or null. */
    @Override
    public byte[] originalValue() {
        return copy(originalValue);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DeadLetter that && sourcePartition == that.sourcePartition
                && sourceOffset == that.sourceOffset && Objects.equals(tenantId, that.tenantId)
                && sourceTopic.equals(that.sourceTopic) && Arrays.equals(originalKey, that.originalKey)
                && Arrays.equals(originalValue, that.originalValue) && reasonCode.equals(that.reasonCode)
                && reasonMessage.equals(that.reasonMessage) && stage.equals(that.stage)
                && failedAt.equals(that.failedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tenantId, sourceTopic, sourcePartition, sourceOffset, Arrays.hashCode(originalKey),
                Arrays.hashCode(originalValue), reasonCode, stage, failedAt);
    }

    /** Names the rejected record and the failure; leaves out the payload, which holds customer data. */
    @Override
    public String toString() {
        return "DeadLetter[" + sourceTopic + "-" + sourcePartition + "@" + sourceOffset + ", tenant=" + key()
                + ", stage=" + stage + ", reason=" + reasonCode + ": " + reasonMessage + "]";
    }

    private static byte[] copy(byte[] bytes) {
        return bytes == null ? null : bytes.clone();
    }
}
