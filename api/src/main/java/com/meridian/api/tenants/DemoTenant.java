package com.meridian.api.tenants;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

import com.meridian.api.security.Role;
import com.meridian.api.apikeys.ApiKeys;
import com.meridian.api.apikeys.IssuedApiKey;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * For local runs only ({@code meridian.demo.enabled=true}): makes sure a demo tenant with one bank account
 * exists and issues a fresh owner key for it, so a newcomer has something to call at once.
 */
@Component
@ConditionalOnBooleanProperty("meridian.demo.enabled")
public class DemoTenant implements ApplicationRunner {

    public static final String SLUG = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);

    private final Tenants tenants;
    private final ApiKeys apiKeys;
    private final TenantDatabase database;
    private volatile IssuedApiKey key;

    private final String plan;

    public DemoTenant(Tenants tenants, ApiKeys apiKeys, TenantDatabase database,
            @Value("${meridian.demo.plan:starter}") String plan) {
        this.tenants = tenants;
        this.plan = plan;
        this.apiKeys = apiKeys;
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantId tenant = tenants.onboard(SLUG, "Demo GmbH", "owner@demo.example", plan).tenant();
        database.inTenantRun(tenant, db -> db.sql("""
                        insert into bank_accounts (tenant_id, account_id, name, iban, currency)
                        values (?, ?, 'Demo current account', 'DE89370400440532013000', 'EUR') on conflict do nothing""")
                .params(tenant.value(), UUID.nameUUIDFromBytes("demo-account".getBytes())).update());
        key = apiKeys.issue(tenant, "local run", Role.OWNER);
        log.info("demo tenant {} ready with API key {}", tenant, key.prefix());
    }

    /** The key issued at start-up, or null before the application has started. */
    public IssuedApiKey key() {
        return key;
    }

    public TenantId tenant() {
        return Tenants.idOf(SLUG);
    }
}
