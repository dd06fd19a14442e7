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
            from keyed
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
            int inserted = sql.sql(MERGE).param(run).update();
            int staged = sql.sql("delete from import_staging where job_run_id = ?").param(run).update();
            contribution.incrementWriteCount(inserted);
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putLong("merge.inserted", inserted);
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putLong("merge.duplicates", staged - inserted);
            log.info("job run {}: {} staged entries, {} new transactions, {} already stored", run, staged, inserted,
                    staged - inserted);
        });
        return RepeatStatus.FINISHED;
    }
}
