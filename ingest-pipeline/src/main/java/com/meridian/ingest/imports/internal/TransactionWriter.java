package com.meridian.ingest.imports.internal;

import static com.meridian.ingest.imports.internal.EntryColumns.*;

import java.util.UUID;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DuplicateKeyException;

import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

/**
 * The {@link WritePath#DIRECT} path: inserts a categorized chunk straight into {@code transactions} in one
 * statement, keyed by account, fingerprint and the occurrence index counted while reading. A booking already
 * stored (an earlier upload, an overlapping file, this chunk written again after a crash) has the same key and
 * is not inserted again.
 *
 * <p>A chunk is first inserted plainly, and only when that hits a stored key again with
 * {@code on conflict do nothing} (from a savepoint): PostgreSQL's speculative insertion made every chunk about
 * half as slow again, and most chunks of a bulk import are all new.
 */
public class TransactionWriter implements ItemWriter<PreparedEntry> {

    private static final String INSERT = """
            insert into transactions (tenant_id, job_run_id, source, account_id, fingerprint, occurrence, status,
                   booking_date, value_date, amount, currency, counterparty_name, counterparty_account, description,
                   bank_transaction_code, category_code, category_confidence, needs_review, model_version,
                   categorized_by, category_rule_id)
            select ?, ?, 'file', * from unnest(?::uuid[], ?::text[], ?::int[], ?::text[], ?::date[], ?::date[],
                   ?::numeric[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::numeric[],
                   ?::boolean[], ?::text[], ?::text[], ?::uuid[])""";

    private final TenantDatabase database;
    private final TenantId tenant;
    private final UUID jobRun;

    public TransactionWriter(TenantDatabase database, TenantId tenant, UUID jobRun) {
        this.database = database;
        this.tenant = tenant;
        this.jobRun = jobRun;
    }

    @Override
    public void write(Chunk<? extends PreparedEntry> chunk) {
        EntryColumns columns = new EntryColumns(chunk.getItems());
        Object[] params = {tenant.value(), jobRun, columns.column(ACCOUNT), columns.column(FINGERPRINT),
                columns.column(OCCURRENCE), columns.column(STATUS), columns.column(BOOKING_DATE),
                columns.column(VALUE_DATE), columns.column(AMOUNT), columns.column(CURRENCY),
                columns.column(COUNTERPARTY_NAME), columns.column(COUNTERPARTY_ACCOUNT), columns.column(DESCRIPTION),
                columns.column(BANK_TRANSACTION_CODE), columns.column(CATEGORY_CODE), columns.column(CATEGORY_CONFIDENCE),
                columns.column(NEEDS_REVIEW), columns.column(MODEL_VERSION), columns.column(CATEGORIZED_BY),
                columns.column(CATEGORY_RULE_ID)};
        database.inTenantRun(tenant, sql -> {
            sql.sql("savepoint new_bookings").update();
            try {
                sql.sql(INSERT).params(params).update();
                sql.sql("release savepoint new_bookings").update();
            } catch (DuplicateKeyException alreadyStored) {
                sql.sql("rollback to savepoint new_bookings").update();
                sql.sql(INSERT + " on conflict do nothing").params(params).update();
            }
        });
    }
}
