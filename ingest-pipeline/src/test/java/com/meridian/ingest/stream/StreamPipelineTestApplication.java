package com.meridian.ingest.stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import com.meridian.ingest.topics.TopicDeclarationsConfiguration;

/**
 * The stream pipeline as an application of its own, with the real categorizer (auto-configured), for the
 * integration tests: they run it in a child JVM so that they can kill it with SIGKILL, like a crashed instance.
 * The child exits when the test JVM does.
 */
@SpringBootApplication(scanBasePackageClasses = {StreamPipelineConfiguration.class,
        TopicDeclarationsConfiguration.class})
public class StreamPipelineTestApplication {

    public static void main(String[] args) {
        ProcessHandle.current().parent().ifPresent(parent -> {
            Thread watcher = new Thread(() -> {
                parent.onExit().join();
                Runtime.getRuntime().halt(1); // an orphan is a crashed instance: no clean shutdown
            }, "parent-watcher");
            watcher.setDaemon(true);
            watcher.start();
        });
        SpringApplication.run(StreamPipelineTestApplication.class, args);
    }
}
