-- Issue 11: an epoch's settlement pool is funded only if the proven on-chain surplus covers it. While it is not,
-- the epoch waits with a stable code (POOL_UNBACKED, NO_RESERVES) and the surplus last proven; the next run retries.
alter table skywire_settlement add column funding_wait text
    check (funding_wait in ('POOL_UNBACKED', 'NO_RESERVES'));
alter table skywire_settlement add column funding_surplus bigint;          -- droplets proven at the last check
alter table skywire_settlement add column funding_checked_at timestamptz;  -- when the funding was last checked
