-- One row (at least) in every tenant-scoped table for the tenant ${tenant}, ${n} makes unique values.
-- TenantIsolationIT fails for any tenant table this fixture leaves empty: add a row here for a new table.
insert into tenants (tenant_id, slug, name) values ('${tenant}', 'fixture-${n}', 'Fixture tenant ${n}');
insert into subscriptions (tenant_id, subscription_id, plan_code, status, current_period_start, current_period_end)
values ('${tenant}', '${tenant}', 'starter', 'active', '2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z');
insert into tenant_users (tenant_id, user_id, email, role) values ('${tenant}', '${tenant}', 'owner${n}@example.com', 'owner');
insert into user_invitations (tenant_id, email, role, token_hash, invited_by, expires_at)
values ('${tenant}', 'invitee${n}@example.com', 'viewer', '\x01', '${tenant}', now() + interval '1 day');
insert into api_keys (tenant_id, key_prefix, secret_hash, name, role)
values ('${tenant}', 'mk_fixture00000${n}', '\x02', 'fixture', 'integration');
insert into bank_accounts (tenant_id, account_id, name, iban, currency)
values ('${tenant}', '${tenant}', 'Current account', 'DE8937040044053201300${n}', 'EUR');
insert into standard_categories (code, primary_code, description, taxonomy_version)
values ('FOOD_AND_DRINK_COFFEE', 'FOOD_AND_DRINK', 'Coffee', 'plaid-pfc-v1') on conflict do nothing;
insert into categories (tenant_id, code, name, standard_code)
values ('${tenant}', 'OFFICE_COFFEE', 'Office coffee', 'FOOD_AND_DRINK_COFFEE');
insert into category_rules (tenant_id, rule_id, source, match_field, match_type, pattern, category_code)
values ('${tenant}', '${tenant}', 'user', 'merchant', 'contains', 'STARBUCKS', 'OFFICE_COFFEE');
insert into transactions (tenant_id, transaction_id, account_id, source, source_transaction_id, fingerprint,
                          booking_date, value_date, amount, currency, description, category_code,
                          category_confidence, model_version, categorized_by, category_rule_id)
values ('${tenant}', '${tenant}', '${tenant}', 'feed', 'tx-${n}', 'fp-${n}', '2026-11-20', '2026-11-20',
        -4.50, 'EUR', 'STARBUCKS 1234 BERLIN', 'OFFICE_COFFEE', 1.0, null, 'rule', '${tenant}');
insert into corrections (tenant_id, transaction_id, previous_category_code, new_category_code, corrected_by)
values ('${tenant}', '${tenant}', 'FOOD_AND_DRINK_COFFEE', 'OFFICE_COFFEE', '${tenant}');
insert into usage_counters (tenant_id, metric, period_kind, period_start, period_end, quantity)
values ('${tenant}', 'transactions.categorized', 'hour', '2026-11-20T10:00:00Z', '2026-11-20T11:00:00Z', 1);
insert into invoices (tenant_id, invoice_id, invoice_number, subscription_id, period_start, period_end,
                      currency, subtotal, total, status)
values ('${tenant}', '${tenant}', 'INV-${n}', '${tenant}', '2026-10-01T00:00:00Z', '2026-11-01T00:00:00Z',
        'EUR', 49.0000, 49.0000, 'open');
insert into invoice_lines (tenant_id, invoice_id, line_no, kind, description, quantity, unit_price, amount, currency)
values ('${tenant}', '${tenant}', 1, 'plan', 'Starter plan', 1, 49.000000, 49.0000, 'EUR');
insert into job_runs (tenant_id, job_run_id, job_type, status) values ('${tenant}', '${tenant}', 'statement_import', 'completed');
insert into import_staging (tenant_id, job_run_id, position, entry_ref, account_id, fingerprint, status, booking_date,
                            amount, currency)
values ('${tenant}', '${tenant}', 0, 'line 2', '${tenant}', 'fp-${n}', 'booked', '2026-11-20', -4.50, 'EUR');
insert into csv_profiles (tenant_id, code, definition) values ('${tenant}', 'fixture-bank', '{"delimiter": ";"}');
insert into export_schedules (tenant_id, schedule_id, name, cron, request, window_days, next_run_at)
values ('${tenant}', '${tenant}', 'Monthly', '0 0 6 1 * *', '{"format": "PARQUET"}', 31, '2026-12-01T06:00:00Z');
insert into import_schedules (tenant_id, schedule_id, name, cron, directory, account_id, next_run_at)
values ('${tenant}', '${tenant}', 'Statements', '0 0 7 * * *', 'statements', '${tenant}', '2026-12-01T07:00:00Z');
insert into import_schedule_files (tenant_id, schedule_id, file_name, sha256, size_bytes, status, job_run_id)
values ('${tenant}', '${tenant}', 'november.csv', repeat('0', 64), 120, 'imported', '${tenant}');
insert into exports (tenant_id, kind, format, compression, request, schedule_id)
values ('${tenant}', 'transactions', 'parquet', 'zstd', '{"format": "PARQUET"}', '${tenant}');
insert into dead_letters (tenant_id, source, origin, stage, reason_code, reason, payload)
values ('${tenant}', 'feed', 'meridian.bank-feed.transactions.v1-0@42', 'validate', 'CURRENCY_UNKNOWN',
        'currency XYZ is not ISO 4217', '\x7b7d');
insert into audit_log (tenant_id, actor_type, actor_id, action, target_type, target_id)
values ('${tenant}', 'system', 'fixture', 'tenant.created', 'tenant', '${tenant}');
-- audit_chain_heads gets its row from the audit_log insert above: the chain head advances with every entry.
