-- stream_messages keeps a bounded window (skyx.stream.retention.*): a scheduled job deletes the messages of the
-- oldest commands, in chunks, and records in the same transaction how far it has deleted. A resume from before
-- pruned_through gets a snapshot (orders, balances) or RESUME_TOO_FAR (trades, candles), never a gap.
create index stream_messages_seq on stream_messages (seq);

create table stream_retention (
    id             smallint primary key default 1 check (id = 1),
    pruned_through bigint   not null default 0 check (pruned_through >= 0)
);
insert into stream_retention default values;
