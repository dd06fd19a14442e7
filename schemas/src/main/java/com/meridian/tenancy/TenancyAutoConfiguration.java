package com.meridian.tenancy;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;

/** Gives every Meridian deployable the same {@link TenantDatabase} over its application data source. */
@AutoConfiguration(after = DataSourceTransactionManagerAutoConfiguration.class)
@ConditionalOnBean({DataSource.class, PlatformTransactionManager.class})
public class TenancyAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    TenantDatabase tenantDatabase(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return new TenantDatabase(dataSource, transactionManager);
    }
}
