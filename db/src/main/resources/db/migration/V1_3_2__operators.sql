-- Operators: API keys may carry the operator permission (effective only while the owner has the operator
-- role, users.admin), and every grant or revocation of the role and every operator action is recorded.
alter table api_keys add column operator boolean not null default false;

create table operator_audit (
    id      bigint      generated always as identity primary key,
    at      timestamptz not null default now(),
    actor   text        not null,
    action  text        not null,
    detail  text,
    constraint operator_audit_actor_length check (char_length(actor) between 1 and 320),
    constraint operator_audit_action_length check (char_length(action) between 1 and 64)
);
create index operator_audit_at on operator_audit (at desc, id desc);
