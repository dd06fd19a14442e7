-- Bank accounts, the category taxonomy, tenant rules, transactions and user corrections.

create table bank_accounts (
    tenant_id         uuid        not null references tenants (tenant_id),
    account_id        uuid        not null default gen_random_uuid(),
    name              text        not null,
    iban              text        check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
    account_number    text,
    bank_identifier   text,
    currency          char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    external_ref      text,
    status            text        not null default 'active' check (status in ('active', 'closed')),
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (tenant_id, account_id)
);
create unique index bank_accounts_iban on bank_accounts (tenant_id, iban) where iban is not null;
create unique index bank_accounts_number on bank_accounts (tenant_id, bank_identifier, account_number)
    where account_number is not null;
create unique index bank_accounts_external_ref on bank_accounts (tenant_id, external_ref) where external_ref is not null;
call enable_tenant_isolation('bank_accounts');
grant select, insert, update on bank_accounts to ${app_role};

-- The standard taxonomy (Plaid Personal Finance Categories): global, read-only for the application.
create table standard_categories (
    code              text primary key check (code ~ '^[A-Z][A-Z0-9_]+$'),
    primary_code      text not null,
    description       text not null,
    taxonomy_version  text not null
);
grant select on standard_categories to ${app_role};

-- A tenant's own categories, each mapped to a standard one so reports stay comparable across tenants.
create table categories (
    tenant_id      uuid        not null references tenants (tenant_id),
    code           text        not null check (code ~ '^[A-Z][A-Z0-9_]+$'),
    name           text        not null,
    standard_code  text        not null references standard_categories (code),
    archived       boolean     not null default false,
    created_at     timestamptz not null default now(),
    primary key (tenant_id, code)
);
call enable_tenant_isolation('categories');
grant select, insert, update on categories to ${app_role};

create table category_rules (
    tenant_id      uuid        not null references tenants (tenant_id),
    rule_id        uuid        not null default gen_random_uuid(),
    priority       integer     not null default 100,
    source         text        not null check (source in ('system', 'user', 'correction')),
    match_field    text        check (match_field in ('merchant', 'description', 'counterparty')),
    match_type     text        check (match_type in ('exact', 'contains', 'regex')),
    pattern        text,
    amount_min     numeric,
    amount_max     numeric,
    currency       char(3)     check (currency ~ '^[A-Z]{3}$'),
    direction      text        check (direction in ('in', 'out')),
    mcc            char(4)     check (mcc ~ '^[0-9]{4}$'),
    account_id     uuid,
    category_code  text        not null,
    enabled        boolean     not null default true,
    created_by     uuid,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, rule_id),
    foreign key (tenant_id, account_id) references bank_accounts (tenant_id, account_id),
    check ((match_field is null) = (pattern is null) and (match_type is null) = (pattern is null)),
    check (amount_min is null or amount_max is null or amount_min <= amount_max)
);
create index category_rules_by_priority on category_rules (tenant_id, priority) where enabled;
call enable_tenant_isolation('category_rules');
grant select, insert, update, delete on category_rules to ${app_role};

-- One row per real-world transaction. De-duplication keys: the source's own id when it has one,
-- otherwise the fingerprint (account, dates, amount, text) with an occurrence index, so that two
-- genuine identical payments on one day stay two.
create table transactions (
    tenant_id              uuid        not null references tenants (tenant_id),
    transaction_id         uuid        not null default gen_random_uuid(),
    account_id             uuid        not null,
    source                 text        not null check (source in ('feed', 'file', 'api')),
    source_transaction_id  text,
    fingerprint            text        not null,
    occurrence             integer     not null default 0 check (occurrence >= 0),
    status                 text        not null default 'booked' check (status in ('booked', 'pending', 'removed')),
    booking_date           date        not null,
    value_date             date,
    amount                 numeric     not null check (scale(amount) <= 6),
    currency               char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    counterparty_name      text,
    counterparty_account   text,
    description            text,
    merchant_name          text,
    mcc                    char(4)     check (mcc ~ '^[0-9]{4}$'),
    bank_transaction_code  text,
    category_code          text,
    category_confidence    numeric(5, 4) check (category_confidence between 0 and 1),
    needs_review           boolean     not null default false,
    model_version          text,
    categorized_by         text        check (categorized_by in ('model', 'rule', 'user')),
    category_rule_id       uuid,
    job_run_id             uuid,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now(),
    removed_at             timestamptz,
    primary key (tenant_id, transaction_id),
    foreign key (tenant_id, account_id) references bank_accounts (tenant_id, account_id),
    check ((status = 'removed') = (removed_at is not null)),
    check ((category_code is null) = (categorized_by is null)),
    check (categorized_by is distinct from 'rule' or category_rule_id is not null)
);
create unique index transactions_source_id
    on transactions (tenant_id, account_id, source_transaction_id) where source_transaction_id is not null;
create unique index transactions_fingerprint
    on transactions (tenant_id, account_id, fingerprint, occurrence) where source_transaction_id is null;
create index transactions_by_booking_date on transactions (tenant_id, account_id, booking_date, transaction_id);
create index transactions_needing_review on transactions (tenant_id, booking_date) where needs_review;
call enable_tenant_isolation('transactions');
grant select, insert, update, delete on transactions to ${app_role};

-- A user's category correction: kept with who and when; feeds rule promotion and the next training run.
create table corrections (
    tenant_id               uuid        not null references tenants (tenant_id),
    correction_id           uuid        not null default gen_random_uuid(),
    transaction_id          uuid        not null,
    previous_category_code  text,
    new_category_code       text        not null,
    merchant_key            text,
    corrected_by            uuid        not null,
    corrected_at            timestamptz not null default now(),
    promoted_rule_id        uuid,
    used_in_model_version   text,
    primary key (tenant_id, correction_id),
    foreign key (tenant_id, transaction_id) references transactions (tenant_id, transaction_id)
);
create index corrections_by_merchant on corrections (tenant_id, merchant_key, corrected_at);
call enable_tenant_isolation('corrections');
grant select, insert, update on corrections to ${app_role};
