package com.meridian.ingest.imports.csv;

import java.util.List;
import java.util.Optional;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import tools.jackson.databind.json.JsonMapper;

/**
 * A tenant's bank CSV profiles ({@code csv_profiles}), plus the built-in {@link CsvProfile#standard() standard}
 * one that every tenant has.
 */
public class CsvProfiles {

    private final TenantDatabase database;
    private final JsonMapper json = JsonMapper.builder().build();

    public CsvProfiles(TenantDatabase database) {
        this.database = database;
    }

    /** Creates or replaces the tenant's profile with this code. */
    public void save(TenantId tenant, CsvProfile profile) {
        String definition = json.writeValueAsString(profile);
        database.inTenantRun(tenant, sql -> sql.sql("""
                insert into csv_profiles (tenant_id, code, definition) values (?, ?, ?::jsonb)
                on conflict (tenant_id, code) do update set definition = excluded.definition, updated_at = now()""")
                .params(tenant.value(), profile.code(), definition).update());
    }

    /** The profile named {@code code}; null or {@code standard} is the built-in one. */
    public Optional<CsvProfile> find(TenantId tenant, String code) {
        if (code == null || code.equals(CsvProfile.standard().code())) {
            return Optional.of(CsvProfile.standard());
        }
        return database.inTenant(tenant, sql -> sql.sql("select definition::text from csv_profiles where code = ?")
                .param(code).query(String.class).optional())
                .map(definition -> json.readValue(definition, CsvProfile.class));
    }

    public List<String> codes(TenantId tenant) {
        return database.inTenant(tenant, sql -> sql.sql("select code from csv_profiles order by code")
                .query(String.class).list());
    }
}
