-- Reconciliation (issue 9): per asset, the wallets' on-chain view against the ledger. Every run is kept with the
-- differences it found (each with its txid), append-only, for the operator view and the alarm gauge.
create table custody_reconciliation_run (
    id              bigint      generated always as identity primary key,
    asset           text        not null,
    journal_seq     bigint      not null check (journal_seq >= 0), -- the ledger was read as of this command
    block_height    bigint      not null check (block_height >= 0), -- the chain was read at this block, after it
    block_hash      text        not null,
    holdings        bigint      not null check (holdings >= 0),    -- confirmed coins of the wallet's addresses
    mined_in_flight bigint      not null check (mined_in_flight >= 0), -- withdrawals mined, not completed yet
    uncredited      bigint      not null check (uncredited >= 0),  -- confirmed deposits the ledger has not credited
    ledger_owned    bigint      not null,                          -- -reserve: what the ledger says is on chain
    surplus         bigint      not null,                          -- holdings + mined - uncredited - ledger_owned
    differences     int         not null check (differences >= 0),
    created_at      timestamptz not null default now()
);
create index custody_reconciliation_run_asset on custody_reconciliation_run (asset, id);

create table custody_reconciliation_difference (
    run_id  bigint not null references custody_reconciliation_run (id),
    n       int    not null check (n >= 0),
    kind    text   not null check (kind in ('UNCREDITED_PAYMENT', 'CREDIT_WITHOUT_PAYMENT', 'AMOUNT_MISMATCH',
                                            'WITHDRAWAL_NOT_ON_CHAIN', 'UNKNOWN_SPEND', 'RESERVE_SHORT')),
    txid    text,
    vout    int,
    amount  bigint,
    detail  text   not null,
    primary key (run_id, n)
);

create function custody_reconciliation_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'reconciliation runs are append-only (% on %)', tg_op, tg_table_name;
end;
$$;
create trigger custody_reconciliation_run_append_only before update or delete on custody_reconciliation_run
    for each row execute function custody_reconciliation_append_only();
create trigger custody_reconciliation_difference_append_only before update or delete
    on custody_reconciliation_difference for each row execute function custody_reconciliation_append_only();
