-- Proof of reserves (docs/proof-of-reserves.md): published liabilities roots, append-only, one per snapshot and
-- asset, and the leaf values each snapshot was built from (so any user's proof can be rebuilt later).
create table reserve_snapshots (
    snapshot     bigint       not null check (snapshot > 0),
    asset        text         not null,
    journal_seq  bigint       not null check (journal_seq >= 0),
    block_height bigint       not null check (block_height >= 0),
    root_hash    text         not null check (root_hash ~ '^[0-9a-f]{64}$'),
    total        numeric(39)  not null check (total >= 0),
    accounts     integer      not null check (accounts >= 0),
    salt_key     bytea        not null check (length(salt_key) = 32),
    created_at   timestamptz  not null default now(),
    primary key (snapshot, asset)
);

create table reserve_snapshot_leaves (
    snapshot bigint not null,
    asset    text   not null,
    user_id  bigint not null,
    units    bigint not null check (units >= 0),
    primary key (snapshot, asset, user_id),
    foreign key (snapshot, asset) references reserve_snapshots (snapshot, asset)
);

create function reserves_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'published reserve snapshots are append-only (% on %)', tg_op, tg_table_name;
end;
$$;

create trigger reserve_snapshots_append_only before update or delete on reserve_snapshots
    for each row execute function reserves_append_only();
create trigger reserve_snapshot_leaves_append_only before update or delete on reserve_snapshot_leaves
    for each row execute function reserves_append_only();
