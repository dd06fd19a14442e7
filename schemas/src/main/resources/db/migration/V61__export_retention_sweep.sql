-- Export retention across tenants (issue #6): a sweeper removes the files and rows of exports that retention no
-- longer keeps, in every tenant. Finding them is the one read that crosses tenants, so it is a function, owned by
-- the migration owner, that returns ids and nothing else; the sweeper then acts on each export inside its tenant.
--
-- The owner is subject to row-level security too (FORCE, V1) and has no BYPASSRLS, so the function can only read
-- across tenants through the two policies below. They name the owner role only (TO current_user, the role running
-- this migration): the application role never matches them, and the owner owns these tables anyway.

create policy exports_retention_sweep on exports for select to current_user
    using (status in ('completed', 'failed', 'deleted'));
create policy export_schedules_retention_sweep on export_schedules for select to current_user
    using (true);

-- What the sweeper does with each export it is given:
--   'expire' - completed or failed, and past its expiry (ad-hoc exports) or beyond its schedule's newest
--              keep_last completed ones (failed ones too, once that many newer exports completed): mark it
--              deleted and remove its files;
--   'purge'  - deleted before deleted_before (by a user, a schedule's retention or an earlier sweep): remove its
--              files again (a crash may have left some) and its row.
create function exports_due_for_sweep(expired_before timestamptz, deleted_before timestamptz, max_rows integer)
    returns table (tenant_id uuid, export_id uuid, action text)
    language sql stable security definer
    set search_path from current
as $$
select e.tenant_id, e.export_id, 'expire'
from exports e
where e.status in ('completed', 'failed') and e.expires_at < expired_before
union
select ranked.tenant_id, ranked.export_id, 'expire'
from (
    select e.tenant_id, e.export_id, e.status, s.keep_last,
           count(*) filter (where e.status = 'completed') over (
               partition by e.tenant_id, e.schedule_id order by e.created_at desc
               rows between unbounded preceding and current row) as newer_completed
    from exports e
    join export_schedules s on s.tenant_id = e.tenant_id and s.schedule_id = e.schedule_id
    where e.status in ('completed', 'failed')
) ranked
where (ranked.status = 'completed' and ranked.newer_completed > ranked.keep_last)
   or (ranked.status = 'failed' and ranked.newer_completed >= ranked.keep_last)
union
select e.tenant_id, e.export_id, 'purge'
from exports e
where e.status = 'deleted' and e.deleted_at < deleted_before
order by 3, 1, 2
limit max_rows
$$;

comment on function exports_due_for_sweep(timestamptz, timestamptz, integer) is
    'Ids of exports that retention no longer keeps, across tenants, for the export retention sweeper.';
revoke execute on function exports_due_for_sweep(timestamptz, timestamptz, integer) from public;
grant execute on function exports_due_for_sweep(timestamptz, timestamptz, integer) to ${app_role};

-- The sweeper removes a purged export's row inside its tenant (the tenant_isolation policy still applies).
grant delete on exports to ${app_role};
