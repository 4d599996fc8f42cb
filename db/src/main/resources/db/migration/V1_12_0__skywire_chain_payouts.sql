-- On-chain Skywire payouts (docs/skywire.md, Payouts step 3): pending chain payouts are taken into a batch, the
-- batch's signed raw transaction is stored before it is broadcast, and the ledger move (PaySettlementOnChain, keyed
-- by the batch id) is recorded once; each step is a named state, so a rerun resumes and never signs twice.

create table skywire_chain_batch (
    batch_id    text        primary key,  -- "<epoch>:<n>", the PaySettlementOnChain idempotency key
    epoch       bigint      not null references skywire_settlement (epoch),
    state       text        not null default 'built'
                            check (state in ('built', 'signed', 'broadcast', 'confirmed')),
    total       bigint      not null check (total > 0),
    txid        text,
    raw         bytea,
    ledger_seq  bigint,                   -- journal seq of PaySettlementOnChain, once durable
    last_error  text,
    created_at  timestamptz not null default now(),
    check (state = 'built' or (txid is not null and raw is not null))
);
create index skywire_chain_batch_open on skywire_chain_batch (epoch) where state <> 'confirmed';

alter table skywire_payout add column batch_id text references skywire_chain_batch (batch_id);
alter table skywire_payout add column txid text;
alter table skywire_payout drop constraint skywire_payout_state_check;
alter table skywire_payout add constraint skywire_payout_state_check
    check (state in ('pending', 'batched', 'done', 'refused'));
