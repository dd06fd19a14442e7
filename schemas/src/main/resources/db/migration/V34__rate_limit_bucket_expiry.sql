-- Rate-limit buckets now carry the time they are full again (expires_at, in epoch milliseconds) and are swept once
-- past it. Rows written before had none and would stay forever; their keys are no longer used (a bucket key names
-- the plan's limit since this release), and dropping a bucket only makes it full again.
delete from api_rate_limit_buckets where expires_at is null;
