-- Corrections and the common model.
--
-- A tenant's corrections always teach that tenant (they become its rules). They train the common model, which
-- every tenant's transactions are scored by, only if the tenant opted in: by default they stay with the tenant.
alter table tenants
    add column share_corrections_for_training boolean not null default false,
    add column share_corrections_changed_at   timestamptz,
    add column share_corrections_changed_by   uuid;

-- The training export has to find the tenants that opted in before it knows any of them. Like the export
-- scheduler (V60), a second, read-only policy admits opted-in tenant rows to a transaction that declares itself
-- the training export, and to nothing else; the export then reads each tenant's corrections inside that tenant.
create policy tenants_training_share_lookup on tenants for select
    using (share_corrections_for_training and current_setting('app.scope', true) = 'training-export');

-- used_in_model_version (V2) names the model version whose training run used the correction; the export takes
-- the ones no model has used yet.
create index corrections_not_yet_trained on corrections (tenant_id, corrected_at) where used_in_model_version is null;
