-- Invitations are also sent by API keys and OIDC users that have no tenant_users row: record who sent it as the
-- audit log does (actor type and id) and keep the user reference only where there is one.
alter table user_invitations alter column invited_by drop not null;
alter table user_invitations add column invited_by_actor text;
