-- The local faucet's idempotency, persisted: one row per (user, Idempotency-Key, asset) it has paid or is paying.
-- The row is claimed before the payment is sent and gets its txid after, so a restart (even between the two)
-- never pays a second time for one key; a payment that failed before anything was sent deletes its claim.
create table faucet_payments (
    user_id         bigint      not null,
    idempotency_key text        not null,
    asset           text        not null,
    txid            text,
    address         text        not null,
    amount          bigint      not null check (amount > 0),
    claimed_at      timestamptz not null default now(),
    primary key (user_id, idempotency_key, asset)
);
