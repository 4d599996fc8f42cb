-- Fewer and cheaper index entries per order (issue 8), same guarantees:
-- - journal idempotency keys stay unique, but a command without a key (an order without a client id, most bot
--   orders) adds no entry: NULLs never conflict, so the partial index enforces exactly what the constraint did;
-- - stream names compare byte by byte ("C"), not through the database's libc collation: they are ASCII
--   ("orders:<user id>", "trades:SKY-BTC"), so the order is the same and every comparison in the primary key is
--   a memcmp instead of a strcoll;
-- - the retention job's range deletes by seq use a BRIN index: messages are written in seq order, so block ranges
--   summarise them exactly, and an insert no longer descends a second B-tree.
alter table journal drop constraint journal_idem_key_key;
create unique index journal_idem_key on journal (idem_key) where idem_key is not null;

alter table stream_messages alter column stream type text collate "C";

drop index stream_messages_seq;
create index stream_messages_seq on stream_messages using brin (seq) with (autosummarize = on);
