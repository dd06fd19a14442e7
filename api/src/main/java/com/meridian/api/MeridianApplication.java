package com.meridian.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Meridian deployable. It serves the HTTP API and, depending on configuration, runs the stream
 * workers and batch jobs contributed by the other modules, so one image covers every role.
 */
@SpringBootApplication(scanBasePackages = "com.meridian")
@ConfigurationPropertiesScan("com.meridian")
public class MeridianApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeridianApplication.class, args);
    }
}
