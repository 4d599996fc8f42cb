-- Trading core (exchange-api): the command journal, engine snapshots, and the projections of the engine's
-- events (accounts, ledger entries, orders, trades, candles). Money is integers: asset amounts in the asset's
-- smallest unit (SKY droplets, BTC satoshis); order prices in ticks and sizes in lots of their market.

-- The command journal: every sequenced command, in order. A command is acknowledged only once its row is
-- committed. Replaying the payloads in seq order into a fresh engine rebuilds the state byte for byte.
create table journal (
    seq          bigint      primary key check (seq > 0),
    ts_ms        bigint      not null,
    kind         smallint    not null,
    payload      bytea       not null,
    idem_key     text        unique,
    result       text        not null,
    journaled_at timestamptz not null default now()
);

-- Engine snapshots: the state after command seq; recovery restores the latest and replays the journal after it.
create table snapshots (
    seq         bigint      primary key,
    state       bytea       not null,
    state_hash  bytea       not null,
    created_at  timestamptz not null default now()
);

-- Per user and asset: available and locked balance, as of command updated_seq.
create table accounts (
    user_id     bigint  not null,
    asset       text    not null,
    available   bigint  not null check (available >= 0),
    locked      bigint  not null check (locked >= 0),
    updated_seq bigint  not null,
    primary key (user_id, asset)
);

-- Double-entry ledger: every movement of every command, per asset, sums to zero over the accounts
-- (a user's available and locked, the fee account, the reserve account that mirrors on-chain deposits).
create table ledger_entries (
    id           bigint      generated always as identity primary key,
    seq          bigint      not null,
    user_id      bigint,
    account      text        not null check (account in ('available', 'locked', 'fees', 'reserve')),
    asset        text        not null,
    amount       bigint      not null check (amount <> 0),
    type         text        not null,
    reference_id bigint      not null,
    created_at   timestamptz not null,
    check ((user_id is null) = (account in ('fees', 'reserve')))
);
create index ledger_entries_user on ledger_entries (user_id, asset, seq);
create index ledger_entries_seq on ledger_entries (seq);

create table orders (
    id              bigint      primary key,
    user_id         bigint      not null,
    market          text        not null,
    client_order_id text,
    side            text        not null check (side in ('buy', 'sell')),
    type            text        not null check (type in ('limit', 'market')),
    time_in_force   text        not null,
    price           bigint      not null check (price >= 0),
    amount          bigint      not null check (amount >= 0),
    quote_budget    bigint      not null check (quote_budget >= 0),
    filled          bigint      not null default 0 check (filled >= 0),
    cost            bigint      not null default 0 check (cost >= 0),
    fee             bigint      not null default 0 check (fee >= 0),
    status          text        not null check (status in ('open', 'closed', 'canceled', 'rejected')),
    reject_code     text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    constraint orders_client_order_id unique (user_id, client_order_id)
);
create index orders_user_status on orders (user_id, status, id);

create table trades (
    id             bigint      primary key,
    seq            bigint      not null,
    market         text        not null,
    price          bigint      not null check (price > 0),
    amount         bigint      not null check (amount > 0),
    notional       bigint      not null check (notional > 0),
    taker_side     text        not null check (taker_side in ('buy', 'sell')),
    maker_order_id bigint      not null,
    maker_user_id  bigint      not null,
    taker_order_id bigint      not null,
    taker_user_id  bigint      not null,
    maker_fee      bigint      not null check (maker_fee >= 0),
    taker_fee      bigint      not null check (taker_fee >= 0),
    fee_asset      text        not null,
    created_at     timestamptz not null
);
create index trades_market on trades (market, id desc);
create index trades_maker_user on trades (maker_user_id, id desc);
create index trades_taker_user on trades (taker_user_id, id desc);

-- OHLCV candles per market and timeframe; open_time in epoch seconds; prices in ticks, volume in lots,
-- quote_volume in quote units.
create table candles (
    market       text    not null,
    timeframe    text    not null,
    open_time    bigint  not null,
    open         bigint  not null,
    high         bigint  not null,
    low          bigint  not null,
    close        bigint  not null,
    volume       bigint  not null,
    quote_volume bigint  not null,
    primary key (market, timeframe, open_time)
);
