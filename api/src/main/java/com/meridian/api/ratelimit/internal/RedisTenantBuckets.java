package com.meridian.api.ratelimit.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.meridian.api.ratelimit.RateLimitProperties;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/**
 * Buckets in Redis, one key per bucket ({@value #KEY_PREFIX}{@code tenant:<id>:<limit>}), updated by compare-and-swap
 * so that every instance draws from the same bucket. Every key expires once its bucket would have refilled
 * completely (plus a margin): a tenant that stops calling leaves nothing behind, and a missing key is re-created
 * full, which is exactly the state it expired in.
 *
 * <p><b>When Redis cannot be reached, the instance fails open to buckets of its own</b> ({@link InstanceBuckets},
 * same plan limit) and counts every such decision in {@value #FALLBACK_METRIC}; {@value #AVAILABLE_METRIC} is 0
 * for the duration, and the log says when the outage begins and ends (once each, not per request). Failing
 * closed would turn a Redis outage into an outage of the whole API while its real dependency, PostgreSQL, is
 * healthy: the limit protects fair use and capacity, not any tenant's data, which authentication and row-level
 * security still guard. Each tenant stays bounded meanwhile, at most its plan's limit per instance. Commands fail
 * at once while the connection is down (nothing queues behind a dead server) and wait at most
 * {@code meridian.rate-limit.redis.timeout} otherwise; the client reconnects in the background, so shared
 * limits resume within seconds of Redis coming back. An instance that starts while Redis is down starts anyway
 * and keeps trying to connect.
 */
public final class RedisTenantBuckets implements TenantBuckets, AutoCloseable {

    public static final String KEY_PREFIX = "meridian:rate-limit:";
    public static final String AVAILABLE_METRIC = "meridian.rate-limit.store.available";
    public static final String FALLBACK_METRIC = "meridian.rate-limit.store.fallbacks";

    private static final Logger log = LoggerFactory.getLogger(RedisTenantBuckets.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final Duration RETRY_AT_MOST_EVERY = Duration.ofSeconds(5);
    // covers the instances' clock differences: bucket4j computes the refill time on the client
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

    private enum State { CONNECTING, UP, DOWN }

    private final RedisURI uri;
    private final Duration timeout;
    private final ClientResources resources;
    private final RedisClient client;
    private final InstanceBuckets fallback = new InstanceBuckets();
    private final Counter fallbacks;
    private final AtomicReference<State> state = new AtomicReference<>(State.CONNECTING);
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> shared;
    private volatile long nextConnectAttempt = System.nanoTime();

    public RedisTenantBuckets(RateLimitProperties.Redis redis, MeterRegistry meters) {
        this.uri = redis.clientUri();
        this.timeout = redis.timeout();
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), RETRY_AT_MOST_EVERY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.fallbacks = meters.counter(FALLBACK_METRIC, "store", "redis");
        meters.gauge(AVAILABLE_METRIC, Tags.of("store", "redis"), state, current -> current.get() == State.UP ? 1 : 0);
        awaitFirstConnection();
    }

    @Override
    public ConsumptionProbe tryConsume(String key, Supplier<BucketConfiguration> configuration) {
        ProxyManager<String> buckets = shared;
        if (buckets == null) {
            connectIfDue();
        } else {
            try {
                ConsumptionProbe probe = buckets.getProxy(KEY_PREFIX + key, configuration).tryConsumeAndReturnRemaining(1);
                reachable();
                return probe;
            } catch (RuntimeException e) {
                unreachable(e);
            }
        }
        fallbacks.increment();
        return fallback.tryConsume(key, configuration);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            StatefulRedisConnection<String, byte[]> open = connection;
            if (open != null) {
                open.close();
            }
            client.shutdown();
            resources.shutdown();
        }
    }

    /** With Redis up, the first requests already share their buckets; with Redis down, start-up waits one timeout. */
    private void awaitFirstConnection() {
        try {
            connectIfDue().get(timeout.toMillis() + 100, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // logged by unreachable(); the instance starts and keeps trying
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a connection attempt unless one is running or the last failed less than five seconds ago. */
    private CompletableFuture<?> connectIfDue() {
        if (System.nanoTime() - nextConnectAttempt < 0 || !connecting.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return client.connectAsync(CODEC, uri).toCompletableFuture().whenComplete((connected, failure) -> {
            if (failure == null) {
                connected(connected);
            } else {
                nextConnectAttempt = System.nanoTime() + RETRY_AT_MOST_EVERY.toNanos();
                unreachable(failure);
            }
            connecting.set(false);
        });
    }

    private void connected(StatefulRedisConnection<String, byte[]> connected) {
        if (closed.get()) {
            connected.close();
            return;
        }
        connection = connected;
        shared = Bucket4jLettuce.casBasedBuilder(connected)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                .requestTimeout(timeout)
                .build();
        reachable();
    }

    private void reachable() {
        State previous = state.getAndSet(State.UP);
        if (previous == State.DOWN) {
            log.info("Rate limits: Redis at {} answers again; instances share their buckets again", where());
        } else if (previous == State.CONNECTING) {
            log.info("Rate limits: buckets shared through Redis at {}", where());
        }
    }

    private void unreachable(Throwable failure) {
        if (state.getAndSet(State.DOWN) != State.DOWN) {
            log.warn("Rate limits: Redis at {} cannot be reached ({}); until it answers, this instance limits each"
                    + " tenant on its own (metric {})", where(), describe(failure), FALLBACK_METRIC);
            log.debug("Rate limits: Redis failure in full", failure);
        }
    }

    /** Host and port only: the URI object never prints the password, but there is no need to rely on that. */
    private String where() {
        return uri.getHost() != null ? uri.getHost() + ":" + uri.getPort() : "(sentinel) " + uri.getSentinelMasterId();
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
