package com.meridian.ingest.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import com.meridian.schemas.topics.Topic;
import com.meridian.schemas.topics.Topics;

/**
 * Declares every Meridian topic, as {@link Topics} defines it, so that Spring's {@link KafkaAdmin} creates
 * the missing ones at start-up. A Streams application whose source topic is missing fails for good, so the
 * topics must exist before any topology starts.
 */
@Configuration(proxyBeanMethods = false)
public class TopicDeclarationsConfiguration {

    @Bean
    KafkaAdmin.NewTopics meridianTopics() {
        return new KafkaAdmin.NewTopics(Topics.all().stream().map(Topic::newTopic).toArray(NewTopic[]::new));
    }
}
