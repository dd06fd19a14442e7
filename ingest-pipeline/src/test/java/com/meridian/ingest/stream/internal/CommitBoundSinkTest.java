package com.meridian.ingest.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.junit.jupiter.api.Test;

/** The sink writes what a commit covers, in one batch per commit, keeping only the last row per key. */
class CommitBoundSinkTest {

    @Test
    void eachCommitWritesTheLatestRowPerKeyInOneBatch() {
        // given a topology that puts every value under its first letter
        List<List<String>> batches = new ArrayList<>();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(CommitBoundSink.<String, String>builder("sink", batches::add));
        builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
                .process(() -> new SinkRows<String, String>("sink", value -> value.substring(0, 1)), Named.as("put"),
                        "sink");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());

            // when the driver commits after each record
            in.pipeInput("k", "a1");
            in.pipeInput("k", "b1");

            // then
            assertThat(batches).containsExactly(List.of("a1"), List.of("b1"));
        }
    }
}
