-- ledger_entries is append-only and nothing looks a posting up by id (a user's entries go through
-- ledger_entries_user; id only orders a user's rows, and the identity sequence keeps it unique and increasing), but
-- every posting paid for the primary key's index: four per IOC order that finds nothing to match.
alter table ledger_entries drop constraint if exists ledger_entries_pkey;
