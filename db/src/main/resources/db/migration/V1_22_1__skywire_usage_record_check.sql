-- Every skywire_usage row has its skywire_record row. The foreign key checked that row by row (an index probe and a
-- FOR KEY SHARE row lock, with its WAL record, per report: about a fifth of the database's work per ingested
-- report). The same guarantee, set-based: one anti-join per statement over the rows it inserted or updated, and on
-- the referenced side skywire_record is append-only (no delete, no truncate, no change of id), so a checked
-- reference stays valid without a lock.
alter table skywire_usage drop constraint skywire_usage_record_id_fkey;

create function skywire_usage_has_record() returns trigger language plpgsql as $$
begin
    if exists (select 1 from skywire_usage_new n
               where not exists (select 1 from skywire_record r where r.id = n.record_id)) then
        raise exception 'skywire_usage.record_id without its skywire_record row'
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end $$;
create trigger skywire_usage_has_record_ins after insert on skywire_usage
    referencing new table as skywire_usage_new for each statement execute function skywire_usage_has_record();
create trigger skywire_usage_has_record_upd after update on skywire_usage
    referencing new table as skywire_usage_new for each statement execute function skywire_usage_has_record();

create function skywire_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'skywire_record is append-only (% refused)', tg_op using errcode = 'restrict_violation';
end $$;
create trigger skywire_record_no_delete before delete or truncate on skywire_record
    for each statement execute function skywire_record_append_only();
create trigger skywire_record_keep_id before update on skywire_record
    for each row when (old.id is distinct from new.id) execute function skywire_record_append_only();
