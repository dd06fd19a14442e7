package com.meridian.ingest.stream;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.ingest.stream.internal.DeadLetterExceptionHandlers;
import com.meridian.ingest.stream.internal.JdbcAccountDirectory;
import com.meridian.ingest.stream.internal.JdbcPipelineWriter;
import com.meridian.tenancy.TenantDatabase;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Runs {@link TransactionPipelineTopology} in this instance, unless {@code meridian.ingest.streams.enabled=false}
 * (an API-only role). Processing is {@code exactly_once_v2}; {@code spring.kafka.streams.*} (state directory,
 * extra properties) applies on top of the pipeline's own settings, and the application id defaults to
 * {@code meridian.ingest.streams.application-id}. A stream thread that dies (PostgreSQL unreachable during a
 * commit, say) is replaced: its tasks restart from their last commit.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "meridian.ingest.streams", name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableKafkaStreams
@EnableConfigurationProperties(IngestStreamsProperties.class)
public class StreamPipelineConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StreamPipelineConfiguration.class);

    @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration defaultKafkaStreamsConfig(KafkaProperties kafka, IngestStreamsProperties settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitInterval().toMillis());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, settings.standbyReplicas());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandlers.Deserialization.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandlers.Processing.class);
        config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterExceptionHandlers.Production.class);
        // a single broker in development and tests: internal topics cannot have more replicas than brokers
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1);
        config.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        config.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 2000);
        config.putAll(kafka.buildStreamsProperties());
        return new KafkaStreamsConfiguration(config);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer transactionPipelineThreadReplacement() {
        return factory -> factory.setStreamsUncaughtExceptionHandler(exception -> {
            log.error("A stream thread of the transaction pipeline failed; replacing it, its tasks resume from "
                    + "their last commit", exception);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    @Bean
    PipelineMetrics pipelineMetrics(ObjectProvider<MeterRegistry> registry) {
        return new PipelineMetrics(registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    AccountDirectory pipelineAccountDirectory(TenantDatabase database, IngestStreamsProperties settings) {
        return new JdbcAccountDirectory(database, settings.directoryTtl(), Clock.systemUTC());
    }

    @Bean
    TransactionPipelineTopology transactionPipeline(StreamsBuilder builder, AccountDirectory directory,
            TransactionCategorizer categorizer, TenantDatabase database, IngestStreamsProperties settings,
            PipelineMetrics metrics) {
        TransactionPipelineTopology pipeline = new TransactionPipelineTopology(
                new ValidateTransactionsTopology(directory, settings.limits(), metrics),
                new CategorizeTransactionsTopology(categorizer, metrics),
                new MeterTenantUsageTopology(directory, metrics, settings.commitInterval()),
                new PersistTransactionsTopology(new JdbcPipelineWriter(database)));
        pipeline.build(builder);
        return pipeline;
    }
}
