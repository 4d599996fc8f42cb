-- No query reads ledger_entries by seq alone (users' entries go through ledger_entries_user, totals per asset scan
-- the table), but every posting paid for this index: four per IOC order that finds nothing to match.
drop index if exists ledger_entries_seq;
