-- Proof of reserves, the reserves side (docs/proof-of-reserves.md): per snapshot and asset whose wallet exists, the
-- chain position the reserves were read at, the challenge they signed, the totals and the ratio; every reserve
-- address with its balance and signature; and the on-chain anchors of the snapshot's roots. All append-only.
create table reserve_snapshot_reserves (
    snapshot            bigint      not null,
    asset               text        not null,
    block_height        bigint      not null check (block_height >= 0),
    block_hash          text        not null check (block_hash ~ '^[0-9a-f]{64}$'),
    nonce               text        not null check (nonce ~ '^[0-9a-f]{32}$'),
    challenge           text        not null,
    hot_total           numeric(39) not null check (hot_total >= 0),
    cold_total          numeric(39) not null check (cold_total >= 0),
    pending_withdrawals numeric(39) not null check (pending_withdrawals >= 0),
    withdrawals_mined   numeric(39) not null check (withdrawals_mined >= 0 and withdrawals_mined <= pending_withdrawals),
    liabilities         numeric(39) not null check (liabilities >= 0),
    ratio_bp            bigint      check (ratio_bp >= 0),
    created_at          timestamptz not null default now(),
    primary key (snapshot, asset),
    foreign key (snapshot, asset) references reserve_snapshots (snapshot, asset)
);

create table reserve_snapshot_addresses (
    snapshot  bigint not null,
    asset     text   not null,
    address   text   not null,
    kind      text   not null check (kind in ('HOT', 'COLD')),
    balance   bigint not null check (balance >= 0),
    signature text   not null,
    primary key (snapshot, address),
    foreign key (snapshot, asset) references reserve_snapshot_reserves (snapshot, asset)
);

create table reserve_anchors (
    snapshot   bigint      not null,
    chain      text        not null,
    txid       text        not null check (txid ~ '^[0-9a-f]{64}$'),
    payload    bytea       not null,
    created_at timestamptz not null default now(),
    primary key (snapshot, chain)
);

create trigger reserve_snapshot_reserves_append_only before update or delete on reserve_snapshot_reserves
    for each row execute function reserves_append_only();
create trigger reserve_snapshot_addresses_append_only before update or delete on reserve_snapshot_addresses
    for each row execute function reserves_append_only();
create trigger reserve_anchors_append_only before update or delete on reserve_anchors
    for each row execute function reserves_append_only();
