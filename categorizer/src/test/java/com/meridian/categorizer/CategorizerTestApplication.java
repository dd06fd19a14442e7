package com.meridian.categorizer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest Spring Boot application that gets the categorizer through its auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CategorizerTestApplication {
}
