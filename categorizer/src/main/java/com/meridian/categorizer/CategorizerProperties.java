package com.meridian.categorizer;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the categorizer ({@code meridian.categorizer.*}).
 *
 * <p>Business rules: a calibrated confidence at or above {@code veryHigh} is VERY_HIGH, at or above {@code high}
 * HIGH, at or above {@code medium} MEDIUM, else LOW; a model decision below {@code reviewBelow} is marked "needs
 * review" instead of being silently auto-applied. The defaults come from the calibration table in
 * docs/categorizer.md (measured on held-out data).
 *
 * @param model                  location of the model metadata JSON; the weights are the {@code .bin} next to it
 * @param modelCheckInterval     how often a {@code file:} model location is checked for a new model
 * @param veryHigh               lower bound of VERY_HIGH
 * @param high                   lower bound of HIGH
 * @param medium                 lower bound of MEDIUM
 * @param reviewBelow            model decisions with a lower confidence need review
 * @param alternatives           how many runner-up categories a model decision explains itself with
 * @param ruleCacheTtl           how long a tenant's rules are cached
 * @param ruleCacheTenants       how many tenants' rules are cached at most
 * @param correctionsToPromote   consistent corrections of one merchant that make a rule
 * @param promotedRulePriority   priority of rules made from corrections (user rules default to 100)
 */
@ConfigurationProperties("meridian.categorizer")
public record CategorizerProperties(
        @DefaultValue("classpath:categorizer/model.json") String model,
        @DefaultValue("1m") Duration modelCheckInterval,
        @DefaultValue("0.97") BigDecimal veryHigh,
        @DefaultValue("0.90") BigDecimal high,
        @DefaultValue("0.70") BigDecimal medium,
        @DefaultValue("0.90") BigDecimal reviewBelow,
        @DefaultValue("3") int alternatives,
        @DefaultValue("5m") Duration ruleCacheTtl,
        @DefaultValue("10000") long ruleCacheTenants,
        @DefaultValue("3") int correctionsToPromote,
        @DefaultValue("150") int promotedRulePriority) {

    public CategorizerProperties {
        if (!(veryHigh.compareTo(high) >= 0 && high.compareTo(medium) >= 0 && medium.signum() >= 0
                && veryHigh.compareTo(BigDecimal.ONE) <= 0)) {
            throw new IllegalArgumentException("confidence thresholds must satisfy 0 <= medium <= high <= veryHigh <= 1");
        }
        if (correctionsToPromote < 1 || alternatives < 0) {
            throw new IllegalArgumentException("correctionsToPromote must be >= 1 and alternatives >= 0");
        }
    }

    /** The defaults, for code that runs without Spring (the training command, benchmarks). */
    public static CategorizerProperties defaults() {
        return new CategorizerProperties("classpath:categorizer/model.json", Duration.ofMinutes(1), new BigDecimal("0.97"),
                new BigDecimal("0.90"), new BigDecimal("0.70"), new BigDecimal("0.90"), 3, Duration.ofMinutes(5),
                10_000, 3, 150);
    }
}
