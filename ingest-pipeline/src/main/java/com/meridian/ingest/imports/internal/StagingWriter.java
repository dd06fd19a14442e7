package com.meridian.ingest.imports.internal;

import static com.meridian.ingest.imports.internal.EntryColumns.*;

import java.util.UUID;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The {@link WritePath#STAGED} path: writes a categorized chunk to {@code import_staging} in one statement
 * (arrays unnested server-side: one round trip per chunk); {@link MergeStagedEntries} moves the upload into
 * {@code transactions} at the end. A chunk written again after a crash (its rows committed, Batch's bookkeeping
 * not) conflicts on the position and writes nothing twice.
 */
public class StagingWriter implements ItemWriter<PreparedEntry> {

    private static final String INSERT = """
            insert into import_staging (tenant_id, job_run_id, position, entry_ref, account_id, source_transaction_id,
                   fingerprint, status, booking_date, value_date, amount, currency, counterparty_name,
                   counterparty_account, description, bank_transaction_code, category_code, category_confidence,
                   needs_review, model_version, categorized_by, category_rule_id)
            select ?, ?, * from unnest(?::bigint[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::date[],
                   ?::date[], ?::numeric[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                   ?::numeric[], ?::boolean[], ?::text[], ?::text[], ?::uuid[])
            on conflict do nothing""";

    private final TenantDatabase database;
    private final TenantId tenant;
    private final UUID jobRun;

    public StagingWriter(TenantDatabase database, TenantId tenant, UUID jobRun) {
        this.database = database;
        this.tenant = tenant;
        this.jobRun = jobRun;
    }

    @Override
    public void write(Chunk<? extends PreparedEntry> chunk) {
        EntryColumns columns = new EntryColumns(chunk.getItems());
        Object[] params = {tenant.value(), jobRun, columns.column(POSITION), columns.column(ENTRY_REF),
                columns.column(ACCOUNT), columns.column(SOURCE_ID), columns.column(FINGERPRINT), columns.column(STATUS),
                columns.column(BOOKING_DATE), columns.column(VALUE_DATE), columns.column(AMOUNT),
                columns.column(CURRENCY), columns.column(COUNTERPARTY_NAME), columns.column(COUNTERPARTY_ACCOUNT),
                columns.column(DESCRIPTION), columns.column(BANK_TRANSACTION_CODE), columns.column(CATEGORY_CODE),
                columns.column(CATEGORY_CONFIDENCE), columns.column(NEEDS_REVIEW), columns.column(MODEL_VERSION),
                columns.column(CATEGORIZED_BY), columns.column(CATEGORY_RULE_ID)};
        database.inTenantRun(tenant, sql -> sql.sql(INSERT).params(params).update());
    }
}
