-- Hot and cold wallets (issue 9): sweeps hot -> cold and top-ups cold -> hot, one row per operator request, its
-- state advanced one persisted step at a time. Amounts are integers in the asset's smallest unit.
-- kind SWEEP: SIGNED -> BROADCAST -> CONFIRMED (FAILED when the network refuses it for good).
-- kind TOPUP (BTC, PSBT): EXPORTED (unsigned, waiting for the offline signature) -> SIGNED -> BROADCAST -> CONFIRMED,
-- or CANCELLED by the operator before it is signed.
create table custody_cold_transfer (
    id            bigserial primary key,
    asset         text    not null,
    kind          text    not null check (kind in ('SWEEP', 'TOPUP')),
    request_id    text    not null,
    state         text    not null check (state in ('EXPORTED', 'SIGNED', 'BROADCAST', 'CONFIRMED', 'FAILED',
                                                    'CANCELLED')),
    destination   text    not null,
    cold_index    integer not null check (cold_index >= 0),
    amount        bigint  not null check (amount > 0),
    fee           bigint  not null check (fee >= 0),
    hot_before    bigint  not null check (hot_before >= 0),
    txid          text    not null,
    unsigned_tx   bytea,
    psbt          text,
    raw_tx        bytea,
    confirmations integer not null default 0,
    error         text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (asset, kind, request_id)
);
create index custody_cold_transfer_open on custody_cold_transfer (asset, state)
    where state not in ('CONFIRMED', 'FAILED', 'CANCELLED');
