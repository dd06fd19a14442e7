-- Tenancy foundation.
--
-- Every tenant-scoped table carries tenant_id first in its keys and indexes, has row-level security
-- ENABLED and FORCED, and one policy that compares tenant_id with app_current_tenant(), which reads the
-- transaction-local setting app.tenant_id (set with set_config('app.tenant_id', ?, true)). Because the
-- setting is transaction-local, a pooled connection cannot carry one tenant into the next borrower.
--
-- Migrations run as the owner role; the application connects as ${app_role}, which owns nothing, is no
-- superuser and has no BYPASSRLS. Grants are explicit per table so that a new table is invisible to the
-- application until a migration decides what it may do with it.

create function app_current_tenant() returns uuid
    language sql stable parallel safe
as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

comment on function app_current_tenant() is
    'The tenant of the current transaction (set_config(''app.tenant_id'', ?, true)), or null when none is set.';

grant execute on function app_current_tenant() to ${app_role};

-- Applies the standard isolation to a tenant table: RLS enabled and forced, one policy for every command.
create procedure enable_tenant_isolation(table_name regclass)
    language plpgsql
as $$
begin
    execute format('alter table %s enable row level security', table_name);
    execute format('alter table %s force row level security', table_name);
    execute format('create policy tenant_isolation on %s using (tenant_id = app_current_tenant()) '
                       'with check (tenant_id = app_current_tenant())', table_name);
end
$$;
revoke execute on procedure enable_tenant_isolation(regclass) from public;

-- Plans are the product catalogue: global, read-only for the application.
create table plans (
    code                    text primary key check (code ~ '^[a-z][a-z0-9_-]{1,39}$'),
    name                    text        not null,
    currency                char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    monthly_fee             numeric(19, 4) not null check (monthly_fee >= 0),
    included_transactions   bigint      not null check (included_transactions >= 0),
    overage_unit_price      numeric(19, 6) not null check (overage_unit_price >= 0),
    api_requests_per_minute integer     not null check (api_requests_per_minute > 0),
    retention_days          integer     not null check (retention_days > 0),
    active                  boolean     not null default true,
    created_at              timestamptz not null default now()
);

insert into plans (code, name, currency, monthly_fee, included_transactions, overage_unit_price,
                   api_requests_per_minute, retention_days)
values ('free', 'Free', 'EUR', 0, 1000, 0.000000, 60, 90),
       ('starter', 'Starter', 'EUR', 49.0000, 25000, 0.004000, 600, 730),
       ('business', 'Business', 'EUR', 499.0000, 500000, 0.002000, 6000, 3650);

grant select on plans to ${app_role};

-- A tenant is its own row: tenant_id is the primary key, so the same policy isolates it.
create table tenants (
    tenant_id         uuid primary key default gen_random_uuid(),
    slug              text        not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name              text        not null check (length(name) between 1 and 200),
    status            text        not null default 'active' check (status in ('active', 'suspended', 'closed')),
    time_zone         text        not null default 'UTC',
    billing_currency  char(3)     not null default 'EUR' check (billing_currency ~ '^[A-Z]{3}$'),
    suspended_at      timestamptz,
    suspension_reason text,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check ((status = 'suspended') = (suspended_at is not null))
);
call enable_tenant_isolation('tenants');
grant select, insert, update on tenants to ${app_role};

create table subscriptions (
    tenant_id              uuid        not null references tenants (tenant_id),
    subscription_id        uuid        not null default gen_random_uuid(),
    plan_code              text        not null references plans (code),
    status                 text        not null check (status in ('trialing', 'active', 'past_due', 'suspended', 'canceled')),
    current_period_start   timestamptz not null,
    current_period_end     timestamptz not null,
    started_at             timestamptz not null default now(),
    canceled_at            timestamptz,
    stripe_customer_id     text,
    stripe_subscription_id text,
    primary key (tenant_id, subscription_id),
    check (current_period_end > current_period_start)
);
-- At most one live subscription per tenant.
create unique index subscriptions_one_live on subscriptions (tenant_id) where status <> 'canceled';
call enable_tenant_isolation('subscriptions');
grant select, insert, update on subscriptions to ${app_role};

create table tenant_users (
    tenant_id        uuid        not null references tenants (tenant_id),
    user_id          uuid        not null default gen_random_uuid(),
    email            text        not null check (email = lower(email) and email like '%_@_%'),
    display_name     text,
    role             text        not null check (role in ('owner', 'admin', 'analyst', 'viewer')),
    status           text        not null default 'active' check (status in ('invited', 'active', 'disabled')),
    oidc_subject     text,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    primary key (tenant_id, user_id),
    unique (tenant_id, email)
);
create unique index tenant_users_oidc_subject on tenant_users (tenant_id, oidc_subject) where oidc_subject is not null;
call enable_tenant_isolation('tenant_users');
grant select, insert, update, delete on tenant_users to ${app_role};

create table user_invitations (
    tenant_id     uuid        not null references tenants (tenant_id),
    invitation_id uuid        not null default gen_random_uuid(),
    email         text        not null check (email = lower(email)),
    role          text        not null check (role in ('admin', 'analyst', 'viewer')),
    token_hash    bytea       not null,
    invited_by    uuid        not null,
    expires_at    timestamptz not null,
    accepted_at   timestamptz,
    revoked_at    timestamptz,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, invitation_id),
    foreign key (tenant_id, invited_by) references tenant_users (tenant_id, user_id)
);
create unique index user_invitations_token on user_invitations (tenant_id, token_hash);
call enable_tenant_isolation('user_invitations');
grant select, insert, update, delete on user_invitations to ${app_role};

-- API keys: "<prefix>.<secret>"; only an HMAC of the secret is stored. The prefix is random and globally
-- unique, because authentication has to find the key before it knows the tenant.
create table api_keys (
    tenant_id     uuid        not null references tenants (tenant_id),
    api_key_id    uuid        not null default gen_random_uuid(),
    key_prefix    text        not null unique check (key_prefix ~ '^mk_[A-Za-z0-9]{12,32}$'),
    secret_hash   bytea       not null,
    name          text        not null,
    role          text        not null check (role in ('owner', 'admin', 'analyst', 'viewer', 'integration')),
    created_by    uuid,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    replaced_by   uuid,
    primary key (tenant_id, api_key_id)
);
call enable_tenant_isolation('api_keys');
-- Authentication reads exactly one key by its prefix before a tenant is known: a second, read-only
-- policy admits the row whose prefix the transaction names in app.api_key_prefix, and nothing else.
create policy api_key_lookup_by_prefix on api_keys for select
    using (key_prefix = nullif(current_setting('app.api_key_prefix', true), ''));
grant select, insert, update on api_keys to ${app_role};
