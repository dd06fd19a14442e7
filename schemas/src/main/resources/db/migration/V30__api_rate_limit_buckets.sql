-- Token buckets of the API rate limiter (Bucket4j), shared by every API instance. One row per bucket key
-- ("tenant:<uuid>"); the state is Bucket4j's serialized bucket. This is the platform's own bookkeeping and
-- holds no tenant data, so it is keyed by an opaque text rather than tenant_id and has no RLS policy.
create table api_rate_limit_buckets (
    bucket_key  text primary key,
    state       bytea,
    expires_at  bigint
);
grant select, insert, update, delete on api_rate_limit_buckets to ${app_role};
