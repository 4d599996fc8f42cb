-- The WebSocket streams' messages (trades, candles, and per user orders, balances) as sent, keyed by stream
-- ("trades:SKY-BTC", "orders:<user id>", …) and position (journal seq, index within that seq). A client that
-- resumes with "since N" older than the server's in-memory window (or after a restart) is served from here.
-- Book deltas are not stored: a book resume older than the window gets a snapshot.
create table stream_messages (
    stream  text    not null,
    seq     bigint  not null check (seq > 0),
    idx     integer not null check (idx >= 0),
    payload text    not null,
    primary key (stream, seq, idx)
);
