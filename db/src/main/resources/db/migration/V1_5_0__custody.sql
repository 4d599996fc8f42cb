-- Custody (issue 9): deposit addresses, on-chain deposits, the withdrawal pipeline and custody alarms.
-- Amounts are integers in the asset's smallest unit (satoshis, droplets).

-- One deposit address per user and asset, derived from the configured seed at index idx.
create table custody_deposit_address (
    asset      text    not null,
    user_id    bigint  not null,
    idx        integer not null check (idx >= 0),
    address    text    not null,
    created_at timestamptz not null default now(),
    primary key (asset, user_id),
    unique (asset, idx),
    unique (asset, address)
);

-- Every payment to a deposit address, keyed by txid:output. status: SEEN (fewer than N confirmations), CREDITED.
create table custody_deposit (
    asset         text    not null,
    txid          text    not null,
    vout          integer not null check (vout >= 0),
    user_id       bigint  not null,
    address       text    not null,
    amount        bigint  not null check (amount > 0),
    confirmations integer not null default 0,
    status        text    not null check (status in ('SEEN', 'CREDITED')),
    credit_seq    bigint,
    reorg_alarm   boolean not null default false,
    first_seen_at timestamptz not null default now(),
    credited_at   timestamptz,
    primary key (asset, txid, vout)
);
create index custody_deposit_user on custody_deposit (user_id, asset, first_seen_at desc);

-- The withdrawal pipeline: one row per request, its state advanced one persisted step at a time.
-- state: REQUESTED -> RESERVED -> SIGNED -> BROADCAST -> COMPLETED, WAITING_FUNDS (hot wallet too low, retried),
-- REFUNDED (definite failure after the reserve). A request the ledger refuses to reserve is deleted (nothing moved).
create table custody_withdrawal (
    id            bigserial primary key,
    asset         text    not null,
    user_id       bigint  not null,
    request_id    text    not null,
    destination   text    not null,
    amount        bigint  not null check (amount > 0),
    fee           bigint  not null check (fee >= 0),
    state         text    not null check (state in ('REQUESTED', 'RESERVED', 'WAITING_FUNDS', 'SIGNED', 'BROADCAST',
                                                    'COMPLETED', 'REFUNDED')),
    txid          text,
    raw_tx        bytea,
    confirmations integer not null default 0,
    error         text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    unique (user_id, request_id)
);
create index custody_withdrawal_open on custody_withdrawal (state) where state not in ('COMPLETED', 'REFUNDED');
create index custody_withdrawal_user on custody_withdrawal (user_id, asset, created_at desc);

-- Things an operator must look at (a reorg deeper than the confirmations, an unexpected ledger answer).
create table custody_alarm (
    id         bigserial primary key,
    asset      text not null,
    kind       text not null,
    detail     text not null,
    created_at timestamptz not null default now()
);
