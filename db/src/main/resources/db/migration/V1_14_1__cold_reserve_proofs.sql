-- Proof of reserves, cold side (issue 11): every cold reserve address of a snapshot with its balance at the
-- snapshot's block, and the signature over the snapshot's challenge that the operator made offline and the server
-- checked. Only a proven address counts in the reserves. Both append-only.
create table reserve_snapshot_cold (
    snapshot bigint not null,
    asset    text   not null,
    address  text   not null,
    balance  bigint not null check (balance >= 0),
    primary key (snapshot, address),
    foreign key (snapshot, asset) references reserve_snapshot_reserves (snapshot, asset)
);

create table reserve_cold_signatures (
    snapshot   bigint      not null,
    address    text        not null,
    signature  text        not null,
    created_at timestamptz not null default now(),
    primary key (snapshot, address),
    foreign key (snapshot, address) references reserve_snapshot_cold (snapshot, address)
);

create trigger reserve_snapshot_cold_append_only before update or delete on reserve_snapshot_cold
    for each row execute function reserves_append_only();
create trigger reserve_cold_signatures_append_only before update or delete on reserve_cold_signatures
    for each row execute function reserves_append_only();
