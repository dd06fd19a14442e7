-- Scheduled imports (issue 5): a tenant's schedules that pick up statement files dropped in a watched folder,
-- and every file they have taken, by name and content, so that no file is imported twice.

-- directory is relative to the tenant's own folder under the watched root; it can never name another
-- tenant's folder (the application resolves and checks it).
create table import_schedules (
    tenant_id       uuid        not null references tenants (tenant_id),
    schedule_id     uuid        not null default gen_random_uuid(),
    name            text        not null check (length(name) between 1 and 200),
    cron            text        not null,
    time_zone       text        not null default 'UTC',
    directory       text        not null check (length(directory) between 1 and 500),
    account_id      uuid,
    csv_profile     text,
    enabled         boolean     not null default true,
    next_run_at     timestamptz not null,
    last_run_at     timestamptz,
    created_by      text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    primary key (tenant_id, schedule_id),
    foreign key (tenant_id, account_id) references bank_accounts (tenant_id, account_id)
);
create index import_schedules_due on import_schedules (tenant_id, next_run_at) where enabled;
call enable_tenant_isolation('import_schedules');
-- As for export schedules (V60): the scheduler finds due schedules before it knows their tenant; a read-only
-- policy admits enabled schedules to a transaction that declares itself the import scheduler, and nothing else.
create policy import_schedules_due_lookup on import_schedules for select
    using (enabled and current_setting('app.scope', true) = 'import-scheduler');
grant select, insert, update, delete on import_schedules to ${app_role};

-- A file a schedule took: importing while its job runs, then imported or rejected (with the reason). The key is
-- the file's name and content: the same file dropped again is not imported again, a changed one is; a rejected
-- one may be dropped again (after a fix, or after an outage) and is then taken again.
create table import_schedule_files (
    tenant_id      uuid        not null references tenants (tenant_id),
    schedule_id    uuid        not null,
    file_name      text        not null,
    sha256         char(64)    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes     bigint      not null check (size_bytes >= 0),
    status         text        not null check (status in ('importing', 'imported', 'rejected')),
    job_run_id     uuid,
    reason         text,
    taken_at       timestamptz not null default now(),
    settled_at     timestamptz,
    primary key (tenant_id, schedule_id, file_name, sha256),
    foreign key (tenant_id, schedule_id) references import_schedules (tenant_id, schedule_id) on delete cascade
);
create index import_schedule_files_by_run on import_schedule_files (tenant_id, job_run_id);
call enable_tenant_isolation('import_schedule_files');
grant select, insert, update, delete on import_schedule_files to ${app_role};
