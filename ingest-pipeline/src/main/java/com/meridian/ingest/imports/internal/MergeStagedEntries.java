package com.meridian.ingest.imports.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.util.unit.DataSize;

import com.meridian.ingest.jobs.JobRunParameters;
import com.meridian.tenancy.TenantDatabase;
import com.meridian.tenancy.TenantId;

import java.util.UUID;

/**
 * The {@link WritePath#STAGED} path's last step: merges a run's staging rows into {@code transactions} in one transaction, then deletes them. A row whose
 * bank id, or whose fingerprint and occurrence, is already stored for its account is not inserted again: the
 * occurrence is the row's rank among the upload's rows with the same fingerprint, so an overlapping file maps
 * the same booking to the same key, and two identical coffees of one day stay two. Run again after a crash, it
 * finds its rows stored and inserts nothing twice.
 *
 * <p>Banks reuse ids: a real PostFinance camt.053 gives two different bookings one {@code AcctSvcrRef}. An id
 * that names different amounts or days within one upload identifies nothing, so those rows are keyed by their
 * fingerprint instead of being merged into one.
 */
public class MergeStagedEntries implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(MergeStagedEntries.class);

    /**
     * Final bookings replace the interim ones (MT942, camt.052 PDNG) of earlier files for the same account within
     * the days they cover. A replaced row is kept (a correction may point at it) as removed, and gives up its keys
     * (bank id, fingerprint) so that the final booking with the same keys is stored.
     */
    private static final String REPLACE_PENDING = """
            with finals as (
                select account_id, min(booking_date) as first_day, max(booking_date) as last_day
                from import_staging where job_run_id = ? and status = 'booked' group by account_id
            )
            update transactions t
            set status = 'removed', removed_at = now(), updated_at = now(), source_transaction_id = null,
                fingerprint = t.fingerprint || ':replaced:' || t.transaction_id
            from finals
            where t.account_id = finals.account_id and t.source = 'file' and t.status = 'pending'
              and t.booking_date between finals.first_day and finals.last_day""";

    private static final String MERGE = """
            with staged as (
                select s.*, min(amount) over ids <> max(amount) over ids
                            or min(booking_date) over ids <> max(booking_date) over ids as ambiguous
                from import_staging s where job_run_id = ?
                window ids as (partition by account_id, source_transaction_id)
            ), keyed as (
                select staged.*, case when ambiguous then null else source_transaction_id end as source_id from staged
            )
            insert into transactions (tenant_id, account_id, source, source_transaction_id, fingerprint, occurrence,
                   status, booking_date, value_date, amount, currency, counterparty_name, counterparty_account,
                   description, bank_transaction_code, category_code, category_confidence, needs_review, model_version,
                   categorized_by, category_rule_id, job_run_id)
            select tenant_id, account_id, 'file', source_id, fingerprint,
                   case when source_id is null
                        then row_number() over (partition by account_id, fingerprint, source_id is null
                                                order by position) - 1
                        else 0 end,
                   status, booking_date, value_date, amount, currency, counterparty_name, counterparty_account,
                   description, bank_transaction_code, category_code, category_confidence, needs_review, model_version,
                   categorized_by, category_rule_id, job_run_id
            from keyed k
            where k.status = 'booked' or not exists (
                -- an interim booking of a day that stored final ones already cover (an interim report imported
                -- again, or late): nothing to add
                select 1 from transactions b where b.account_id = k.account_id and b.source = 'file'
                                               and b.status = 'booked' and b.booking_date >= k.booking_date)
            on conflict do nothing""";

    private final TenantDatabase database;
    private final long workMemKilobytes;

    /** @param workMem memory for the merge's two sorts (ranking ids and fingerprints); too little spills to disk */
    public MergeStagedEntries(TenantDatabase database, DataSize workMem) {
        this.database = database;
        this.workMemKilobytes = workMem.toKilobytes();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        TenantId tenant = JobRunParameters.tenant(contribution.getStepExecution().getJobParameters());
        UUID run = JobRunParameters.jobRun(contribution.getStepExecution().getJobParameters());
        String path = contribution.getStepExecution().getJobExecution().getExecutionContext()
                .getString(WritePath.CONTEXT_KEY, null);
        if (WritePath.of(path) == WritePath.DIRECT) {
            return RepeatStatus.FINISHED; // the stage step wrote into transactions itself
        }
        database.inTenantRun(tenant, sql -> {
            sql.sql("select set_config('work_mem', ?, true)").param(workMemKilobytes + "kB").query(String.class).single();
            int replaced = sql.sql(REPLACE_PENDING).param(run).update();
            int inserted = sql.sql(MERGE).param(run).update();
            int staged = sql.sql("delete from import_staging where job_run_id = ?").param(run).update();
            contribution.incrementWriteCount(inserted);
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putLong("merge.inserted", inserted);
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putLong("merge.duplicates", staged - inserted);
            log.info("job run {}: {} staged entries, {} new transactions, {} already stored, {} pending ones replaced",
                    run, staged, inserted, staged - inserted, replaced);
        });
        return RepeatStatus.FINISHED;
    }
}
