-- Analyst exports (issue #6): one row per export with its request, its state and, once published, its
-- manifest; and the per-tenant schedules that start exports by cron and keep only the newest few.

create table export_schedules (
    tenant_id       uuid        not null references tenants (tenant_id),
    schedule_id     uuid        not null default gen_random_uuid(),
    name            text        not null check (length(name) between 1 and 200),
    cron            text        not null,
    time_zone       text        not null default 'UTC',
    -- the export request, with from/to replaced by a window relative to the run: the last N days
    request         jsonb       not null,
    window_days     integer     not null check (window_days between 1 and 3660),
    keep_last       integer     not null default 7 check (keep_last between 1 and 1000),
    enabled         boolean     not null default true,
    next_run_at     timestamptz not null,
    last_run_at     timestamptz,
    created_by      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, schedule_id)
);
create index export_schedules_due on export_schedules (tenant_id, next_run_at) where enabled;
call enable_tenant_isolation('export_schedules');
-- The scheduler has to find due schedules before it knows their tenant. Like the API key lookup (V1), a
-- second, read-only policy admits enabled schedules to a transaction that declares itself the scheduler, and
-- to nothing else; the scheduler then starts each export inside that schedule's tenant.
create policy export_schedules_due_lookup on export_schedules for select
    using (enabled and current_setting('app.scope', true) = 'export-scheduler');
grant select, insert, update, delete on export_schedules to ${app_role};

create table exports (
    tenant_id         uuid        not null references tenants (tenant_id),
    export_id         uuid        not null default gen_random_uuid(),
    kind              text        not null check (kind in ('transactions', 'monthly_spend')),
    format            text        not null check (format in ('parquet', 'csv', 'jsonl')),
    compression       text        not null check (compression in ('none', 'gzip', 'snappy', 'zstd')),
    request           jsonb       not null,
    status            text        not null default 'queued' check (status in
                          ('queued', 'running', 'completed', 'failed', 'deleted')),
    schedule_id       uuid,
    job_run_id        uuid,
    requested_by      text,
    rows_total        bigint      check (rows_total >= 0),
    rows_written      bigint      check (rows_written >= 0),
    files             integer     check (files >= 0),
    bytes             bigint      check (bytes >= 0),
    manifest          jsonb,
    error             text,
    created_at        timestamptz not null default now(),
    finished_at       timestamptz,
    expires_at        timestamptz,
    deleted_at        timestamptz,
    primary key (tenant_id, export_id),
    foreign key (tenant_id, schedule_id) references export_schedules (tenant_id, schedule_id) on delete set null (schedule_id),
    foreign key (tenant_id, job_run_id) references job_runs (tenant_id, job_run_id),
    check ((status = 'completed') = (manifest is not null) or status = 'deleted'),
    check ((status = 'deleted') = (deleted_at is not null))
);
create index exports_recent on exports (tenant_id, created_at desc);
create index exports_by_schedule on exports (tenant_id, schedule_id, created_at desc) where schedule_id is not null;
call enable_tenant_isolation('exports');
grant select, insert, update on exports to ${app_role};

-- Exports read a tenant's transactions in booking order, page by page (keyset on date and id); the index
-- transactions_listing (V31: tenant_id, booking_date desc, transaction_id desc), scanned backwards, serves them,
-- so no page sorts the tenant's whole range again.
