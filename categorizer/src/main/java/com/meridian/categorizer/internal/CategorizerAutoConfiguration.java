package com.meridian.categorizer.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import com.meridian.categorizer.CategorizerProperties;
import com.meridian.categorizer.ConfidenceLevels;
import com.meridian.categorizer.TransactionCategorizer;
import com.meridian.categorizer.corrections.CorrectionRecorder;
import com.meridian.categorizer.corrections.TrainingCorrections;
import com.meridian.categorizer.model.ModelRegistry;
import com.meridian.categorizer.model.ModelWatcher;
import com.meridian.categorizer.rules.RuleBook;
import com.meridian.categorizer.rules.internal.CategoryRuleRepository;
import com.meridian.tenancy.TenancyAutoConfiguration;
import com.meridian.tenancy.TenantDatabase;

/**
 * Publishes the categorizer to every deployable that has a {@link TenantDatabase}: the {@link TransactionCategorizer}
 * (rules, then the model), the {@link RuleBook} (so rule editors can invalidate a tenant's cached rules), the
 * {@link ModelRegistry} (to replace the model at run time), the {@link CorrectionRecorder} and
 * {@link TrainingCorrections} (a tenant's opt-in to sharing corrections with the common model).
 */
@AutoConfiguration(after = TenancyAutoConfiguration.class)
@ConditionalOnBean(TenantDatabase.class)
@EnableConfigurationProperties(CategorizerProperties.class)
public class CategorizerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ModelRegistry categorizerModelRegistry(CategorizerProperties properties) {
        return new ModelRegistry(properties.model());
    }

    /** Hot replacement of the model, when it is deployed as a file rather than shipped on the classpath. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${meridian.categorizer.model:}'.startsWith('file:')")
    @ConditionalOnMissingBean
    ModelWatcher categorizerModelWatcher(ModelRegistry registry, CategorizerProperties properties) {
        return new ModelWatcher(registry, properties.model(), properties.modelCheckInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    RuleBook categorizerRuleBook(TenantDatabase database, CategorizerProperties properties) {
        return new RuleBook(new CategoryRuleRepository(database)::enabledRules, properties.ruleCacheTtl(),
                properties.ruleCacheTenants());
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionCategorizer transactionCategorizer(RuleBook rules, ModelRegistry models,
            CategorizerProperties properties, ObjectProvider<MeterRegistry> meters) {
        return new RulesThenModelCategorizer(rules, models, new ConfidenceLevels(properties),
                properties.alternatives(), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    CorrectionRecorder categorizerCorrectionRecorder(TenantDatabase database, RuleBook rules,
            CategorizerProperties properties) {
        return new CorrectionRecorder(database, rules, properties.correctionsToPromote(),
                properties.promotedRulePriority());
    }

    @Bean
    @ConditionalOnMissingBean
    TrainingCorrections categorizerTrainingCorrections(TenantDatabase database) {
        return new TrainingCorrections(database);
    }
}
