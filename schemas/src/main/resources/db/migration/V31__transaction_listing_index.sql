-- The API lists a tenant's transactions newest first across accounts (keyset paging on booking date, id).
create index transactions_listing on transactions (tenant_id, booking_date desc, transaction_id desc);
