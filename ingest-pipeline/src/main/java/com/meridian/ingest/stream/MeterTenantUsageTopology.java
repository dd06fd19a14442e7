package com.meridian.ingest.stream;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

import com.meridian.ingest.stream.internal.AccumulateUsage;
import com.meridian.ingest.stream.internal.Ingested;
import com.meridian.ingest.stream.internal.UsagePeriods;
import com.meridian.ingest.stream.internal.UsageTotal;
import com.meridian.ingest.stream.internal.UsageTotalSerde;
import com.meridian.schemas.events.AccountKey;
import com.meridian.schemas.events.UsageEvent;
import com.meridian.schemas.topics.Topics;

/**
 * Metering: every transaction added counts +1 of {@code transactions.categorized} for its tenant, every removal -1,
 * changes count nothing. A reversal counts in the periods the unit was counted in, so a period's total is always
 * the number of its transactions still stored, never negative.
 *
 * <p>Each unit goes to {@code meridian.usage.events.v1} with a deterministic event id (billing reads it once) and
 * into the changelogged aggregate {@value #TOTALS}: the absolute total per tenant, metric, hour and billing period
 * (calendar month) in the tenant's time zone, which the persistence stage writes to {@code usage_counters}. On the
 * way, each task sums its units per counter ({@value #PENDING}) and hands the sums to the aggregate once per
 * interval, so the repartition topic carries a few sums per interval rather than two records per transaction.
 */
public final class MeterTenantUsageTopology {

    /** The usage aggregate: absolute totals per counter. */
    public static final String TOTALS = "usage-totals";

    /** A task's usage deltas not yet handed to the aggregate. */
    public static final String PENDING = "usage-pending";

    private static final UsageTotalSerde TOTAL_SERDE = new UsageTotalSerde();

    private final AccountDirectory directory;
    private final PipelineMetrics metrics;
    private final Duration handOverInterval;

    /** @param handOverInterval how often each task hands its summed units to the aggregate (the commit interval) */
    public MeterTenantUsageTopology(AccountDirectory directory, PipelineMetrics metrics, Duration handOverInterval) {
        this.directory = directory;
        this.metrics = metrics;
        this.handOverInterval = handOverInterval;
    }

    /** Adds metering after {@code ingested}; returns the counter totals as they change, keyed by counter. */
    public KStream<String, UsageTotal> build(KStream<AccountKey, Ingested> ingested) {
        KStream<AccountKey, Ingested> metered = ingested.filter((key, value) -> value.usageDelta() != 0,
                Named.as("meter-billable"));
        metered.map((key, value) -> KeyValue.pair(key.tenantId(), usageEvent(value)), Named.as("meter-usage-event"))
                .to(Topics.USAGE_EVENTS.name(), Produced.with(Topics.USAGE_EVENTS.keySerde(),
                        Topics.USAGE_EVENTS.valueSerde()).withName("usage-events-sink"));
        return metered.flatMap((key, value) -> counters(value), Named.as("meter-counters"))
                .process(new AccumulateUsage(PENDING, TOTAL_SERDE, handOverInterval), Named.as("meter-accumulate"))
                .groupByKey(Grouped.with("usage-counters", Serdes.String(), TOTAL_SERDE))
                .reduce(UsageTotal::plus, Named.as("meter-sum"),
                        Materialized.<String, UsageTotal, KeyValueStore<Bytes, byte[]>>as(TOTALS)
                                .withKeySerde(Serdes.String()).withValueSerde(TOTAL_SERDE)
                                // every total goes downstream; the sink keeps the last per counter and commit
                                .withCachingDisabled())
                .toStream(Named.as("usage-totals-stream"));
    }

    private UsageEvent usageEvent(Ingested ingested) {
        UUID tenant = ingested.categorized().tenantId();
        metrics.usage(tenant, UsageEvent.TRANSACTIONS_CATEGORIZED, ingested.usageDelta());
        String subject = ingested.categorized().transaction().accountId() + "/" + ingested.identity();
        UUID eventId = UUID.nameUUIDFromBytes((tenant + "/" + subject + "/" + ingested.usageDelta())
                .getBytes(StandardCharsets.UTF_8));
        return new UsageEvent(1, eventId, tenant, UsageEvent.TRANSACTIONS_CATEGORIZED, ingested.usageDelta(),
                ingested.meteredAt(), UsagePeriods.billingPeriod(ingested.meteredAt(), zone(tenant)),
                ingested.categorized().fingerprint());
    }

    private List<KeyValue<String, UsageTotal>> counters(Ingested ingested) {
        UUID tenant = ingested.categorized().tenantId();
        return UsagePeriods.counters(tenant, ingested.meteredAt(), zone(tenant), ingested.usageDelta()).stream()
                .map(total -> KeyValue.pair(total.counterKey(), total)).toList();
    }

    private ZoneId zone(UUID tenant) {
        return directory.tenantZone(tenant).orElse(ZoneOffset.UTC);
    }
}
