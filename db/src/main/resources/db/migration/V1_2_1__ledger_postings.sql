-- The ledger stores the engine's postings (issue 8): besides users' available and locked balances there are the
-- users' withdrawing balances and the system accounts fees, reserve and settlement_pool (user_id null).
alter table ledger_entries drop constraint ledger_entries_account_check;
alter table ledger_entries add constraint ledger_entries_account_check
    check (account in ('available', 'locked', 'withdrawing', 'fees', 'reserve', 'settlement_pool'));
alter table ledger_entries drop constraint ledger_entries_check;
alter table ledger_entries add constraint ledger_entries_system_check
    check ((user_id is null) = (account in ('fees', 'reserve', 'settlement_pool')));

-- What a user has reserved for withdrawals not yet completed or refunded.
alter table accounts add column withdrawing bigint not null default 0 check (withdrawing >= 0);
