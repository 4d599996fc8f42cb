-- Skywire bandwidth settlement (exchange-api io.skyx.api.settlement; formats in docs/skywire.md).
-- Everything a relay sent is stored append-only, keyed by its content hash (SHA-256 of the signed body):
-- no row of one edge ever overwrites the other edge's report.

-- Every accepted signed record, as received.
create table skywire_record (
    id          bytea       primary key check (length(id) = 32),
    kind        smallint    not null,
    relay       bytea       not null check (length(relay) = 33),
    epoch       bigint      not null,
    wire        bytea       not null,
    source      text        not null,
    received_at timestamptz not null default now()
);

-- The fields of accepted usage reports. One row per report; both edges of a transport each have their own rows.
create table skywire_usage (
    record_id    bytea   primary key references skywire_record (id),
    reporter     bytea   not null,
    transport_id uuid    not null,
    edge0        bytea   not null,
    edge1        bytea   not null,
    type         text    not null,
    epoch        bigint  not null,
    window_start bigint  not null,
    window_end   bigint  not null,
    sent         bigint  not null check (sent >= 0),
    recv         bigint  not null check (recv >= 0),
    seq          bigint  not null check (seq > 0),
    unique (reporter, seq)
);
create index skywire_usage_epoch on skywire_usage (epoch, transport_id);
create index skywire_usage_last on skywire_usage (reporter, transport_id, epoch, seq);

-- Accepted epoch claims: at most one per relay and epoch.
create table skywire_claim (
    record_id      bytea   primary key references skywire_record (id),
    relay          bytea   not null,
    epoch          bigint  not null,
    reward_address text    not null,
    report_ids     bytea   not null,   -- the listed report hashes, 32 bytes each, in the claim's order
    unique (relay, epoch)
);

-- Refused records with their reason (docs/skywire.md, "Reason codes"); a record refused again adds nothing.
create table skywire_refusal (
    wire_hash   bytea       primary key,   -- SHA-256 of the whole wire form (the body may not even decode)
    reason      text        not null,
    detail      text        not null,
    relay       bytea,
    source      text        not null,
    wire        bytea       not null,
    refused_at  timestamptz not null default now()
);

-- The Kafka consumer's position, committed in the same transaction as the records it read (exactly once).
create table skywire_consumer_offset (
    topic       text    not null,
    part        integer not null,
    next_offset bigint  not null,
    primary key (topic, part)
);

-- What the operator knows of a relay: its external IP (for the same-IP and per-IP rules) and, if it has one,
-- its SkyX account (paid by ledger credit instead of on chain).
create table skywire_relay (
    relay       bytea       primary key check (length(relay) = 33),
    external_ip text,
    user_id     bigint,
    updated_at  timestamptz not null default now()
);
