package com.meridian.ingest.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import com.meridian.schemas.topics.Topic;
import com.meridian.schemas.topics.Topics;

/**
 * Declares every Meridian topic, as {@link Topics} defines it, so that Spring's {@link KafkaAdmin} creates
 * the missing ones at start-up. A Streams application whose source topic is missing fails for good, so the
 * topics must exist before any topology starts.
 *
 * <p>{@code meridian.topics.account-partitions} sets the partition count of the two account-keyed topics (the
 * bank feed and the categorized transactions, which must share it): the most stream tasks, hence instances, that
 * can share the pipeline's work. It applies when a topic is created; KafkaAdmin never shrinks a topic, and it
 * only grows one whose count is below the setting (moving keys: plan that with a drained topic).
 */
@Configuration(proxyBeanMethods = false)
public class TopicDeclarationsConfiguration {

    @Bean
    KafkaAdmin.NewTopics meridianTopics(@Value("${meridian.topics.account-partitions:0}") int accountPartitions) {
        return new KafkaAdmin.NewTopics(Topics.all().stream()
                .map(topic -> declare(topic, accountPartitions)).toArray(NewTopic[]::new));
    }

    private static NewTopic declare(Topic<?, ?> topic, int accountPartitions) {
        boolean accountKeyed = topic == Topics.BANK_FEED_TRANSACTIONS || topic == Topics.CATEGORIZED_TRANSACTIONS;
        return accountKeyed && accountPartitions > 0 ? topic.newTopic(accountPartitions) : topic.newTopic();
    }
}
