-- Skywire ingestion keeps the per-relay facts of its stateful checks in memory between batches (exchange-api
-- RelayState). Every batch, under the ingestion lock, replaces this token with a fresh random one and reads the one
-- it replaced: a cache whose last batch wrote that token knows that the batch committed and that nobody wrote since;
-- any other token (another process, a restart, a rolled-back batch) tells it to forget or re-read.
create table skywire_ingest_clock (
    id       boolean primary key default true check (id),
    token    uuid    not null,
    previous uuid
);
insert into skywire_ingest_clock (token) values (gen_random_uuid());

-- Any other write to the facts the cache holds (a manual fix, a bulk load, a test fixture) replaces the token too, so
-- no cache trusts itself past it: the ingester marks its own transaction with the token it wrote
-- (set_config('skyx.ingest_token', …, true)), and one statement-level trigger per table compares.
create function skywire_ingest_foreign_write() returns trigger language plpgsql as $$
begin
    update skywire_ingest_clock set previous = token, token = gen_random_uuid()
        where token::text is distinct from current_setting('skyx.ingest_token', true);
    return null;
end $$;
create trigger skywire_usage_foreign_write after insert or update or delete or truncate on skywire_usage
    for each statement execute function skywire_ingest_foreign_write();
create trigger skywire_claim_foreign_write after insert or update or delete or truncate on skywire_claim
    for each statement execute function skywire_ingest_foreign_write();
