-- Undoing an on-chain Skywire payout batch the network definitely refuses, and the short hot wallet made visible
-- (docs/skywire.md, Payouts step 3). A batch whose transaction can never confirm (an input spent by another
-- confirmed transaction) becomes 'refused' (the reason persisted first), then its ledger move is reversed by a keyed
-- FundSettlementPool ("undo:<batch id>", journal seq in undo_seq), then in one transaction its payouts go back to
-- 'pending' (repaid by a new batch) and the batch becomes 'undone'. Every step is keyed or guarded by the state, so
-- a crash between steps resumes to the same end.

alter table skywire_chain_batch drop constraint skywire_chain_batch_state_check;
alter table skywire_chain_batch add constraint skywire_chain_batch_state_check
    check (state in ('built', 'signed', 'broadcast', 'confirmed', 'refused', 'undone'));
-- a stable code: WALLET_SHORT (built, waiting for the hot wallet), NOT_SENT (signed, a transient broadcast error,
-- retried), INPUTS_SPENT (refused / undone: the transaction can never confirm)
alter table skywire_chain_batch add column reason text
    check (reason in ('WALLET_SHORT', 'NOT_SENT', 'INPUTS_SPENT'));
alter table skywire_chain_batch add column needed bigint;     -- WALLET_SHORT: droplets the batch needs
alter table skywire_chain_batch add column spendable bigint;  -- WALLET_SHORT: droplets the wallet could spend
alter table skywire_chain_batch add column undo_seq bigint;   -- journal seq of the reversing FundSettlementPool
alter table skywire_chain_batch add column payouts int;       -- how many payouts the batch took
alter table skywire_chain_batch add column updated_at timestamptz not null default now();
alter table skywire_chain_batch add constraint skywire_chain_batch_refused_check
    check (state not in ('refused', 'undone') or reason = 'INPUTS_SPENT');

-- the payout's history across batches: how many of its batches were undone, and the last reason code
alter table skywire_payout add column undone int not null default 0;
alter table skywire_payout add column reason text;

-- which payouts an undone batch held (the payout rows point at their current batch only)
create table skywire_chain_undo (
    batch_id   text        not null references skywire_chain_batch (batch_id),
    payout_key text        not null references skywire_payout (payout_key),
    reason     text        not null,
    undone_at  timestamptz not null default now(),
    primary key (batch_id, payout_key)
);
