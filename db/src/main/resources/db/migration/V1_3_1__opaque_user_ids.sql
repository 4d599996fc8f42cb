-- Opaque user ids for the API: users are shown by a random UUID, never by the sequential internal id
-- (which only the engine, the journal and the projections use).
alter table users add column public_id uuid not null default gen_random_uuid();
alter table users add constraint users_public_id_unique unique (public_id);
