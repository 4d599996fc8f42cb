-- Skywire settlement jobs: one row per settled epoch with its content-addressed report, a receipt per claim,
-- and the payouts the job decided (paid later, each exactly once, keyed "epoch:relay").

create table skywire_settlement (
    epoch             bigint      primary key,
    report_hash       bytea       not null,
    merkle_root       bytea       not null,
    pool              bigint      not null check (pool >= 0),
    carry_in          bigint      not null check (carry_in >= 0),
    total_paid        bigint      not null check (total_paid >= 0),
    remainder         bigint      not null check (remainder >= 0),
    report_json       text        not null,
    report_csv        text        not null,
    funded_seq        bigint,                 -- journal seq of the FundSettlementPool command, once durable
    settled_at        timestamptz not null default now()
);

create table skywire_receipt (
    claim_id    bytea   primary key,
    epoch       bigint  not null references skywire_settlement (epoch),
    relay       bytea   not null,
    payout      bigint  not null check (payout >= 0),
    reasons     text    not null,
    receipt     text    not null
);
create index skywire_receipt_relay on skywire_receipt (relay, epoch);

create table skywire_payout (
    payout_key     text    primary key,      -- "epoch:relay-hex", the CreditSettlementPayout idempotency key
    epoch          bigint  not null references skywire_settlement (epoch),
    relay          bytea   not null,
    amount         bigint  not null check (amount > 0),
    method         text    not null check (method in ('ledger', 'chain')),
    user_id        bigint,
    reward_address text    not null,
    state          text    not null default 'pending' check (state in ('pending', 'done', 'refused')),
    result         text
);
