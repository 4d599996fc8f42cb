-- One journal, many readers (issue 8). Each journal row now carries the command's outcome: the engine's result
-- and events in the versioned binary format of EventCodec (exchange-api), so every reader (projections, streams)
-- follows the log from any sequence number without replaying the engine. The command payload also changed to a
-- versioned format with stable enum codes; a journal written by the earlier format cannot be read by this build,
-- so this migration refuses to run on a non-empty journal instead of leaving rows that would fail at replay.
do $$
begin
    if exists (select 1 from journal) then
        raise exception 'V1_2_0: the journal holds rows in the pre-1.2 format; start from an empty database';
    end if;
end $$;

alter table journal add column events bytea not null;

-- Each projection's last applied journal sequence number, written in the same transaction as its rows, so it
-- resumes exactly after a crash.
create table projection_position (
    name text   primary key,
    seq  bigint not null check (seq >= 0)
);
