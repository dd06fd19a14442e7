-- Statement imports (issue 5): progress of long jobs, the staging area of an import and bank CSV profiles.

-- Progress of a running job as the tenant sees it: items read (written is items_done, skipped is
-- items_failed), how far through its input it is, its rate and the time it still needs.
alter table job_runs
    add column items_read        bigint        not null default 0 check (items_read >= 0),
    add column progress_percent  numeric(5, 2) check (progress_percent between 0 and 100),
    add column items_per_second  numeric(14, 2) check (items_per_second >= 0),
    add column eta_seconds       bigint        check (eta_seconds >= 0);

-- Parsed, validated and categorized entries of one import, keyed by their position in the file. A chunk is
-- written here (insert ... on conflict do nothing, so a restarted chunk writes nothing twice) and the whole
-- run is merged into transactions at the end, in one statement, then deleted.
create table import_staging (
    tenant_id              uuid        not null references tenants (tenant_id),
    job_run_id             uuid        not null,
    position               bigint      not null check (position >= 0),
    entry_ref              text        not null,
    account_id             uuid        not null,
    source_transaction_id  text,
    fingerprint            text        not null,
    status                 text        not null check (status in ('booked', 'pending')),
    booking_date           date        not null,
    value_date             date,
    amount                 numeric     not null check (scale(amount) <= 6),
    currency               char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    counterparty_name      text,
    counterparty_account   text,
    description            text,
    bank_transaction_code  text,
    category_code          text,
    category_confidence    numeric(5, 4),
    needs_review           boolean     not null default false,
    model_version          text,
    categorized_by         text        check (categorized_by in ('model', 'rule', 'user')),
    category_rule_id       uuid,
    primary key (tenant_id, job_run_id, position),
    foreign key (tenant_id, job_run_id) references job_runs (tenant_id, job_run_id)
);
call enable_tenant_isolation('import_staging');
grant select, insert, delete on import_staging to ${app_role};

-- How one bank lays out its CSV export; a tenant creates its own through the API.
create table csv_profiles (
    tenant_id    uuid        not null references tenants (tenant_id),
    code         text        not null check (code ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
    definition   jsonb       not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    primary key (tenant_id, code)
);
call enable_tenant_isolation('csv_profiles');
grant select, insert, update, delete on csv_profiles to ${app_role};
