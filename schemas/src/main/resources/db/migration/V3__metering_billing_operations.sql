-- Metering, invoicing, jobs, dead letters and the audit log.

-- Usage per tenant, metric and period. The stream writes absolute totals from its aggregate, so a
-- replayed write is idempotent. Periods are computed in the tenant's time zone and stored as instants.
create table usage_counters (
    tenant_id     uuid        not null references tenants (tenant_id),
    metric        text        not null check (metric ~ '^[a-z][a-z0-9_.]+$'),
    period_kind   text        not null check (period_kind in ('hour', 'billing_period')),
    period_start  timestamptz not null,
    period_end    timestamptz not null,
    quantity      bigint      not null check (quantity >= 0),
    updated_at    timestamptz not null default now(),
    primary key (tenant_id, metric, period_kind, period_start),
    check (period_end > period_start)
);
call enable_tenant_isolation('usage_counters');
grant select, insert, update on usage_counters to ${app_role};

create table invoices (
    tenant_id          uuid        not null references tenants (tenant_id),
    invoice_id         uuid        not null default gen_random_uuid(),
    invoice_number     text        not null,
    subscription_id    uuid        not null,
    period_start       timestamptz not null,
    period_end         timestamptz not null,
    currency           char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    subtotal           numeric(19, 4) not null,
    tax                numeric(19, 4) not null default 0,
    total              numeric(19, 4) not null,
    amount_paid        numeric(19, 4) not null default 0,
    status             text        not null check (status in ('draft', 'open', 'paid', 'void', 'uncollectible')),
    issued_at          timestamptz,
    due_at             timestamptz,
    paid_at            timestamptz,
    stripe_invoice_id  text,
    created_at         timestamptz not null default now(),
    primary key (tenant_id, invoice_id),
    unique (tenant_id, invoice_number),
    unique (tenant_id, subscription_id, period_start),
    foreign key (tenant_id, subscription_id) references subscriptions (tenant_id, subscription_id),
    check (total = subtotal + tax)
);
call enable_tenant_isolation('invoices');
grant select, insert, update on invoices to ${app_role};

create table invoice_lines (
    tenant_id     uuid        not null references tenants (tenant_id),
    invoice_id    uuid        not null,
    line_no       integer     not null check (line_no > 0),
    kind          text        not null check (kind in ('plan', 'usage', 'proration', 'credit', 'tax')),
    description   text        not null,
    quantity      numeric(19, 4) not null,
    unit_price    numeric(19, 6) not null,
    amount        numeric(19, 4) not null,
    currency      char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    period_start  timestamptz,
    period_end    timestamptz,
    primary key (tenant_id, invoice_id, line_no),
    foreign key (tenant_id, invoice_id) references invoices (tenant_id, invoice_id) on delete cascade
);
call enable_tenant_isolation('invoice_lines');
grant select, insert, update, delete on invoice_lines to ${app_role};

-- A tenant-visible run of a long job (import, export, invoicing, purge), with its progress.
create table job_runs (
    tenant_id               uuid        not null references tenants (tenant_id),
    job_run_id              uuid        not null default gen_random_uuid(),
    job_type                text        not null check (job_type in
                                ('statement_import', 'export', 'invoicing', 'retention_purge', 'erasure', 'training')),
    status                  text        not null default 'queued' check (status in
                                ('queued', 'running', 'completed', 'failed', 'stopped')),
    parameters              jsonb       not null default '{}',
    requested_by            text,
    items_total             bigint      check (items_total >= 0),
    items_done              bigint      not null default 0 check (items_done >= 0),
    items_failed            bigint      not null default 0 check (items_failed >= 0),
    batch_job_execution_id  bigint,
    error_summary           text,
    created_at              timestamptz not null default now(),
    started_at              timestamptz,
    last_progress_at        timestamptz,
    finished_at             timestamptz,
    primary key (tenant_id, job_run_id)
);
create index job_runs_recent on job_runs (tenant_id, created_at desc);
call enable_tenant_isolation('job_runs');
grant select, insert, update on job_runs to ${app_role};

-- Rejected input with its reason and the original bytes, so nothing is dropped silently.
create table dead_letters (
    tenant_id       uuid        not null references tenants (tenant_id),
    dead_letter_id  uuid        not null default gen_random_uuid(),
    source          text        not null check (source in ('feed', 'file', 'api')),
    origin          text        not null,
    entry_ref       text,
    stage           text        not null,
    reason_code     text        not null,
    reason          text        not null,
    payload         bytea,
    job_run_id      uuid,
    received_at     timestamptz not null default now(),
    resolved_at     timestamptz,
    resolution      text,
    primary key (tenant_id, dead_letter_id)
);
create index dead_letters_unresolved on dead_letters (tenant_id, received_at) where resolved_at is null;
call enable_tenant_isolation('dead_letters');
grant select, insert, update on dead_letters to ${app_role};

-- The audit log: append-only and hash-chained per tenant. The chain is computed here, in one place,
-- so no writer can forget it; a changed or deleted entry breaks every later hash.
create table audit_log (
    tenant_id       uuid        not null references tenants (tenant_id),
    seq             bigint      not null,
    occurred_at     timestamptz not null default clock_timestamp(),
    actor_type      text        not null check (actor_type in ('user', 'api_key', 'platform_operator', 'system')),
    actor_id        text,
    action          text        not null,
    target_type     text,
    target_id       text,
    request_id      text,
    source_address  inet,
    details         jsonb       not null default '{}',
    prev_hash       bytea       not null,
    entry_hash      bytea       not null,
    primary key (tenant_id, seq)
);
call enable_tenant_isolation('audit_log');
grant select, insert on audit_log to ${app_role};

create function audit_entry_hash(entry audit_log) returns bytea
    language sql immutable parallel safe
as $$
select sha256(entry.prev_hash || convert_to(concat_ws(E'\x1f',
        entry.tenant_id::text, entry.seq::text,
        to_char(entry.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        entry.actor_type, coalesce(entry.actor_id, ''), entry.action,
        coalesce(entry.target_type, ''), coalesce(entry.target_id, ''), coalesce(entry.request_id, ''),
        coalesce(host(entry.source_address), ''), entry.details::text), 'UTF8'))
$$;

create function audit_log_chain() returns trigger
    language plpgsql
as $$
declare
    previous audit_log;
begin
    -- serialize appends per tenant so that seq and prev_hash are never computed twice
    perform pg_advisory_xact_lock(hashtextextended('audit_log:' || new.tenant_id::text, 0));
    select * into previous from audit_log where tenant_id = new.tenant_id order by seq desc limit 1;
    new.seq := coalesce(previous.seq, 0) + 1;
    new.prev_hash := coalesce(previous.entry_hash, '\x'::bytea);
    new.occurred_at := coalesce(new.occurred_at, clock_timestamp());
    new.entry_hash := audit_entry_hash(new);
    return new;
end
$$;

create trigger audit_log_chain before insert on audit_log for each row execute function audit_log_chain();

create function audit_log_reject_change() returns trigger
    language plpgsql
as $$
begin
    raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_append_only before update or delete on audit_log
    for each statement execute function audit_log_reject_change();

-- The first entry of the current tenant whose hash or link does not verify; null when the chain is intact.
create function audit_log_first_broken_seq() returns bigint
    language sql stable
as $$
select seq from (
    select seq, entry_hash, audit_entry_hash(a) as recomputed, prev_hash,
           lag(entry_hash, 1, '\x'::bytea) over (order by seq) as expected_prev,
           lag(seq, 1, 0::bigint) over (order by seq) as previous_seq
    from audit_log a where tenant_id = app_current_tenant()
) chain
where entry_hash <> recomputed or prev_hash <> expected_prev or seq <> previous_seq + 1
order by seq limit 1
$$;
grant execute on function audit_entry_hash(audit_log), audit_log_first_broken_seq() to ${app_role};
