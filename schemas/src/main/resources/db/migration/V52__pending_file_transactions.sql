-- Interim bookings from files (MT942, camt.052 with PDNG): an import of final bookings replaces the pending ones
-- of the same account and period, so it looks them up by account and day. Few rows are ever pending: the index
-- stays small.
create index transactions_pending_files on transactions (tenant_id, account_id, booking_date)
    where status = 'pending' and source = 'file';
