package com.meridian.localstack;

import java.nio.file.Path;

/**
 * The {@code server.properties} of a single-node KRaft cluster (one process is broker and controller) on
 * loopback. Internal topics get replication factor 1, or a single node could not create them; without the
 * {@code transaction.state.log.*} lines, transactions and exactly-once processing cannot work.
 */
record KafkaServerProperties(int port, int controllerPort, Path logDir) {

    String render() {
        return """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, logDir);
    }
}
