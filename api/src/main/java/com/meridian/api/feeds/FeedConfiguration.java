package com.meridian.api.feeds;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.meridian.api.feeds.internal.FeedQueue;
import com.meridian.tenancy.TenantDatabase;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The HTTP push's producer: idempotent and acknowledged by all in-sync replicas, so a 202 means durable. One request
 * in flight per broker: with several, a first batch refused by a partition whose leader is not ready yet (a broker
 * restart) can be overtaken by the next one, after which the broker refuses the retried first batch as out of
 * sequence until the delivery timeout (KAFKA-14359), and the request would wait two minutes to report a failure.
 */
@Configuration(proxyBeanMethods = false)
public class FeedConfiguration {

    @Bean(destroyMethod = "close")
    Producer<byte[], byte[]> feedProducer(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "meridian-feed-push");
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Bean
    FeedPushes feedPushes(TenantDatabase database, Producer<byte[], byte[]> feedProducer, MeterRegistry meters) {
        return new FeedPushes(database, new FeedQueue(feedProducer, database), Clock.systemUTC(), meters);
    }
}
