-- Durable replay guard of signed API requests, shared by every app instance on this database.
-- One row per accepted signature until its timestamp has left the window (expires_at_ms = timestamp + window,
-- epoch milliseconds); rows past expiry are deleted now and then (the timestamp check refuses them anyway).
create table seen_signatures (
    signature      text   primary key,
    expires_at_ms  bigint not null,
    constraint seen_signatures_format check (signature ~ '^[0-9a-f]{64}$')
);
create index seen_signatures_expiry on seen_signatures (expires_at_ms);
