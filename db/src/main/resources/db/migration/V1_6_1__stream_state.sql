-- What the streams' reader of the journal keeps besides the messages, stored with its position
-- (projection_position 'streams'): the open orders' fills so far and each market's current 1-minute candle.
-- Prices in ticks, amounts in lots, cost in quote units.
create table stream_orders (
    id              bigint  primary key,
    user_id         bigint  not null,
    market          text    not null,
    client_order_id text,
    side            text    not null,
    market_order    boolean not null,
    time_in_force   text    not null,
    price           bigint  not null,
    amount          bigint  not null,
    created_ms      bigint  not null,
    filled          bigint  not null,
    cost            bigint  not null
);

create table stream_candles (
    market    text   primary key,
    open_time bigint not null,
    open      bigint not null,
    high      bigint not null,
    low       bigint not null,
    close     bigint not null,
    volume    bigint not null
);
