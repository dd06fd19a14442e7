-- The real-time pipeline counts a transaction for billing once, at the instant it first arrived, in the hour and
-- billing period (calendar month in the tenant's time zone) containing that instant; a removal reverses it in the
-- same periods. metered_at keeps that instant on the row, so that billed usage can be reconciled with stored rows
-- for any tenant and period: count(*) of rows metered in the period and not removed = the period's counter.
-- Null for rows that the stream did not meter (statement imports meter their own way).
alter table transactions add column metered_at timestamptz;

create index transactions_metered on transactions (tenant_id, metered_at) where metered_at is not null;

comment on column transactions.metered_at is
    'When the stream counted this transaction for billing (its first arrival); null if the stream did not meter it.';
