-- The audit log's chain head per tenant: the last sequence number and hash the chain has reached.
--
-- The hash chain (V3) shows a changed or deleted entry inside the chain, but not the loss of its last entries:
-- a chain cut short still verifies. The head remembers how far the chain went, so verification can compare the
-- chain's end with it. The application role may only read the head; it advances in the same transaction as the
-- append, by a trigger that runs as the owner, and only ever forward.
create table audit_chain_heads (
    tenant_id   uuid        not null references tenants (tenant_id),
    last_seq    bigint      not null check (last_seq > 0),
    last_hash   bytea       not null,
    advanced_at timestamptz not null default clock_timestamp(),
    primary key (tenant_id)
);

-- Tenants that already have entries start from their current end. audit_log forces row-level security on its
-- owner too, so the owner lifts that for this one statement (inside the migration's transaction) to see them all.
alter table audit_log no force row level security;
insert into audit_chain_heads (tenant_id, last_seq, last_hash)
select distinct on (tenant_id) tenant_id, seq, entry_hash from audit_log order by tenant_id, seq desc;
alter table audit_log force row level security;

call enable_tenant_isolation('audit_chain_heads');
grant select on audit_chain_heads to ${app_role};

-- The next entry continues from the head, not from the last row found: after a truncation the next entry still
-- links to the lost one, so the gap stays visible in the chain itself.
create or replace function audit_log_chain() returns trigger
    language plpgsql
as $$
declare
    head audit_chain_heads;
begin
    -- serialize appends per tenant so that seq and prev_hash are never computed twice
    perform pg_advisory_xact_lock(hashtextextended('audit_log:' || new.tenant_id::text, 0));
    select * into head from audit_chain_heads where tenant_id = new.tenant_id;
    new.seq := coalesce(head.last_seq, 0) + 1;
    new.prev_hash := coalesce(head.last_hash, '\x'::bytea);
    new.occurred_at := coalesce(new.occurred_at, clock_timestamp());
    new.entry_hash := audit_entry_hash(new);
    return new;
end
$$;

-- Runs after row-level security admitted the entry, so the inserting role may write this tenant's audit log;
-- as the owner it may then move the head, which the application role cannot touch. The head's policy reads
-- app.tenant_id, so a writer without a tenant scope (a superuser's script) gets the entry's tenant for the
-- moment of the update.
create function audit_chain_advance() returns trigger
    language plpgsql
    security definer
    set search_path = public, pg_temp
as $$
declare
    scope text := current_setting('app.tenant_id', true);
begin
    if scope is distinct from new.tenant_id::text then
        perform set_config('app.tenant_id', new.tenant_id::text, true);
    end if;
    insert into audit_chain_heads as head (tenant_id, last_seq, last_hash)
    values (new.tenant_id, new.seq, new.entry_hash)
    on conflict (tenant_id) do update
        set last_seq = excluded.last_seq, last_hash = excluded.last_hash, advanced_at = clock_timestamp()
        where head.last_seq = excluded.last_seq - 1;
    if not found then
        raise exception 'audit chain of tenant % would not advance by one to seq %', new.tenant_id, new.seq
            using errcode = 'integrity_constraint_violation';
    end if;
    if scope is distinct from new.tenant_id::text then
        perform set_config('app.tenant_id', coalesce(scope, ''), true);
    end if;
    return null;
end
$$;
revoke execute on function audit_chain_advance() from public;

create trigger audit_chain_advance after insert on audit_log for each row execute function audit_chain_advance();

-- The whole verdict on the current tenant's chain: the first entry that is changed, missing inside the chain, or
-- missing at its end (the chain stops short of its head), and why; null problem when the chain is intact.
create function audit_log_verification(out first_broken_seq bigint, out problem text, out entries bigint,
                                       out last_seq bigint, out head_seq bigint)
    language plpgsql stable
as $$
declare
    last_hash bytea;
    head_hash bytea;
begin
    first_broken_seq := audit_log_first_broken_seq();
    select count(*), max(seq) into entries, last_seq from audit_log where tenant_id = app_current_tenant();
    select entry_hash into last_hash from audit_log where tenant_id = app_current_tenant() and seq = last_seq;
    select h.last_seq, h.last_hash into head_seq, head_hash from audit_chain_heads h where h.tenant_id = app_current_tenant();
    if first_broken_seq is not null then
        problem := 'entry changed or missing';
    elsif head_seq is null and entries > 0 then
        problem := 'chain head missing';
    elsif coalesce(last_seq, 0) < coalesce(head_seq, 0) then
        first_broken_seq := coalesce(last_seq, 0) + 1;
        problem := 'entries missing at the end of the chain';
    elsif last_seq > head_seq then
        -- entries the head never saw: written with the chain triggers switched off
        first_broken_seq := head_seq + 1;
        problem := 'entries beyond the chain head';
    elsif last_hash <> head_hash then
        first_broken_seq := head_seq;
        problem := 'chain end does not match its head';
    end if;
end
$$;
grant execute on function audit_log_verification() to ${app_role};
