package com.meridian.ingest.stream.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.junit.jupiter.api.Test;

/** The sink writes what a commit covers, in one batch per commit, keeping only the last row per key. */
class CommitBoundSinkTest {

    @Test
    void eachCommitWritesTheLatestRowPerKeyInOneBatch() {
        // given a topology that puts every value under its first letter
        List<List<String>> batches = new ArrayList<>();
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(CommitBoundSink.<String, String>builder("sink", batches::add,
                new CommitGroups(Runnable::run)));
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

    @Test
    void theSinksOfAStreamThreadAreWrittenInOneTransactionPerCommit() {
        // given two sinks in one topology, whose group logs its transactions
        List<String> log = new ArrayList<>();
        CommitGroups groups = new CommitGroups(writes -> {
            log.add("begin");
            writes.run();
            log.add("commit");
        });
        try (TopologyTestDriver driver = twoSinks(groups, log)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());

            // when the driver commits after a record
            in.pipeInput("k", "a12");

            // then
            assertThat(log).containsExactly("begin", "letters [a12]", "lengths [3]", "commit");
        }
    }

    @Test
    void rowsOfAFailedTransactionAreWrittenByTheNextCommit() {
        // given a group whose transactions fail during the first commit (Kafka Streams flushes every store of the
        // task even after one failed, so the first commit attempts the transaction twice)
        List<String> log = new ArrayList<>();
        int[] failures = {2};
        CommitGroups groups = new CommitGroups(writes -> {
            writes.run();
            if (failures[0]-- > 0) {
                log.clear(); // rolled back
                throw new IllegalStateException("database unreachable");
            }
        });
        try (TopologyTestDriver driver = twoSinks(groups, log)) {
            TestInputTopic<String, String> in = driver.createInputTopic("in", new StringSerializer(),
                    new StringSerializer());
            assertThatThrownBy(() -> in.pipeInput("k", "a12")).hasRootCauseMessage("database unreachable");

            // when the next commit comes
            in.pipeInput("k", "b1");

            // then nothing was lost, and the later row of a key replaced the earlier
            assertThat(log).containsExactly("letters [a12, b1]", "lengths [3, 2]");
        }
    }

    private static TopologyTestDriver twoSinks(CommitGroups groups, List<String> log) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(CommitBoundSink.<String, String>builder("letters", rows -> log.add("letters " + rows),
                groups));
        builder.addStateStore(CommitBoundSink.<String, String>builder("lengths", rows -> log.add("lengths " + rows),
                groups));
        KStream<String, String> in = builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()));
        in.process(() -> new SinkRows<String, String>("letters", value -> value), Named.as("letters"), "letters");
        in.mapValues(value -> String.valueOf(value.length()), Named.as("length"))
                .process(() -> new SinkRows<String, String>("lengths", value -> value), Named.as("lengths"),
                        "lengths");
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "sink-group-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        return new TopologyTestDriver(builder.build(), config);
    }
}
